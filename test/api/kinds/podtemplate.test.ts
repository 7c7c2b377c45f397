import {expect} from 'chai'

import {podTemplateType} from '../../../src/api/kinds/podtemplate.js'
import {lookupResource, mustLookupResource} from '../../../src/api/registry.js'
import type {KObject} from '../../../src/api/types.js'
import {renderTable} from '../../../src/printers/table/index.js'
import {NOW} from '../../printers/fixtures.js'
import {useKindApi} from './kind-api.js'

const FIXED = new Date('2026-01-02T03:04:05Z')

const pt = (name: string, template: Record<string, unknown>): KObject => ({apiVersion: 'v1', kind: 'PodTemplate', metadata: {name, namespace: 'default'}, template}) as KObject
const NGINX = {metadata: {labels: {name: 'nginx'}}, spec: {containers: [{name: 'nginx', image: 'nginx', ports: [{containerPort: 80}]}]}}

describe('PodTemplate kind', () => {
  const {api, failure} = useKindApi(FIXED)

  it('is registered as podtemplates, podtemplate in v1, namespaced, without short names', () => {
    expect(lookupResource('podtemplates')).to.equal(podTemplateType)
    expect([podTemplateType.group, podTemplateType.version, podTemplateType.namespaced, podTemplateType.shortNames]).to.deep.equal(['', 'v1', true, []])
  })

  it('defaults the template\'s pod spec as a pod\'s and starts at generation 1', () => {
    const created = api().create(pt('nginx', NGINX)).object
    const spec = (created.template as {spec: Record<string, unknown>}).spec
    expect([spec.restartPolicy, spec.dnsPolicy, spec.terminationGracePeriodSeconds, (spec.containers as {imagePullPolicy: string}[])[0]!.imagePullPolicy]).to.deep.equal(['Always', 'ClusterFirst', 30, 'Always'])
    expect(created.metadata.generation).to.equal(1)
  })

  it('validates the template at template.labels and template.spec, storing nothing when invalid', () => {
    const a = api()
    expect(failure(() => a.create(pt('bad', {metadata: {labels: {'bad key!': 'x'}}, spec: {containers: [{name: 'app'}]}})))).to.match(
      /^The PodTemplate "bad" is invalid: \n\* template\.labels: Invalid value: "bad key!": name part must consist of .*\n\* template\.spec\.containers\[0\]\.image: Required value$/,
    )
    expect(failure(() => a.create(pt('empty', {})))).to.equal('The PodTemplate "empty" is invalid: template.spec.containers: Required value')
    expect(a.list(mustLookupResource('podtemplates'), 'default').items).to.deep.equal([])
  })

  it('raises the generation when the template changes, not for labels', () => {
    const a = api()
    const created = a.create(pt('nginx', NGINX)).object
    const labelled = a.update({...created, metadata: {...created.metadata, labels: {a: 'b'}}})
    expect(labelled.metadata.generation).to.equal(1)
    const changed = a.update({...labelled, template: {...NGINX, spec: {containers: [{name: 'nginx', image: 'nginx:2'}]}}})
    expect(changed.metadata.generation).to.equal(2)
  })

  it('prints NAME CONTAINERS IMAGES POD LABELS', () => {
    const two = pt('web', {metadata: {labels: {tier: 'web', app: 'x'}}, spec: {containers: [{name: 'app', image: 'nginx'}, {name: 'side', image: 'busybox'}]}})
    expect(renderTable([pt('nginx', NGINX), two], {now: NOW})).to.equal(
      'NAME    CONTAINERS   IMAGES          POD LABELS\nnginx   nginx        nginx           name=nginx\nweb     app,side     nginx,busybox   app=x,tier=web\n',
    )
  })
})
