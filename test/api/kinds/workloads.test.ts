import {expect} from 'chai'

import type {KObject} from '../../../src/api/types.js'

import {deploymentType} from '../../../src/api/kinds/deployment.js'
import {lookupResource} from '../../../src/api/registry.js'
import {useKindApi} from './kind-api.js'

const FIXED = new Date('2026-01-02T03:04:05Z')

function deployment(spec: Record<string, unknown>): KObject {
  return {apiVersion: 'apps/v1', kind: 'Deployment', metadata: {name: 'web', namespace: 'default'}, spec}
}

const template = {metadata: {labels: {app: 'web'}}, spec: {containers: [{name: 'web', image: 'nginx'}]}}

describe('Deployment and ReplicaSet kinds', () => {
  const {api, failure} = useKindApi(FIXED)

  it('resolves deploy, rs and their qualified names, both in the all category', () => {
    expect(lookupResource('deploy')?.kind).to.equal('Deployment')
    expect(lookupResource('deployments.apps')?.kind).to.equal('Deployment')
    expect(lookupResource('rs')?.kind).to.equal('ReplicaSet')
    expect(lookupResource('replicaset')?.categories).to.deep.equal(['all'])
  })

  it('defaults replicas, strategy, history, deadline and the template spec but not pod-only fields', () => {
    const d = api().create(deployment({selector: {matchLabels: {app: 'web'}}, template})).object
    const spec = d.spec as Record<string, any>
    expect([spec.replicas, spec.revisionHistoryLimit, spec.progressDeadlineSeconds]).to.deep.equal([1, 10, 600])
    expect(spec.strategy).to.deep.equal({rollingUpdate: {maxSurge: '25%', maxUnavailable: '25%'}, type: 'RollingUpdate'})
    expect(Object.keys(spec.template.spec)).to.deep.equal(['containers', 'dnsPolicy', 'restartPolicy', 'schedulerName', 'securityContext', 'terminationGracePeriodSeconds'])
    expect(spec.template.spec.containers[0]).to.deep.equal({image: 'nginx', imagePullPolicy: 'Always', name: 'web', resources: {}, terminationMessagePath: '/dev/termination-log', terminationMessagePolicy: 'File'})
    expect(d.metadata.generation).to.equal(1)
    expect(d.status).to.deep.equal({})
  })

  it('requires a selector in apps/v1', () => {
    expect(failure(() => api().create(deployment({template})))).to.equal('The Deployment "web" is invalid: spec.selector: Required value')
  })

  it('refuses negative replicas and a selector that does not match the template labels, with the API server text', () => {
    const text = failure(() => api().create(deployment({replicas: -1, selector: {matchLabels: {app: 'other'}}, template})))
    expect(text).to.equal(
      'The Deployment "web" is invalid: \n' +
        '* spec.replicas: Invalid value: -1: must be greater than or equal to 0\n' +
        '* spec.template.metadata.labels: Invalid value: map[string]string{"app":"web"}: `selector` does not match template `labels`',
    )
  })

  it('refuses an empty selector and both maxSurge and maxUnavailable at zero', () => {
    const a = api()
    expect(failure(() => a.create(deployment({selector: {}, template})))).to.equal(
      'The Deployment "web" is invalid: spec.selector: Invalid value: v1.LabelSelector{MatchLabels:map[string]string(nil), MatchExpressions:[]v1.LabelSelectorRequirement(nil)}: empty selector is invalid for deployment',
    )
    const strategy = {type: 'RollingUpdate', rollingUpdate: {maxSurge: 0, maxUnavailable: '0%'}}
    expect(failure(() => a.create(deployment({selector: {matchLabels: {app: 'web'}}, strategy, template})))).to.equal(
      'The Deployment "web" is invalid: spec.strategy.rollingUpdate.maxUnavailable: Invalid value: intstr.IntOrString{Type:1, IntVal:0, StrVal:"0%"}: may not be 0 when `maxSurge` is 0',
    )
  })

  it('keeps the selector immutable and bumps generation only on spec changes', () => {
    const a = api()
    a.create(deployment({selector: {matchLabels: {app: 'web'}}, template}))
    expect(failure(() => a.modify(deploymentType, 'default', 'web', (o) => {
      ;(o.spec as any).selector = {matchLabels: {app: 'web', tier: 'x'}}
      ;(o.spec as any).template.metadata.labels.tier = 'x'
    }))).to.equal(
      'The Deployment "web" is invalid: spec.selector: Invalid value: v1.LabelSelector{MatchLabels:map[string]string{"app":"web", "tier":"x"}, MatchExpressions:[]v1.LabelSelectorRequirement(nil)}: field is immutable',
    )
    const labelled = a.modify(deploymentType, 'default', 'web', (o) => {
      o.metadata.labels = {a: 'b'}
    })
    expect(labelled.metadata.generation).to.equal(1)
    const scaled = a.modify(deploymentType, 'default', 'web', (o) => {
      ;(o.spec as any).replicas = 3
    })
    expect(scaled.metadata.generation).to.equal(2)
  })

  it('gives a ReplicaSet replicas 0 in status on create and validates it the same way', () => {
    const a = api()
    const rs = a.create({apiVersion: 'apps/v1', kind: 'ReplicaSet', metadata: {name: 'rs', namespace: 'default'}, spec: {selector: {matchLabels: {app: 'web'}}, template}}).object
    expect(rs.status).to.deep.equal({replicas: 0})
    expect((rs.spec as any).replicas).to.equal(1)
    expect(failure(() => a.create({apiVersion: 'apps/v1', kind: 'ReplicaSet', metadata: {name: 'x', namespace: 'default'}, spec: {template}}))).to.equal(
      'The ReplicaSet "x" is invalid: spec.selector: Required value',
    )
  })
})
