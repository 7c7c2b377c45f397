import {expect} from 'chai'

import {checkFields, strictDecodingMessage} from '../../../src/api/schema/strict.js'

type Obj = Record<string, unknown>

const pod = (spec: Obj, extra: Obj = {}): Obj => ({apiVersion: 'v1', kind: 'Pod', metadata: {name: 'web'}, spec, ...extra})
const web = (extra: Obj = {}): Obj => ({name: 'web', image: 'nginx', ...extra})

/** The decode error of `obj` (without the `<Kind> in version ...` prefix). */
function decodeError(obj: Obj): string | undefined {
  return checkFields(obj.kind as string, obj.apiVersion as string, obj).typeError
}

describe('strict field validation: values of the wrong type', () => {
  it('names the Go struct, the JSON path without indexes and the Go type', () => {
    expect(strictDecodingMessage('Pod', 'v1', checkFields('Pod', 'v1', pod({containers: {name: 'web'}})))).to.equal(
      'Pod in version "v1" cannot be handled as a Pod: json: cannot unmarshal object into Go struct field PodSpec.spec.containers of type []v1.Container',
    )
    expect(decodeError(pod({containers: [web({ports: [{containerPort: '80'}]})]}))).to.equal(
      'json: cannot unmarshal string into Go struct field ContainerPort.spec.containers.ports.containerPort of type int32',
    )
  })

  it('reports arrays where objects belong, and elements of the wrong kind', () => {
    expect(decodeError(pod({containers: [web()], securityContext: []}))).to.equal(
      'json: cannot unmarshal array into Go struct field PodSpec.spec.securityContext of type v1.PodSecurityContext',
    )
    expect(decodeError(pod({containers: [web()], imagePullSecrets: ['regcred']}))).to.equal(
      'json: cannot unmarshal string into Go struct field PodSpec.spec.imagePullSecrets of type v1.LocalObjectReference',
    )
    expect(decodeError(pod({containers: [web({command: 'sleep 10'})]}))).to.equal(
      'json: cannot unmarshal string into Go struct field Container.spec.containers.command of type []string',
    )
    expect(decodeError(pod({containers: [web()], volumes: [{name: 'data', hostPath: '/tmp'}]}))).to.equal(
      'json: cannot unmarshal string into Go struct field Volume.spec.volumes.hostPath of type v1.HostPathVolumeSource',
    )
  })

  it('reports numbers and booleans where strings belong, in maps too', () => {
    expect(decodeError(pod({containers: [web({env: [{name: 'PORT', value: 8080}]})]}))).to.equal(
      'json: cannot unmarshal number into Go struct field EnvVar.spec.containers.env.value of type string',
    )
    expect(decodeError(pod({containers: [web()], nodeSelector: {ssd: true}}))).to.equal(
      'json: cannot unmarshal bool into Go struct field PodSpec.spec.nodeSelector of type string',
    )
    expect(decodeError(pod({containers: [web()]}, {metadata: {name: 'web', labels: {tier: 1}}}))).to.equal(
      'json: cannot unmarshal number into Go struct field ObjectMeta.metadata.labels of type string',
    )
    expect(decodeError(pod({containers: [web()], hostNetwork: 'true'}))).to.equal(
      'json: cannot unmarshal string into Go struct field PodSpec.spec.hostNetwork of type bool',
    )
  })

  it('names int64 and named string types as Go declares them', () => {
    expect(decodeError(pod({containers: [web()], terminationGracePeriodSeconds: '30'}))).to.equal(
      'json: cannot unmarshal string into Go struct field PodSpec.spec.terminationGracePeriodSeconds of type int64',
    )
    expect(decodeError(pod({containers: [web()], restartPolicy: 1}))).to.equal(
      'json: cannot unmarshal number into Go struct field PodSpec.spec.restartPolicy of type v1.RestartPolicy',
    )
    expect(decodeError(pod({containers: [web({securityContext: {capabilities: {add: [1]}}})]}))).to.equal(
      'json: cannot unmarshal number into Go struct field Capabilities.spec.containers.securityContext.capabilities.add of type v1.Capability',
    )
    expect(decodeError(pod({containers: [web({resources: {limits: []}})]}))).to.equal(
      'json: cannot unmarshal array into Go struct field ResourceRequirements.spec.containers.resources.limits of type v1.ResourceList',
    )
  })

  it('quotes non-integral and out-of-range numbers for integer fields', () => {
    const deploy = (spec: Obj): Obj => ({apiVersion: 'apps/v1', kind: 'Deployment', metadata: {name: 'web'}, spec})
    expect(decodeError(deploy({replicas: 1.5}))).to.equal(
      'json: cannot unmarshal number 1.5 into Go struct field DeploymentSpec.spec.replicas of type int32',
    )
    expect(decodeError(pod({containers: [web({ports: [{containerPort: 99999999999}]})]}))).to.equal(
      'json: cannot unmarshal number 99999999999 into Go struct field ContainerPort.spec.containers.ports.containerPort of type int32',
    )
    expect(decodeError(deploy({template: {spec: {nodeSelector: ['ssd']}}}))).to.equal(
      'json: cannot unmarshal array into Go struct field PodSpec.spec.template.spec.nodeSelector of type map[string]string',
    )
  })

  it('passes quantity errors through as ParseQuantity words them', () => {
    expect(decodeError(pod({containers: [web({resources: {limits: {cpu: '1 core'}}})]}))).to.equal(
      "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'",
    )
    expect(decodeError(pod({containers: [web({resources: {requests: {memory: true}}})]}))).to.equal(
      "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'",
    )
    expect(decodeError(pod({containers: [web({resources: {requests: {memory: '512MM'}}})]}))).to.equal("unable to parse quantity's suffix")
    expect(decodeError(pod({containers: [web({resources: {requests: {cpu: 0.5, memory: 1024}}})]}))).to.equal(undefined)
  })

  it('decodes int-or-string ports as int32 when they are not strings', () => {
    expect(decodeError(pod({containers: [web({livenessProbe: {httpGet: {port: true}}})]}))).to.equal(
      'json: cannot unmarshal bool into Go struct field HTTPGetAction.spec.containers.livenessProbe.httpGet.port of type int32',
    )
    expect(decodeError(pod({containers: [web({readinessProbe: {tcpSocket: {port: 80.5}}})]}))).to.equal(
      'json: cannot unmarshal number 80.5 into Go struct field TCPSocketAction.spec.containers.readinessProbe.tcpSocket.port of type int32',
    )
    expect(decodeError(pod({containers: [web({livenessProbe: {httpGet: {port: 'http'}}})]}))).to.equal(undefined)
  })

  it('parses times as RFC 3339 and micro-times with exactly six fraction digits', () => {
    expect(decodeError(pod({containers: [web()]}, {metadata: {name: 'web', creationTimestamp: 'yesterday'}}))).to.equal(
      'parsing time "yesterday" as "2006-01-02T15:04:05Z07:00": cannot parse "yesterday" as "2006"',
    )
    expect(decodeError(pod({containers: [web()]}, {metadata: {name: 'web', creationTimestamp: 5}}))).to.equal(
      'json: cannot unmarshal number into Go struct field ObjectMeta.metadata.creationTimestamp of type string',
    )
    const lease = {apiVersion: 'coordination.k8s.io/v1', kind: 'Lease', metadata: {name: 'l'}, spec: {renewTime: '2024-01-01T00:00:00Z'}}
    expect(strictDecodingMessage('Lease', 'coordination.k8s.io/v1', checkFields('Lease', 'coordination.k8s.io/v1', lease))).to.equal(
      'Lease in version "v1" cannot be handled as a Lease: parsing time "2024-01-01T00:00:00Z" as "2006-01-02T15:04:05.000000Z07:00": cannot parse "Z" as ".000000"',
    )
  })

  it('reports bad base64 in secret data by byte offset', () => {
    const secret = (data: Obj): Obj => ({apiVersion: 'v1', kind: 'Secret', metadata: {name: 's'}, data})
    expect(strictDecodingMessage('Secret', 'v1', checkFields('Secret', 'v1', secret({password: 'hello'})))).to.equal(
      'Secret in version "v1" cannot be handled as a Secret: illegal base64 data at input byte 4',
    )
    expect(decodeError(secret({password: 'aGVsbG8='}))).to.equal(undefined)
    expect(decodeError(secret({password: 5}))).to.equal('json: cannot unmarshal number into Go struct field Secret.data of type []uint8')
  })

  it('treats null as absent for every type', () => {
    expect(decodeError(pod({containers: [web({ports: null, resources: {limits: {cpu: null}}})], nodeSelector: null}))).to.equal(undefined)
  })

  it('keeps the first type error, but an unmarshaler error later on ends decoding and wins', () => {
    expect(decodeError(pod({containers: [web({ports: [{containerPort: '80', hostPort: '81'}]})]}))).to.equal(
      'json: cannot unmarshal string into Go struct field ContainerPort.spec.containers.ports.containerPort of type int32',
    )
    expect(decodeError(pod({containers: [web({ports: [{containerPort: '80'}], resources: {limits: {cpu: 'x'}}})]}))).to.equal(
      "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'",
    )
  })

  it('lets a type error hide the unknown fields', () => {
    const r = checkFields('Pod', 'v1', pod({containers: [web({imagee: 1})], restartPolicy: 1}))
    expect(r.unknown).to.deep.equal(['spec.containers[0].imagee'])
    expect(strictDecodingMessage('Pod', 'v1', r)).to.equal(
      'Pod in version "v1" cannot be handled as a Pod: json: cannot unmarshal number into Go struct field PodSpec.spec.restartPolicy of type v1.RestartPolicy',
    )
  })
})
