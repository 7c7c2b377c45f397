import type {Pod} from 'kubernetes-types/core/v1.js'

import {expect} from 'chai'

import {defaultPod} from '../../../src/api/defaults/pod.js'
import {fieldErrorText, type FieldError} from '../../../src/api/errors.js'
import {defaultApiSettings} from '../../../src/api/strategy.js'
import {podWarnings, validatePod, validatePodCreate} from '../../../src/api/validation/pod.js'

const texts = (errs: FieldError[]): string[] => errs.map((e) => fieldErrorText(e))

/** A pod as the API server would validate it: defaulted first. */
function pod(spec: Record<string, unknown>): Pod {
  const p = {apiVersion: 'v1', kind: 'Pod', metadata: {name: 'web', namespace: 'default'}, spec} as unknown as Pod
  defaultPod(p, defaultApiSettings)
  return p
}

const web = {name: 'web', image: 'nginx:1.27'}

describe('validatePod', () => {
  it('accepts a defaulted single-container pod', () => {
    expect(validatePod(pod({containers: [web]}))).to.deep.equal([])
  })

  it('requires at least one container', () => {
    expect(texts(validatePod(pod({containers: []})))).to.deep.equal(['spec.containers: Required value'])
  })

  it('requires container names to be DNS labels, unique across containers and init containers', () => {
    expect(texts(validatePod(pod({containers: [web, {name: 'web', image: 'busybox'}]})))).to.deep.equal([
      'spec.containers[1].name: Duplicate value: "web"',
    ])
    expect(texts(validatePod(pod({containers: [web], initContainers: [{name: 'web', image: 'busybox'}]})))).to.deep.equal([
      'spec.initContainers[0].name: Duplicate value: "web"',
    ])
    expect(texts(validatePod(pod({containers: [{name: 'Web', image: 'x'}]})))[0]).to.equal(
      `spec.containers[0].name: Invalid value: "Web": a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')`,
    )
  })

  it('requires an image without surrounding whitespace', () => {
    expect(texts(validatePod(pod({containers: [{name: 'web'}]})))).to.deep.equal(['spec.containers[0].image: Required value'])
    expect(texts(validatePod(pod({containers: [{name: 'web', image: ' nginx'}]})))).to.deep.equal([
      'spec.containers[0].image: Invalid value: " nginx": must not have leading or trailing whitespace',
    ])
  })

  it('checks container ports: range, protocol, IANA names and duplicates', () => {
    const ports = [
      {containerPort: 70000},
      {containerPort: 80, protocol: 'HTTP'},
      {containerPort: 81, name: 'http'},
      {containerPort: 82, name: 'http'},
      {containerPort: 83, name: 'Web--x'},
    ]
    expect(texts(validatePod(pod({containers: [{...web, ports}]})))).to.deep.equal([
      'spec.containers[0].ports[0].containerPort: Invalid value: 70000: must be between 1 and 65535, inclusive',
      'spec.containers[0].ports[1].protocol: Unsupported value: "HTTP": supported values: "SCTP", "TCP", "UDP"',
      'spec.containers[0].ports[3].name: Duplicate value: "http"',
      'spec.containers[0].ports[4].name: Invalid value: "Web--x": must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)',
      'spec.containers[0].ports[4].name: Invalid value: "Web--x": must not contain consecutive hyphens',
    ])
  })

  it('checks env var names and valueFrom', () => {
    const env = [{name: 'A=B', value: 'x'}, {name: ''}, {name: 'C', valueFrom: {}}]
    expect(texts(validatePod(pod({containers: [{...web, env}]})))).to.deep.equal([
      `spec.containers[0].env[0].name: Invalid value: "A=B": a valid environment variable name must consist only of printable ASCII characters other than '='`,
      'spec.containers[0].env[1].name: Required value',
      'spec.containers[0].env[2].valueFrom: Invalid value: "": must specify one of: `fieldRef`, `resourceFieldRef`, `configMapKeyRef` or `secretKeyRef`',
    ])
  })

  it('requires volume mounts to name a declared volume and have a path', () => {
    const c = {...web, volumeMounts: [{name: 'data', mountPath: '/data'}, {name: 'cache'}]}
    expect(texts(validatePod(pod({containers: [c], volumes: [{name: 'cache', emptyDir: {}}]})))).to.deep.equal([
      'spec.containers[0].volumeMounts[0].name: Not found: "data"',
      'spec.containers[0].volumeMounts[1].mountPath: Required value',
    ])
  })

  it('requires volume names to be unique labels with exactly one source', () => {
    const volumes = [
      {name: 'a', emptyDir: {}},
      {name: 'a', emptyDir: {}},
      {name: 'b', emptyDir: {}, configMap: {name: 'cm'}},
      {name: 'c', hostPath: {}},
    ]
    expect(texts(validatePod(pod({containers: [web], volumes})))).to.deep.equal([
      'spec.volumes[1].name: Duplicate value: "a"',
      'spec.volumes[2].configMap: Forbidden: may not specify more than 1 volume type',
      'spec.volumes[3].hostPath.path: Required value',
    ])
  })

  it('keeps requests at or below limits, reporting canonical quantities', () => {
    const resources = {limits: {cpu: '1', memory: '64Mi'}, requests: {cpu: '2000m', memory: '32Mi'}}
    expect(texts(validatePod(pod({containers: [{...web, resources}]})))).to.deep.equal([
      'spec.containers[0].resources.requests: Invalid value: "2": must be less than or equal to cpu limit of 1',
    ])
  })

  it('rejects negative quantities and unknown resource names', () => {
    const resources = {limits: {cpu: '-1', gpu: '1'}}
    expect(texts(validatePod(pod({containers: [{...web, resources}]})))).to.deep.equal([
      'spec.containers[0].resources.limits[cpu]: Invalid value: "-1": must be greater than or equal to 0',
      'spec.containers[0].resources.limits[gpu]: Invalid value: "gpu": must be a standard resource type or fully qualified',
      'spec.containers[0].resources.limits[gpu]: Invalid value: "gpu": must be a standard resource for containers',
      'spec.containers[0].resources.requests[cpu]: Invalid value: "-1": must be greater than or equal to 0',
      'spec.containers[0].resources.requests[gpu]: Invalid value: "gpu": must be a standard resource type or fully qualified',
      'spec.containers[0].resources.requests[gpu]: Invalid value: "gpu": must be a standard resource for containers',
    ])
  })

  it('reports a malformed quantity with the parser message', () => {
    const p = pod({containers: [web]})
    p.spec!.containers[0].resources = {limits: {memory: '1 Gi'}}
    expect(texts(validatePod(p))).to.deep.equal([
      `spec.containers[0].resources.limits[memory]: Invalid value: "1 Gi": quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'`,
    ])
  })

  it('lists the supported restartPolicy and dnsPolicy values', () => {
    expect(texts(validatePod(pod({containers: [web], restartPolicy: 'Sometimes', dnsPolicy: 'Google'})))).to.deep.equal([
      'spec.restartPolicy: Unsupported value: "Sometimes": supported values: "Always", "OnFailure", "Never"',
      'spec.dnsPolicy: Unsupported value: "Google": supported values: "ClusterFirstWithHostNet", "ClusterFirst", "Default", "None"',
    ])
  })

  it('forbids privileged together with allowPrivilegeEscalation=false, printing the Go struct', () => {
    const c = {...web, securityContext: {privileged: true, allowPrivilegeEscalation: false}}
    expect(texts(validatePod(pod({containers: [c]})))).to.deep.equal([
      'spec.containers[0].securityContext: Invalid value: {"Capabilities":null,"Privileged":true,"SELinuxOptions":null,"WindowsOptions":null,"RunAsUser":null,"RunAsGroup":null,"RunAsNonRoot":null,"ReadOnlyRootFilesystem":null,"AllowPrivilegeEscalation":false,"ProcMount":null,"SeccompProfile":null,"AppArmorProfile":null}: cannot set `allowPrivilegeEscalation` to false and `privileged` to true',
    ])
  })

  it('applies --allow-privileged=false as a Forbidden field error', () => {
    const c = {...web, securityContext: {privileged: true}}
    expect(texts(validatePod(pod({containers: [c]}), {allowPrivileged: false}))).to.deep.equal([
      'spec.containers[0].securityContext.privileged: Forbidden: disallowed by cluster policy',
    ])
    expect(validatePod(pod({containers: [c]}))).to.deep.equal([])
  })

  it('checks toleration operators and effects', () => {
    const tolerations = [
      {operator: 'Equal', value: 'x'},
      {key: 'k', operator: 'Exists', value: 'v'},
      {key: 'k', operator: 'Like'},
      {key: 'k', effect: 'NoSchedule', tolerationSeconds: 5},
      {key: 'k', effect: 'Never'},
    ]
    expect(texts(validatePod(pod({containers: [web], tolerations})))).to.deep.equal([
      'spec.tolerations[0].operator: Invalid value: "Equal": operator must be Exists when `key` is empty, which means "match all values and all keys"',
      "spec.tolerations[1].operator: Invalid value: \"v\": value must be empty when `operator` is 'Exists'",
      'spec.tolerations[2].operator: Unsupported value: "Like": supported values: "Equal", "Exists"',
      "spec.tolerations[3].effect: Invalid value: \"NoSchedule\": effect must be 'NoExecute' when `tolerationSeconds` is set",
      'spec.tolerations[4].effect: Unsupported value: "Never": supported values: "NoSchedule", "PreferNoSchedule", "NoExecute"',
    ])
  })

  it('validates nodeSelector like labels', () => {
    expect(texts(validatePod(pod({containers: [web], nodeSelector: {'disk type': 'ssd'}})))[0]).to.match(
      /^spec\.nodeSelector: Invalid value: "disk type": name part must consist of alphanumeric characters/,
    )
  })

  it('checks activeDeadlineSeconds and hostNetwork ports', () => {
    const c = {...web, ports: [{containerPort: 80, hostPort: 8080}]}
    expect(texts(validatePod(pod({containers: [c], hostNetwork: true, activeDeadlineSeconds: 0})))).to.deep.equal([
      'spec.containers[0].ports[0].hostPort: Invalid value: 8080: must match `containerPort` when `hostNetwork` is true',
      'spec.activeDeadlineSeconds: Invalid value: 0: must be between 1 and 2147483647, inclusive',
    ])
  })

  it('reports duplicate host ports across containers', () => {
    const a = {name: 'a', image: 'x', ports: [{containerPort: 80, hostPort: 8080}]}
    const b = {name: 'b', image: 'x', ports: [{containerPort: 81, hostPort: 8080}]}
    expect(texts(validatePod(pod({containers: [a, b]})))).to.deep.equal(['spec.containers[1].ports[0].hostPort: Duplicate value: "TCP//8080"'])
  })

  it('forbids ephemeral containers on create', () => {
    const p = pod({containers: [web]})
    p.spec!.ephemeralContainers = [{name: 'debug', image: 'busybox'}]
    expect(texts(validatePodCreate(p))).to.deep.equal(['spec.ephemeralContainers: Forbidden: cannot be set on create'])
  })
})

describe('podWarnings', () => {
  it('warns about a negative grace period and fractional memory instead of rejecting them', () => {
    const p = pod({containers: [{...web, resources: {requests: {memory: '200m'}}}], terminationGracePeriodSeconds: -5})
    expect(validatePod(p)).to.deep.equal([])
    expect(podWarnings(p)).to.deep.equal([
      'spec.containers[0].resources.requests[memory]: fractional byte value "200m" is invalid, must be an integer',
      'spec.terminationGracePeriodSeconds: must be >= 0; negative values are invalid and will be treated as 1',
    ])
  })
})
