import {expect} from 'chai'

import {isStatusError} from '../../../src/api/errors.js'
import {podType} from '../../../src/api/kinds/pod.js'
import {lookupResource} from '../../../src/api/registry.js'
import {defaultApiSettings, type StrategyContext} from '../../../src/api/strategy.js'
import type {KObject} from '../../../src/api/types.js'

function ctx(namespaceLabels: Record<string, string> = {}, allowPrivileged = true): StrategyContext {
  return {
    clock: {now: () => new Date('2026-07-01T10:20:30Z')},
    settings: {...defaultApiSettings, allowPrivileged},
    getObject: (kind, ns, name) =>
      kind === 'Namespace' && name === 'default'
        ? {apiVersion: 'v1', kind: 'Namespace', metadata: {name, labels: namespaceLabels}}
        : kind === 'ServiceAccount' && ns === 'default' && name === 'default'
          ? {apiVersion: 'v1', kind: 'ServiceAccount', metadata: {name, namespace: ns}}
          : undefined,
  }
}

function pod(spec: Record<string, unknown>, status?: Record<string, unknown>): KObject {
  return {apiVersion: 'v1', kind: 'Pod', metadata: {name: 'web', namespace: 'default'}, spec, ...(status ? {status} : {})}
}

describe('Pod kind', () => {
  it('is registered as pods, pod, po in the core group and in category all', () => {
    expect(lookupResource('po')).to.equal(podType)
    expect(lookupResource('pods')).to.equal(podType)
    expect([podType.kind, podType.group, podType.version, podType.singular, podType.namespaced]).to.deep.equal(['Pod', '', 'v1', 'pod', true])
    expect(podType.categories).to.deep.equal(['all'])
    expect(podType.strategy.tracksGeneration).to.equal(true)
  })

  it('defaults, then starts Pending with its QoS class', () => {
    const obj = pod({containers: [{name: 'web', image: 'nginx', resources: {limits: {cpu: '1', memory: '1Gi'}}}]})
    podType.strategy.default!(obj, ctx())
    podType.strategy.prepareForCreate!(obj, ctx())
    expect(obj.status).to.deep.equal({phase: 'Pending', qosClass: 'Guaranteed'})
    expect(podType.strategy.validate!(obj, ctx())).to.deep.equal([])
  })

  it('answers a value that is not a quantity with the decode error', () => {
    const obj = pod({containers: [{name: 'web', image: 'nginx', resources: {limits: {cpu: 'lots'}}}]})
    try {
      podType.strategy.default!(obj, ctx())
      expect.fail('expected a BadRequest')
    } catch (error) {
      expect(isStatusError(error, 'BadRequest')).to.equal(true)
      expect((error as Error).message).to.equal(
        `Pod in version "v1" cannot be handled as a Pod: quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'`,
      )
    }
  })

  it('validates privileged containers against the cluster setting', () => {
    const obj = pod({containers: [{name: 'web', image: 'nginx', securityContext: {privileged: true}}]})
    podType.strategy.default!(obj, ctx())
    expect(podType.strategy.validate!(obj, ctx({}, false)).map((e) => e.field)).to.deep.equal(['spec.containers[0].securityContext.privileged'])
  })

  it('admits through the namespace Pod Security labels', () => {
    const obj = pod({containers: [{name: 'web', image: 'nginx', securityContext: {privileged: true}}]})
    podType.strategy.default!(obj, ctx())
    expect(() => podType.strategy.admit!(obj, 'create', ctx({'pod-security.kubernetes.io/enforce': 'baseline'}))).to.throw(
      'pods "web" is forbidden: violates PodSecurity "baseline:latest": privileged (container "web" must not set securityContext.privileged=true)',
    )
    expect(podType.strategy.admit!(obj, 'create', ctx({'pod-security.kubernetes.io/warn': 'baseline'}))).to.deep.equal({
      warnings: ['would violate PodSecurity "baseline:latest": privileged (container "web" must not set securityContext.privileged=true)'],
    })
  })

  it('picks the delete grace period as the pod strategy does', () => {
    const grace = podType.strategy.deleteGracePeriod!
    const scheduled = pod({nodeName: 'node-1', terminationGracePeriodSeconds: 45}, {phase: 'Running'})
    expect(grace(scheduled, undefined)).to.equal(45)
    expect(grace(scheduled, 10)).to.equal(10)
    expect(grace(scheduled, 0)).to.equal(0)
    expect(grace(scheduled, -3)).to.equal(1)
    expect(grace(pod({terminationGracePeriodSeconds: 45}), undefined)).to.equal(0)
    expect(grace(pod({nodeName: 'node-1', terminationGracePeriodSeconds: 45}, {phase: 'Succeeded'}), 30)).to.equal(0)
    expect(grace(pod({nodeName: 'node-1', terminationGracePeriodSeconds: 45}, {phase: 'Failed'}), undefined)).to.equal(0)
  })

  it('counts only spec differences as spec changes', () => {
    const a = pod({containers: [{name: 'web', image: 'nginx:1'}]})
    const b = {...a, metadata: {...a.metadata, labels: {x: 'y'}}}
    const c = pod({containers: [{name: 'web', image: 'nginx:2'}]})
    expect(podType.strategy.specChanged!(b, a)).to.equal(false)
    expect(podType.strategy.specChanged!(c, a)).to.equal(true)
  })
})

describe('Pod kind with scheduling gates', () => {
  it('starts with PodScheduled=False, reason SchedulingGated', () => {
    const obj = pod({schedulingGates: [{name: 'example.com/gate'}], containers: [{name: 'web', image: 'nginx'}]})
    podType.strategy.default!(obj, ctx())
    podType.strategy.prepareForCreate!(obj, ctx())
    expect(JSON.stringify(obj.status)).to.equal(
      JSON.stringify({
        conditions: [
          {
            lastProbeTime: null,
            lastTransitionTime: '2026-07-01T10:20:30Z',
            message: 'Scheduling is blocked due to non-empty scheduling gates',
            reason: 'SchedulingGated',
            status: 'False',
            type: 'PodScheduled',
          },
        ],
        phase: 'Pending',
        qosClass: 'BestEffort',
      }),
    )
  })
})
