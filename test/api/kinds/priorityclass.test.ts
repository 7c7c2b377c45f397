// PriorityClass as the API server serves it, and the Priority admission plugin for pods.
import {expect} from 'chai'

import type {KObject} from '../../../src/api/types.js'

import {defaultProfile} from '../../../src/api/cluster-profile.js'
import {lookupResource} from '../../../src/api/registry.js'
import {Api} from '../../../src/api/server.js'
import {bootstrapCluster} from '../../../src/cluster/bootstrap.js'
import {errorText} from '../../../src/cli/errors.js'
import {useTempStores} from '../../store/temp-store.js'

describe('PriorityClass and Priority admission', () => {
  const stores = useTempStores()
  function api(): Api {
    const store = stores.open()
    bootstrapCluster(store, {...defaultProfile, name: 'ksim', nodes: 1}, new Date('2026-07-01T10:00:00Z'))
    return new Api(store)
  }
  function failure(fn: () => unknown): string {
    try {
      fn()
    } catch (error) {
      return errorText(error)
    }
    throw new Error('expected an error')
  }
  const pc = (name: string, fields: Record<string, unknown>) => ({apiVersion: 'scheduling.k8s.io/v1', kind: 'PriorityClass', metadata: {name}, ...fields})
  const pod = (name: string, spec: Record<string, unknown> = {}) => ({apiVersion: 'v1', kind: 'Pod', metadata: {name, namespace: 'default'}, spec: {containers: [{name: 'c', image: 'nginx'}], ...spec}})
  const specOf = (o: KObject) => o.spec as {priority?: number; priorityClassName?: string; preemptionPolicy?: string}

  it('has the two system classes from the start, and stores a user class with its defaults (omitempty fields left out)', () => {
    const a = api()
    const rt = lookupResource('priorityclasses')!
    expect(a.list(rt, undefined).items.map((o) => [o.metadata.name, o.value, o.globalDefault, o.preemptionPolicy])).to.deep.equal([
      ['system-cluster-critical', 2000000000, undefined, 'PreemptLowerPriority'],
      ['system-node-critical', 2000001000, undefined, 'PreemptLowerPriority'],
    ])
    const created = a.create(pc('high', {value: 1000, globalDefault: false, description: ''})).object
    expect(Object.keys(created).sort()).to.deep.equal(['apiVersion', 'kind', 'metadata', 'preemptionPolicy', 'value'])
  })

  it("refuses reserved names, too high values, bad policies and changes to value or preemptionPolicy with the API server's messages", () => {
    const a = api()
    expect(failure(() => a.create(pc('system-node-critical2', {value: 1})))).to.equal(
      `The PriorityClass "system-node-critical2" is invalid: metadata.name: Forbidden: priority class names with 'system-' prefix are reserved for system use only. error: system-node-critical2 is not a known system priority class`,
    )
    expect(failure(() => a.create(pc('too-high', {value: 1000000001})))).to.equal('The PriorityClass "too-high" is invalid: value: Forbidden: maximum allowed value of a user defined priority is 1000000000')
    expect(failure(() => a.create(pc('p', {value: 1, preemptionPolicy: 'Always'})))).to.equal('The PriorityClass "p" is invalid: preemptionPolicy: Unsupported value: "Always": supported values: "Never", "PreemptLowerPriority"')
    a.create(pc('low', {value: 10}))
    const rt = lookupResource('priorityclasses')!
    expect(failure(() => a.modify(rt, '', 'low', (o) => void (o.value = 11)))).to.equal('The PriorityClass "low" is invalid: value: Forbidden: may not be changed in an update.')
    expect(failure(() => a.modify(rt, '', 'low', (o) => void (o.preemptionPolicy = 'Never')))).to.equal('The PriorityClass "low" is invalid: preemptionPolicy: Invalid value: "Never": field is immutable')
  })

  it('allows one globalDefault class', () => {
    const a = api()
    a.create(pc('default-prio', {value: 5, globalDefault: true}))
    expect(failure(() => a.create(pc('other', {value: 6, globalDefault: true})))).to.equal(
      'Error from server (Forbidden): priorityclasses.scheduling.k8s.io "other" is forbidden: PriorityClass default-prio currently has globalDefault set. Only one can exist',
    )
  })

  it("fills a pod's priority and preemptionPolicy from its class, the default class, or 0", () => {
    const a = api()
    const plain = specOf(a.create(pod('plain')).object)
    expect(plain).to.deep.include({priority: 0, preemptionPolicy: 'PreemptLowerPriority'})
    expect(plain.priorityClassName).to.equal(undefined)
    a.create(pc('never', {value: 7, preemptionPolicy: 'Never'}))
    expect(specOf(a.create(pod('n', {priorityClassName: 'never'})).object)).to.deep.include({priority: 7, preemptionPolicy: 'Never'})
    expect(specOf(a.create(pod('crit', {priorityClassName: 'system-node-critical'})).object)).to.deep.include({priority: 2000001000})
    a.create(pc('dflt', {value: 3, globalDefault: true}))
    expect(specOf(a.create(pod('d')).object)).to.deep.include({priorityClassName: 'dflt', priority: 3, preemptionPolicy: 'PreemptLowerPriority'})
  })

  it('refuses a pod naming a missing class, or a priority or preemptionPolicy other than its class gives', () => {
    const a = api()
    expect(failure(() => a.create(pod('a', {priorityClassName: 'nope'})))).to.equal('Error from server (Forbidden): pods "a" is forbidden: no PriorityClass with name nope was found')
    expect(failure(() => a.create(pod('b', {priority: 5})))).to.equal(
      'Error from server (Forbidden): pods "b" is forbidden: the integer value of priority (5) must not be provided in pod spec; priority admission controller computed 0 from the given PriorityClass name',
    )
    expect(failure(() => a.create(pod('c', {preemptionPolicy: 'Never'})))).to.equal(
      'Error from server (Forbidden): pods "c" is forbidden: the string value of PreemptionPolicy (Never) must not be provided in pod spec; priority admission controller computed PreemptLowerPriority from the given PriorityClass name',
    )
    // the value the class gives may be repeated
    expect(specOf(a.create(pod('d', {priority: 0, preemptionPolicy: 'PreemptLowerPriority'})).object).priority).to.equal(0)
  })
})
