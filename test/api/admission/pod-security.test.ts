import type {Pod} from 'kubernetes-types/core/v1.js'

import {expect} from 'chai'

import {admitPodSecurity, evaluatePodSecurity, privilegedPolicyErrors} from '../../../src/api/admission/pod-security.js'
import {fieldErrorText, isStatusError, type StatusError} from '../../../src/api/errors.js'

function pod(spec: Record<string, unknown>): Pod {
  return {apiVersion: 'v1', kind: 'Pod', metadata: {name: 'x', namespace: 'ns'}, spec} as unknown as Pod
}

function rejection(fn: () => unknown): StatusError {
  try {
    fn()
  } catch (error) {
    if (isStatusError(error)) return error
    throw error
  }
  throw new Error('expected a StatusError')
}

const privileged = pod({containers: [{name: 'x', image: 'nginx', securityContext: {privileged: true}}]})
const plain = pod({containers: [{name: 'x', image: 'nginx'}]})
const RESTRICTED_PLAIN =
  'allowPrivilegeEscalation != false (container "x" must set securityContext.allowPrivilegeEscalation=false), unrestricted capabilities (container "x" must set securityContext.capabilities.drop=["ALL"]), runAsNonRoot != true (pod or container "x" must set securityContext.runAsNonRoot=true), seccompProfile (pod or container "x" must set securityContext.seccompProfile.type to "RuntimeDefault" or "Localhost")'

describe('admitPodSecurity', () => {
  it('lets anything through a namespace without labels', () => {
    expect(admitPodSecurity(privileged, {}, 'x')).to.deep.equal({warnings: []})
  })

  it('rejects a privileged container under baseline with a 403 naming the check', () => {
    const err = rejection(() => admitPodSecurity(privileged, {'pod-security.kubernetes.io/enforce': 'baseline'}, 'x'))
    expect(err.code).to.equal(403)
    expect(err.reason).to.equal('Forbidden')
    expect(err.message).to.equal(
      'pods "x" is forbidden: violates PodSecurity "baseline:latest": privileged (container "x" must not set securityContext.privileged=true)',
    )
  })

  it('lists baseline checks first, then restricted ones, each sorted by check ID', () => {
    const err = rejection(() => admitPodSecurity(privileged, {'pod-security.kubernetes.io/enforce': 'restricted'}, 'x'))
    expect(err.message).to.equal(
      `pods "x" is forbidden: violates PodSecurity "restricted:latest": privileged (container "x" must not set securityContext.privileged=true), ${RESTRICTED_PLAIN}`,
    )
  })

  it('names the enforce version from its label', () => {
    const labels = {'pod-security.kubernetes.io/enforce': 'baseline', 'pod-security.kubernetes.io/enforce-version': 'v1.30'}
    expect(rejection(() => admitPodSecurity(privileged, labels, 'x')).message).to.contain('violates PodSecurity "baseline:v1.30": ')
  })

  it('returns warn-mode violations as warnings and admits the pod', () => {
    expect(admitPodSecurity(plain, {'pod-security.kubernetes.io/warn': 'restricted'}, 'x')).to.deep.equal({
      warnings: [`would violate PodSecurity "restricted:latest": ${RESTRICTED_PLAIN}`],
    })
  })

  it('accepts a pod that meets restricted', () => {
    const ok = pod({
      securityContext: {runAsNonRoot: true, seccompProfile: {type: 'RuntimeDefault'}},
      containers: [{name: 'x', image: 'nginx', securityContext: {allowPrivilegeEscalation: false, capabilities: {drop: ['ALL']}}}],
    })
    expect(admitPodSecurity(ok, {'pod-security.kubernetes.io/enforce': 'restricted'}, 'x')).to.deep.equal({warnings: []})
  })
})

describe('evaluatePodSecurity', () => {
  it('groups containers, host namespaces, host paths and host ports as baseline does', () => {
    const spec = {
      hostNetwork: true,
      hostPID: true,
      volumes: [{name: 'proc', hostPath: {path: '/proc'}}, {name: 'sys', hostPath: {path: '/sys'}}],
      initContainers: [{name: 'init', image: 'x', securityContext: {capabilities: {add: ['NET_ADMIN', 'CHOWN']}}}],
      containers: [
        {name: 'a', image: 'x', ports: [{containerPort: 9100, hostPort: 9100}], securityContext: {capabilities: {add: ['SYS_ADMIN']}}},
        {name: 'b', image: 'x', ports: [{containerPort: 80, hostPort: 80}]},
      ],
    }
    expect(evaluatePodSecurity(spec as never, 'baseline')).to.equal(
      'non-default capabilities (containers "init", "a" must not include "NET_ADMIN", "SYS_ADMIN" in securityContext.capabilities.add), host namespaces (hostNetwork=true, hostPID=true), hostPath volumes (volumes "proc", "sys"), hostPort (containers "a", "b" use hostPorts 80, 9100)',
    )
  })

  it('replaces hostPath, capability and seccomp checks with their restricted versions', () => {
    const spec = {
      securityContext: {runAsNonRoot: true, runAsUser: 0, seccompProfile: {type: 'Unconfined'}},
      volumes: [{name: 'host', hostPath: {path: '/'}}],
      containers: [{name: 'x', image: 'x', securityContext: {allowPrivilegeEscalation: false, capabilities: {drop: ['ALL'], add: ['NET_RAW']}}}],
    }
    expect(evaluatePodSecurity(spec as never, 'restricted')).to.equal(
      'unrestricted capabilities (container "x" must not include "NET_RAW" in securityContext.capabilities.add), restricted volume types (volume "host" uses restricted volume type "hostPath"), runAsUser=0 (pod must not set runAsUser=0), seccompProfile (pod must not set securityContext.seccompProfile.type to "Unconfined")',
    )
    expect(evaluatePodSecurity(spec as never, 'baseline')).to.equal(
      'non-default capabilities (container "x" must not include "NET_RAW" in securityContext.capabilities.add), hostPath volumes (volume "host"), seccompProfile (pod must not set securityContext.seccompProfile.type to "Unconfined")',
    )
  })

  it('evaluates nothing at the privileged level', () => {
    expect(evaluatePodSecurity(privileged.spec!, 'privileged')).to.equal(undefined)
  })
})

describe('privilegedPolicyErrors', () => {
  it('forbids privileged containers when the cluster disallows them', () => {
    expect(privilegedPolicyErrors(privileged, false).map((e) => fieldErrorText(e))).to.deep.equal([
      'spec.containers[0].securityContext.privileged: Forbidden: disallowed by cluster policy',
    ])
    expect(privilegedPolicyErrors(privileged, true)).to.deep.equal([])
    expect(privilegedPolicyErrors(plain, false)).to.deep.equal([])
  })
})
