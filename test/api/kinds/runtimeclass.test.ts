import {expect} from 'chai'

import {runtimeClassType} from '../../../src/api/kinds/runtimeclass.js'
import {lookupResource, mustLookupResource} from '../../../src/api/registry.js'
import type {KObject} from '../../../src/api/types.js'
import {useKindApi} from './kind-api.js'

const FIXED = new Date('2026-01-02T03:04:05Z')

function runtimeClass(name: string, fields: Record<string, unknown>): KObject {
  return {apiVersion: 'node.k8s.io/v1', kind: 'RuntimeClass', metadata: {name}, ...fields} as KObject
}

const pod = (name: string, spec: Record<string, unknown> = {}): KObject =>
  ({apiVersion: 'v1', kind: 'Pod', metadata: {name, namespace: 'default'}, spec: {containers: [{name: 'app', image: 'nginx'}], ...spec}}) as KObject

describe('RuntimeClass kind and admission', () => {
  const {stores, api, failure} = useKindApi(FIXED)
  const RFC1123 =
    "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')"

  it('is registered as runtimeclasses, runtimeclass in node.k8s.io/v1, cluster-scoped, without short names', () => {
    expect(lookupResource('runtimeclasses')).to.equal(runtimeClassType)
    expect(lookupResource('runtimeclass.node.k8s.io')).to.equal(runtimeClassType)
    expect([runtimeClassType.group, runtimeClassType.version, runtimeClassType.namespaced, runtimeClassType.shortNames]).to.deep.equal(['node.k8s.io', 'v1', false, []])
  })

  it('stores a class without a namespace, as sent', () => {
    const created = api().create({...runtimeClass('gvisor', {handler: 'runsc'}), metadata: {name: 'gvisor', namespace: 'default'}}).object
    expect(created.metadata.namespace).to.equal(undefined)
    expect(created.handler).to.equal('runsc')
  })

  it('refuses a handler that is not a DNS label, or none, with the API server\'s messages', () => {
    const a = api()
    expect(failure(() => a.create(runtimeClass('bad', {handler: 'Bad_Handler'})))).to.equal(`The RuntimeClass "bad" is invalid: handler: Invalid value: "Bad_Handler": ${RFC1123}`)
    expect(failure(() => a.create(runtimeClass('bad', {})))).to.equal(`The RuntimeClass "bad" is invalid: handler: Invalid value: "": ${RFC1123}`)
  })

  it('checks the overhead as limits and the scheduling as a node selector and tolerations', () => {
    const text = failure(() =>
      api().create(runtimeClass('bad', {handler: 'h', overhead: {podFixed: {cpu: '-1'}}, scheduling: {nodeSelector: {'bad key!': 'v'}, tolerations: [{key: 'k', operator: 'Bogus'}]}})),
    )
    expect(text).to.contain('* overhead.podFixed.limits[cpu]: Invalid value: "-1": must be greater than or equal to 0')
    expect(text).to.contain('* scheduling.nodeSelector: Invalid value: "bad key!"')
    expect(text).to.contain('* scheduling.tolerations[0].operator: Unsupported value: "Bogus": supported values: "Equal", "Exists"')
  })

  it('keeps the handler immutable', () => {
    const a = api()
    const created = a.create(runtimeClass('gvisor', {handler: 'runsc'})).object
    expect(failure(() => a.update({...created, handler: 'runc'}))).to.equal('The RuntimeClass "gvisor" is invalid: handler: Invalid value: "runc": field is immutable')
    const labelled = a.update({...created, metadata: {...created.metadata, labels: {tier: 'sandbox'}}})
    expect(labelled.metadata.labels).to.deep.equal({tier: 'sandbox'})
  })

  it('refuses a pod naming a RuntimeClass that does not exist, and stores nothing', () => {
    const a = api()
    expect(failure(() => a.create(pod('web', {runtimeClassName: 'nope'})))).to.equal('Error from server (Forbidden): pods "web" is forbidden: pod rejected: RuntimeClass "nope" not found')
    expect(a.list(mustLookupResource('pods'), 'default').items).to.deep.equal([])
  })

  it('gives a pod its class\'s overhead, node selector and tolerations, keys sorted', () => {
    const a = api()
    a.create(runtimeClass('gvisor', {handler: 'runsc', overhead: {podFixed: {cpu: '250m', memory: '120Mi'}}, scheduling: {nodeSelector: {sandbox: 'yes'}, tolerations: [{key: 'sandbox', operator: 'Exists', effect: 'NoSchedule'}]}}))
    const created = a.create(pod('web', {runtimeClassName: 'gvisor', nodeSelector: {disk: 'ssd'}})).object
    const spec = created.spec as Record<string, unknown>
    expect(spec.overhead).to.deep.equal({cpu: '250m', memory: '120Mi'})
    expect(spec.nodeSelector).to.deep.equal({disk: 'ssd', sandbox: 'yes'})
    expect((spec.tolerations as {key: string}[]).map((t) => t.key)).to.deep.equal(['node.kubernetes.io/not-ready', 'node.kubernetes.io/unreachable', 'sandbox'])
    const keys = Object.keys(spec)
    expect(keys).to.deep.equal([...keys].sort())
  })

  it('refuses conflicting node selectors and overheads with the plugin\'s messages', () => {
    const a = api()
    a.create(runtimeClass('gvisor', {handler: 'runsc', overhead: {podFixed: {cpu: '250m'}}, scheduling: {nodeSelector: {sandbox: 'yes'}}}))
    a.create(runtimeClass('plain', {handler: 'runc'}))
    expect(failure(() => a.create(pod('a', {runtimeClassName: 'gvisor', nodeSelector: {sandbox: 'no'}})))).to.equal(
      'Error from server (Forbidden): pods "a" is forbidden: conflict: runtimeClass.scheduling.nodeSelector[sandbox] = yes; pod.spec.nodeSelector[sandbox] = no',
    )
    expect(failure(() => a.create(pod('b', {runtimeClassName: 'gvisor', overhead: {cpu: '1'}})))).to.equal(
      'Error from server (Forbidden): pods "b" is forbidden: pod rejected: Pod\'s Overhead doesn\'t match RuntimeClass\'s defined Overhead',
    )
    // the same quantity written differently is the same overhead
    expect(a.create(pod('c', {runtimeClassName: 'gvisor', overhead: {cpu: '0.25'}})).object.spec).to.have.property('overhead')
    for (const spec of [{runtimeClassName: 'plain', overhead: {cpu: '1'}}, {overhead: {cpu: '1'}}]) {
      expect(failure(() => a.create(pod('d', spec)))).to.equal('Error from server (Forbidden): pods "d" is forbidden: pod rejected: Pod Overhead set without corresponding RuntimeClass defined Overhead')
    }
  })
})
