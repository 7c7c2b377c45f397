import {expect} from 'chai'

import type {KObject} from '../../../src/api/types.js'

import {podDisruptionBudgetType} from '../../../src/api/kinds/poddisruptionbudget.js'
import {lookupResource} from '../../../src/api/registry.js'
import {useKindApi} from './kind-api.js'

const FIXED = new Date('2026-01-02T03:04:05Z')
const pdb = (spec: Record<string, unknown>): KObject => ({apiVersion: 'policy/v1', kind: 'PodDisruptionBudget', metadata: {name: 'p', namespace: 'default'}, spec})

describe('PodDisruptionBudget kind', () => {
  const {stores, api, failure} = useKindApi(FIXED)

  it('resolves pdb and poddisruptionbudgets.policy', () => {
    expect(lookupResource('pdb')?.kind).to.equal('PodDisruptionBudget')
    expect(lookupResource('poddisruptionbudgets.policy')?.kind).to.equal('PodDisruptionBudget')
    expect(lookupResource('pdb')?.categories).to.deep.equal([])
  })

  it('stores no defaults, a zero status and generation 1; a spec change bumps the generation', () => {
    const a = api()
    const created = a.create(pdb({selector: {matchLabels: {app: 'web'}}})).object
    expect(created.spec).to.deep.equal({selector: {matchLabels: {app: 'web'}}})
    expect(created.status).to.deep.equal({currentHealthy: 0, desiredHealthy: 0, disruptionsAllowed: 0, expectedPods: 0})
    expect(created.metadata.generation).to.equal(1)
    const changed = a.modify(podDisruptionBudgetType, 'default', 'p', (o) => void ((o.spec as Record<string, unknown>).maxUnavailable = 1))
    expect(changed.metadata.generation).to.equal(2)
  })

  it('refuses both bounds, negative values, bad and over-100 percentages, with the API server\'s messages', () => {
    const a = api()
    expect(failure(() => a.create(pdb({minAvailable: 1, maxUnavailable: 1, selector: {matchLabels: {app: 'web'}}})))).to.equal(
      'The PodDisruptionBudget "p" is invalid: spec: Invalid value: policy.PodDisruptionBudgetSpec{MinAvailable:(*intstr.IntOrString)(0xc000a1e000), Selector:(*v1.LabelSelector)(0xc000a1e000), MaxUnavailable:(*intstr.IntOrString)(0xc000a1e000), UnhealthyPodEvictionPolicy:(*policy.UnhealthyPodEvictionPolicyType)(nil)}: minAvailable and maxUnavailable cannot be both set',
    )
    expect(failure(() => a.create(pdb({minAvailable: -1})))).to.equal('The PodDisruptionBudget "p" is invalid: spec.minAvailable: Invalid value: -1: must be greater than or equal to 0')
    expect(failure(() => a.create(pdb({maxUnavailable: 'half'})))).to.equal(
      'The PodDisruptionBudget "p" is invalid: spec.maxUnavailable: Invalid value: intstr.IntOrString{Type:1, IntVal:0, StrVal:"half"}: must be an integer or percentage (e.g \'5%\')',
    )
    expect(failure(() => a.create(pdb({minAvailable: '150%'})))).to.equal(
      'The PodDisruptionBudget "p" is invalid: spec.minAvailable: Invalid value: intstr.IntOrString{Type:1, IntVal:0, StrVal:"150%"}: must not be greater than 100%',
    )
  })

  it('validates the selector and the unhealthyPodEvictionPolicy', () => {
    const a = api()
    expect(failure(() => a.create(pdb({minAvailable: 1, selector: {matchExpressions: [{key: 'app', operator: 'In'}]}})))).to.equal(
      "The PodDisruptionBudget \"p\" is invalid: spec.selector.matchExpressions[0].values: Required value: must be specified when `operator` is 'In' or 'NotIn'",
    )
    expect(failure(() => a.create(pdb({minAvailable: 1, unhealthyPodEvictionPolicy: 'Sometimes'})))).to.equal(
      'The PodDisruptionBudget "p" is invalid: spec.unhealthyPodEvictionPolicy: Unsupported value: "Sometimes": supported values: "AlwaysAllow", "IfHealthyBudget"',
    )
    expect(failure(() => a.modify(podDisruptionBudgetType, 'default', a.create(pdb({minAvailable: 1})).object.metadata.name!, (o) => void ((o.spec as Record<string, unknown>).minAvailable = -2)))).to.equal(
      'The PodDisruptionBudget "p" is invalid: spec.minAvailable: Invalid value: -2: must be greater than or equal to 0',
    )
  })
})
