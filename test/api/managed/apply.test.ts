// Server-side apply through Api.patch (type 'apply'), and the Update ownership every other write records,
// with the API server's texts: 409 conflicts (NewConflictError's message and FieldManagerConflict causes),
// force moving ownership, prune of fields an applier dropped, 422 without a fieldManager.
import {expect} from 'chai'

import type {KObject} from '../../../src/api/types.js'

import {lookupResource} from '../../../src/api/registry.js'
import {Api} from '../../../src/api/server.js'
import {isStatusError} from '../../../src/api/errors.js'
import {useTempStores} from '../../store/temp-store.js'

const cmType = lookupResource('configmaps')!
const deployType = lookupResource('deployments')!

const cm = (labels: Record<string, string>, data: Record<string, string>) => JSON.stringify({apiVersion: 'v1', kind: 'ConfigMap', metadata: {name: 'cm', labels}, data})
const managers = (o: KObject) => (o.metadata.managedFields ?? []).map((m) => `${m.manager}/${m.operation}${m.subresource ? `/${m.subresource}` : ''}`)

function failure(fn: () => unknown): {code: number; message: string; causes: unknown} {
  try {
    fn()
  } catch (error) {
    if (isStatusError(error)) return {code: error.code, message: error.message, causes: error.details.causes}
    throw error
  }
  throw new Error('expected an API error')
}

