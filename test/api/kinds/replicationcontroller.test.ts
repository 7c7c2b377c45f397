import {expect} from 'chai'

import {replicationControllerType} from '../../../src/api/kinds/replicationcontroller.js'
import {lookupResource, mustLookupResource} from '../../../src/api/registry.js'
import {scaleOf} from '../../../src/api/patch/subresources.js'
import type {KObject} from '../../../src/api/types.js'
import {useKindApi} from './kind-api.js'

const FIXED = new Date('2026-01-02T03:04:05Z')
const LABELS = {app: 'guestbook', tier: 'frontend'}

function rc(name: string, spec: Record<string, unknown>, metadata: Record<string, unknown> = {}): KObject {
  return {apiVersion: 'v1', kind: 'ReplicationController', metadata: {name, namespace: 'default', ...metadata}, spec} as KObject
}

const template = (labels: Record<string, string> | undefined, extra: Record<string, unknown> = {}) => ({
  metadata: labels ? {labels} : {},
  spec: {containers: [{name: 'php-redis', image: 'gb-frontend:v4'}], ...extra},
})

describe('ReplicationController kind', () => {
  const {api, failure} = useKindApi(FIXED)

  it('is registered as replicationcontrollers (rc) in v1, namespaced, in the `all` category', () => {
    expect(lookupResource('rc')).to.equal(replicationControllerType)
    expect(lookupResource('replicationcontroller')).to.equal(replicationControllerType)
    expect([replicationControllerType.group, replicationControllerType.version, replicationControllerType.namespaced, replicationControllerType.categories]).to.deep.equal(['', 'v1', true, ['all']])
  })

  it('takes its selector and labels from the template labels, one replica, and starts with status {replicas: 0} at generation 1', () => {
    const created = api().create(rc('frontend', {template: template(LABELS)})).object
    expect(created.metadata.labels).to.deep.equal(LABELS)
    const spec = created.spec as {replicas: number; selector: Record<string, string>; template: {spec: Record<string, unknown>}}
    expect([spec.replicas, spec.selector]).to.deep.equal([1, LABELS])
    expect([spec.template.spec.restartPolicy, spec.template.spec.dnsPolicy]).to.deep.equal(['Always', 'ClusterFirst'])
    expect(created.status).to.deep.equal({replicas: 0})
    expect(created.metadata.generation).to.equal(1)
  })

  it('keeps a selector and labels that were given', () => {
    const created = api().create(rc('frontend', {selector: {app: 'guestbook'}, template: template(LABELS)}, {labels: {mine: 'yes'}})).object
    expect(created.metadata.labels).to.deep.equal({mine: 'yes'})
    expect((created.spec as {selector: unknown}).selector).to.deep.equal({app: 'guestbook'})
  })

  it('answers core validation in the API server order, and stores nothing', () => {
    const a = api()
    expect(failure(() => a.create(rc('bad', {selector: {app: 'x'}, template: template({app: 'y'})})))).to.equal(
      'The ReplicationController "bad" is invalid: spec.template.metadata.labels: Invalid value: map[string]string{"app":"y"}: `selector` does not match template `labels`',
    )
    expect(failure(() => a.create(rc('nolabels', {replicas: -1, minReadySeconds: -2, template: template(undefined)})))).to.equal(
      'The ReplicationController "nolabels" is invalid: \n* spec.minReadySeconds: Invalid value: -2: must be greater than or equal to 0\n* spec.selector: Required value\n* spec.replicas: Invalid value: -1: must be greater than or equal to 0',
    )
    expect(failure(() => a.create(rc('notemplate', {selector: {app: 'x'}})))).to.equal('The ReplicationController "notemplate" is invalid: spec.template: Required value')
    expect(failure(() => a.create(rc('policy', {template: template({app: 'x'}, {restartPolicy: 'OnFailure', activeDeadlineSeconds: 5})})))).to.equal(
      'The ReplicationController "policy" is invalid: \n* spec.template.spec.restartPolicy: Unsupported value: "OnFailure": supported values: "Always"\n* spec.template.spec.activeDeadlineSeconds: Forbidden: activeDeadlineSeconds in ReplicationController is not Supported',
    )
    // the object's labels were defaulted from the template's, so both are reported
    expect(failure(() => a.create(rc('badlabel', {selector: {app: 'x'}, template: {metadata: {labels: {app: 'x', 'bad key!': 'v'}}, spec: {containers: [{name: 'c'}]}}})))).to.match(
      /^The ReplicationController "badlabel" is invalid: \n\* metadata\.labels: Invalid value: "bad key!": name part .*\n\* spec\.template\.labels: Invalid value: "bad key!": name part must consist of .*\n\* spec\.template\.spec\.containers\[0\]\.image: Required value$/,
    )
    expect(a.list(mustLookupResource('rc'), 'default').items).to.deep.equal([])
  })

  it('lets the selector change on update (core/v1 never made it immutable), raising the generation', () => {
    const a = api()
    const created = a.create(rc('frontend', {template: template(LABELS)})).object
    const spec = created.spec as Record<string, unknown>
    const updated = a.update({...created, spec: {...spec, selector: {app: 'guestbook'}}})
    expect((updated.spec as {selector: unknown}).selector).to.deep.equal({app: 'guestbook'})
    expect(updated.metadata.generation).to.equal(2)
    const labelled = a.update({...updated, metadata: {...updated.metadata, labels: {a: 'b'}}})
    expect(labelled.metadata.generation).to.equal(2)
  })

  it('shows its scale subresource with the selector map as a selector string', () => {
    const created = api().create(rc('frontend', {replicas: 3, template: template(LABELS)})).object
    expect(scaleOf(created)).to.deep.include({spec: {replicas: 3}, status: {replicas: 0, selector: 'app=guestbook,tier=frontend'}})
  })
})
