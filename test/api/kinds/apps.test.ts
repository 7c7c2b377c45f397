import {expect} from 'chai'

import type {KObject} from '../../../src/api/types.js'

import {lookupResource} from '../../../src/api/registry.js'
import {statefulSetType} from '../../../src/api/kinds/statefulset.js'
import {daemonSetType} from '../../../src/api/kinds/daemonset.js'
import {controllerRevisionType} from '../../../src/api/kinds/controllerrevision.js'
import {useKindApi} from './kind-api.js'

const FIXED = new Date('2026-01-02T03:04:05Z')
const template = {metadata: {labels: {app: 'web'}}, spec: {containers: [{name: 'web', image: 'nginx'}]}}

const sts = (spec: Record<string, unknown>): KObject => ({apiVersion: 'apps/v1', kind: 'StatefulSet', metadata: {name: 'web', namespace: 'default'}, spec})
const ds = (spec: Record<string, unknown>): KObject => ({apiVersion: 'apps/v1', kind: 'DaemonSet', metadata: {name: 'agent', namespace: 'default'}, spec})

describe('StatefulSet, DaemonSet and ControllerRevision kinds', () => {
  const {api, failure} = useKindApi(FIXED)

  it('resolves sts, ds and controllerrevisions; the sets are in the all category', () => {
    expect(lookupResource('sts')?.kind).to.equal('StatefulSet')
    expect(lookupResource('ds')?.kind).to.equal('DaemonSet')
    expect(lookupResource('controllerrevisions.apps')?.kind).to.equal('ControllerRevision')
    expect(lookupResource('statefulset')?.categories).to.deep.equal(['all'])
    expect(lookupResource('controllerrevision')?.categories).to.deep.equal([])
  })

  it('defaults a StatefulSet as apps/v1 does, claim templates included, and starts its status at zero', () => {
    const claim = {metadata: {name: 'data'}, spec: {accessModes: ['ReadWriteOnce'], resources: {requests: {storage: '1Gi'}}}}
    const s = api().create(sts({selector: {matchLabels: {app: 'web'}}, template, volumeClaimTemplates: [claim]})).object
    const spec = s.spec as Record<string, any>
    expect([spec.replicas, spec.revisionHistoryLimit, spec.podManagementPolicy]).to.deep.equal([1, 10, 'OrderedReady'])
    expect(spec.updateStrategy).to.deep.equal({rollingUpdate: {partition: 0}, type: 'RollingUpdate'})
    expect(spec.persistentVolumeClaimRetentionPolicy).to.deep.equal({whenDeleted: 'Retain', whenScaled: 'Retain'})
    expect(spec.volumeClaimTemplates[0]).to.deep.equal({
      apiVersion: 'v1',
      kind: 'PersistentVolumeClaim',
      metadata: {name: 'data'},
      spec: {accessModes: ['ReadWriteOnce'], resources: {requests: {storage: '1Gi'}}, volumeMode: 'Filesystem'},
      status: {phase: 'Pending'},
    })
    expect(s.status).to.deep.equal({availableReplicas: 0, replicas: 0})
    expect(s.metadata.generation).to.equal(1)
  })

  it('refuses a StatefulSet whose selector does not match its template, with the API server\'s causes', () => {
    const a = api()
    const msg = failure(() => a.create(sts({selector: {matchLabels: {app: 'db'}}, template})))
    expect(msg).to.equal(
      'The StatefulSet "web" is invalid: spec.template.metadata.labels: Invalid value: map[string]string{"app":"web"}: `selector` does not match template `labels`',
    )
    expect(failure(() => a.create(sts({template})))).to.equal(
      'The StatefulSet "web" is invalid: \n* spec.selector: Required value\n* spec.template.metadata.labels: Invalid value: map[string]string{"app":"web"}: `selector` does not match template `labels`',
    )
    expect(failure(() => a.create(sts({selector: {matchLabels: {app: 'web'}}, template, podManagementPolicy: 'Random', updateStrategy: {type: 'OnDelete', rollingUpdate: {partition: 1}}})))).to.equal(
      'The StatefulSet "web" is invalid: \n' +
        "* spec.podManagementPolicy: Invalid value: \"Random\": must be 'OrderedReady' or 'Parallel'\n" +
        "* spec.updateStrategy.rollingUpdate: Invalid value: &apps.RollingUpdateStatefulSetStrategy{Partition:1, MaxUnavailable:(*intstr.IntOrString)(nil)}: only allowed for updateStrategy 'RollingUpdate'",
    )
  })

  it('allows changes to replicas, template and updateStrategy only', () => {
    const a = api()
    a.create(sts({selector: {matchLabels: {app: 'web'}}, template, serviceName: 'web'}))
    a.modify(statefulSetType, 'default', 'web', (o) => void ((o.spec as any).replicas = 3))
    const msg = failure(() => a.modify(statefulSetType, 'default', 'web', (o) => void ((o.spec as any).serviceName = 'other')))
    expect(msg).to.equal(
      "The StatefulSet \"web\" is invalid: spec: Forbidden: updates to statefulset spec for fields other than 'replicas', 'ordinals', 'template', 'updateStrategy', 'revisionHistoryLimit', 'persistentVolumeClaimRetentionPolicy' and 'minReadySeconds' are forbidden",
    )
    expect((a.get(statefulSetType, 'default', 'web').spec as any).serviceName).to.equal('web')
  })

  it('defaults a DaemonSet, counts template changes in its generation annotation, and keeps its selector', () => {
    const a = api()
    const d = a.create(ds({selector: {matchLabels: {app: 'web'}}, template})).object
    expect((d.spec as any).updateStrategy).to.deep.equal({rollingUpdate: {maxSurge: 0, maxUnavailable: 1}, type: 'RollingUpdate'})
    expect([(d.spec as any).revisionHistoryLimit, d.metadata.annotations]).to.deep.equal([10, {'deprecated.daemonset.template.generation': '1'}])
    expect(d.status).to.deep.equal({currentNumberScheduled: 0, desiredNumberScheduled: 0, numberMisscheduled: 0, numberReady: 0})
    a.modify(daemonSetType, 'default', 'agent', (o) => void ((o.spec as any).minReadySeconds = 5))
    expect(a.get(daemonSetType, 'default', 'agent').metadata.annotations).to.deep.equal({'deprecated.daemonset.template.generation': '1'})
    a.modify(daemonSetType, 'default', 'agent', (o) => void ((o.spec as any).template.spec.containers[0].image = 'nginx:2'))
    const after = a.get(daemonSetType, 'default', 'agent')
    expect([after.metadata.generation, after.metadata.annotations]).to.deep.equal([3, {'deprecated.daemonset.template.generation': '2'}])
    expect(failure(() => a.modify(daemonSetType, 'default', 'agent', (o) => void ((o.spec as any).selector = {matchLabels: {app: 'x'}})))).to.match(
      /^The DaemonSet "agent" is invalid: \n\* spec\.selector: Invalid value: v1\.LabelSelector\{MatchLabels:map\[string\]string\{"app":"x"\}, MatchExpressions:\[\]v1\.LabelSelectorRequirement\(nil\)\}: field is immutable/m,
    )
  })

  it('refuses a DaemonSet rolling update with both or neither of maxSurge and maxUnavailable', () => {
    const a = api()
    const spec = (ru: Record<string, unknown>) => ds({selector: {matchLabels: {app: 'web'}}, template, updateStrategy: {type: 'RollingUpdate', rollingUpdate: ru}})
    expect(failure(() => a.create(spec({maxSurge: 1, maxUnavailable: 1})))).to.equal(
      'The DaemonSet "agent" is invalid: spec.updateStrategy.rollingUpdate.maxSurge: Invalid value: intstr.IntOrString{Type:0, IntVal:1, StrVal:""}: may not be set when maxUnavailable is non-zero',
    )
    expect(failure(() => a.create(spec({maxSurge: 0, maxUnavailable: 0})))).to.equal(
      'The DaemonSet "agent" is invalid: spec.updateStrategy.rollingUpdate.maxUnavailable: Required value: cannot be 0 when maxSurge is 0',
    )
  })

  it('keeps a ControllerRevision\'s data immutable and requires it', () => {
    const a = api()
    const rev = {apiVersion: 'apps/v1', kind: 'ControllerRevision', metadata: {name: 'web-1', namespace: 'default'}, data: {spec: {template: {$patch: 'replace'}}}, revision: 1}
    a.create(rev)
    expect(failure(() => a.modify(controllerRevisionType, 'default', 'web-1', (o) => void (o.data = {})))).to.equal('The ControllerRevision "web-1" is invalid: data: Invalid value: field is immutable')
    a.modify(controllerRevisionType, 'default', 'web-1', (o) => void (o.revision = 3))
    expect(failure(() => a.create({...rev, metadata: {name: 'web-2', namespace: 'default'}, data: undefined}))).to.equal('The ControllerRevision "web-2" is invalid: data: Required value: data is mandatory')
  })
})