describe('server-side apply', () => {
  const stores = useTempStores()
  let api: Api
  let ms: number
  beforeEach(() => {
    ms = Date.parse('2026-07-01T10:00:00Z')
    api = new Api(stores.open(), {clock: {now: () => new Date(ms)}, fieldManager: 'kubectl'})
    api.create({apiVersion: 'v1', kind: 'Namespace', metadata: {name: 'default'}})
  })
  const apply = (body: string, fieldManager: string, force?: boolean) => api.patch(cmType, 'default', 'cm', 'apply', body, {fieldManager, force})

  it('creates the object with one Apply entry; applying it again changes nothing, not even the resourceVersion', () => {
    const created = apply(cm({a: '1'}, {k: 'v'}), 'mgr')
    expect(created.metadata.managedFields).to.deep.equal([
      {apiVersion: 'v1', fieldsType: 'FieldsV1', fieldsV1: {'f:data': {'f:k': {}}, 'f:metadata': {'f:labels': {'f:a': {}}}}, manager: 'mgr', operation: 'Apply', time: '2026-07-01T10:00:00Z'},
    ])
    ms += 5000
    const again = apply(cm({a: '1'}, {k: 'v'}), 'mgr')
    expect(again.metadata.resourceVersion).to.equal(created.metadata.resourceVersion)
    expect(again.metadata.managedFields![0].time).to.equal('2026-07-01T10:00:00Z')
  })

  it('a second manager applying the same values becomes a co-owner, written even though the object is the same', () => {
    // as the CLI and serve run it (clientWrites): a no-op update is skipped, but new owners are not a no-op
    const client = new Api(stores.open(), {clock: {now: () => new Date(ms)}, fieldManager: 'kubectl', clientWrites: true})
    if (!client.peek('Namespace', '', 'default')) client.create({apiVersion: 'v1', kind: 'Namespace', metadata: {name: 'default'}})
    const first = client.patch(cmType, 'default', 'cm', 'apply', cm({a: '1'}, {k: 'v'}), {fieldManager: 'kubectl'})
    const second = client.patch(cmType, 'default', 'cm', 'apply', cm({a: '1'}, {k: 'v'}), {fieldManager: 'my-field-manager', force: true})
    expect(managers(second)).to.deep.equal(['kubectl/Apply', 'my-field-manager/Apply'])
    expect(second.metadata.managedFields![1]!.fieldsV1).to.deep.equal(first.metadata.managedFields![0]!.fieldsV1)
    expect(Number(second.metadata.resourceVersion)).to.be.greaterThan(Number(first.metadata.resourceVersion))
    // and once it is recorded, the same apply again is a no-op
    const third = client.patch(cmType, 'default', 'cm', 'apply', cm({a: '1'}, {k: 'v'}), {fieldManager: 'my-field-manager'})
    expect(third.metadata.resourceVersion).to.equal(second.metadata.resourceVersion)
  })

  it('kubectl takes over what its client-side apply last applied, without a conflict (lastAppliedManager)', () => {
    const last = (data: Record<string, string>) => ({'kubectl.kubernetes.io/last-applied-configuration': JSON.stringify({apiVersion: 'v1', kind: 'ConfigMap', metadata: {name: 'cm', namespace: 'default'}, data})})
    const csa = (data: Record<string, string>, applied: Record<string, string>) =>
      api.create({apiVersion: 'v1', kind: 'ConfigMap', metadata: {name: 'cm', namespace: 'default', annotations: last(applied)}, data}, {fieldManager: 'kubectl-client-side-apply'})
    csa({k: 'v'}, {k: 'v'})
    const upgraded = apply(cm({}, {k: 'changed'}), 'kubectl')
    expect(upgraded.data).to.deep.equal({k: 'changed'})
    // .data.k changed hands: the applier owns it, the client-side apply manager no longer does
    const dataOf = (name: string) => (upgraded.metadata.managedFields!.find((m) => m.manager === name)!.fieldsV1 as Record<string, Record<string, unknown>>)['f:data']
    expect(dataOf('kubectl')).to.deep.equal({'f:k': {}})
    expect(dataOf('kubectl-client-side-apply')).to.not.have.property('f:k')
    // only the manager "kubectl" upgrades; another applier still conflicts
    api.delete(cmType, 'default', 'cm')
    csa({k: 'v'}, {k: 'v'})
    expect(failure(() => apply(cm({}, {k: 'changed'}), 'other')).message).to.equal('Apply failed with 1 conflict: conflict with "kubectl-client-side-apply" using v1: .data.k')
    // a field whose live value is no longer the one last applied is not taken over
    api.delete(cmType, 'default', 'cm')
    csa({k: 'edited'}, {k: 'v'})
    expect(failure(() => apply(cm({}, {k: 'changed'}), 'kubectl')).message).to.equal('Apply failed with 1 conflict: conflict with "kubectl-client-side-apply" using v1: .data.k')
  })

  it('removes what an applier stops applying unless another manager owns it', () => {
    apply(cm({a: '1', b: '2'}, {k: 'v', shared: 's'}), 'mgr')
    apply(cm({}, {shared: 's'}), 'other')
    const after = apply(cm({a: '1'}, {}), 'mgr')
    expect(after.metadata.labels).to.deep.equal({a: '1'})
    expect(after.data).to.deep.equal({shared: 's'})
  })

  it('refuses to change a field another manager owns: 409 with one line per conflict and a cause each', () => {
    apply(cm({a: '1'}, {k: 'v'}), 'mgr')
    expect(failure(() => apply(cm({a: '2'}, {}), 'other'))).to.deep.equal({
      code: 409,
      message: 'Apply failed with 1 conflict: conflict with "mgr": .metadata.labels.a',
      causes: [{reason: 'FieldManagerConflict', message: 'conflict with "mgr"', field: '.metadata.labels.a'}],
    })
    const two = failure(() => apply(cm({a: '2'}, {k: 'w'}), 'other'))
    expect(two.message).to.equal('Apply failed with 2 conflicts: conflicts with "mgr":\n- .data.k\n- .metadata.labels.a')
    // the same value is no conflict: both own it
    const shared = apply(cm({a: '1'}, {}), 'other')
    expect(managers(shared)).to.deep.equal(['mgr/Apply', 'other/Apply'])
  })

  it('with force takes the fields; the losing manager keeps the rest', () => {
    apply(cm({a: '1'}, {k: 'v'}), 'mgr')
    const forced = apply(cm({a: '2'}, {}), 'other', true)
    expect(forced.metadata.labels).to.deep.equal({a: '2'})
    expect(forced.metadata.managedFields!.map((m) => [m.manager, m.fieldsV1])).to.deep.equal([
      ['mgr', {'f:data': {'f:k': {}}}],
      // an empty map applied is owned itself (ToFieldSet inserts empty maps)
      ['other', {'f:data': {}, 'f:metadata': {'f:labels': {'f:a': {}}}}],
    ])
  })

  it('an Update takes the fields it changes from an applier, who then conflicts with it (scale subresource, updater named with its version)', () => {
    const dep = {apiVersion: 'apps/v1', kind: 'Deployment', metadata: {name: 'web'}, spec: {replicas: 2, selector: {matchLabels: {app: 'web'}}, template: {metadata: {labels: {app: 'web'}}, spec: {containers: [{name: 'c', image: 'nginx'}]}}}}
    api.patch(deployType, 'default', 'web', 'apply', JSON.stringify(dep), {fieldManager: 'kubectl'})
    ms += 61_000
    api.patch(deployType, 'default', 'web', 'merge', '{"spec":{"replicas":3}}', {subresource: 'scale'})
    const f = failure(() => api.patch(deployType, 'default', 'web', 'apply', JSON.stringify(dep), {fieldManager: 'kubectl'}))
    expect(f.message).to.equal('Apply failed with 1 conflict: conflict with "kubectl" with subresource "scale" using apps/v1: .spec.replicas')
    const scaled = api.get(deployType, 'default', 'web')
    expect(managers(scaled)).to.deep.equal(['kubectl/Apply', 'kubectl/Update/scale'])
    expect(scaled.metadata.managedFields![1]).to.deep.include({fieldsV1: {'f:spec': {'f:replicas': {}}}, time: '2026-07-01T10:01:01Z'})
  })

  it('needs a fieldManager (422 PatchOptions), and a dry run stores nothing', () => {
    const f = failure(() => apply(cm({}, {}), ''))
    expect(f.code).to.equal(422)
    expect(f.message).to.equal('PatchOptions.meta.k8s.io "" is invalid: fieldManager: Required value: is required for apply patch')
    const forced = failure(() => api.patch(cmType, 'default', 'cm', 'merge', '{}', {force: false}))
    expect(forced.message).to.equal('PatchOptions.meta.k8s.io "" is invalid: force: Forbidden: may not be specified for non-apply patch')
    api.patch(cmType, 'default', 'cm', 'apply', cm({}, {k: 'v'}), {fieldManager: 'mgr', dryRun: true})
    expect(api.peek('ConfigMap', 'default', 'cm')).to.equal(undefined)
  })

  it('records every Update with its manager; a status write under subresource status', () => {
    api.create({apiVersion: 'v1', kind: 'Pod', metadata: {name: 'p', namespace: 'default'}, spec: {containers: [{name: 'c', image: 'nginx'}]}}, {fieldManager: 'kubectl-run'})
    const podType = lookupResource('pods')!
    api.modify(podType, 'default', 'p', (o) => void (o.metadata.labels = {x: 'y'}), {fieldManager: 'kubectl-label'})
    const p = api.get(podType, 'default', 'p')
    // a named status writer records under subresource status
    const withStatus = api.updateStatus({...p, status: {phase: 'Pending', conditions: [{type: 'PodScheduled', status: 'False'}]}}, {fieldManager: 'kube-scheduler'})
    expect(managers(withStatus)).to.deep.equal(['kube-scheduler/Update/status', 'kubectl-label/Update', 'kubectl-run/Update'])
    expect(withStatus.metadata.managedFields![1].fieldsV1).to.deep.equal({'f:metadata': {'f:labels': {'.': {}, 'f:x': {}}}})
    // the cluster's own components by default carry the entries over (the cost of recording every kubelet status write)
    const components = new Api(api.store, {clock: api.clock})
    const again = components.updateStatus({...withStatus, status: {phase: 'Pending'}})
    expect(again.metadata.managedFields).to.deep.equal(withStatus.metadata.managedFields)
  })
})
