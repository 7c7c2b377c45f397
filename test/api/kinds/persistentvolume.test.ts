import {expect} from 'chai'

import {persistentVolumeType} from '../../../src/api/kinds/persistentvolume.js'
import {persistentVolumeClaimType} from '../../../src/api/kinds/persistentvolumeclaim.js'
import {lookupResource, mustLookupResource} from '../../../src/api/registry.js'
import type {KObject} from '../../../src/api/types.js'
import {useKindApi} from './kind-api.js'

const FIXED = new Date('2026-01-02T03:04:05Z')

// eslint-disable-next-line @typescript-eslint/no-explicit-any
const specOf = (o: KObject): any => o.spec

const pv = (name: string, spec: Record<string, unknown>): KObject => ({apiVersion: 'v1', kind: 'PersistentVolume', metadata: {name}, spec}) as KObject
const pvc = (name: string, spec: Record<string, unknown>, meta: Record<string, unknown> = {}): KObject =>
  ({apiVersion: 'v1', kind: 'PersistentVolumeClaim', metadata: {name, namespace: 'default', ...meta}, spec}) as KObject
const hostPathPV = (name: string, extra: Record<string, unknown> = {}): KObject =>
  pv(name, {capacity: {storage: '10Gi'}, accessModes: ['ReadWriteOnce'], hostPath: {path: '/somepath/data01'}, ...extra})

describe('PersistentVolume and PersistentVolumeClaim kinds', () => {
  const {api, failure} = useKindApi(FIXED)

  it('are registered as pv (cluster-scoped) and pvc (namespaced) in v1', () => {
    expect(lookupResource('pv')).to.equal(persistentVolumeType)
    expect(lookupResource('persistentvolumeclaims')).to.equal(persistentVolumeClaimType)
    expect([persistentVolumeType.namespaced, persistentVolumeClaimType.namespaced]).to.deep.equal([false, true])
  })

  it('default a PV as the API server does: Retain, Filesystem, an empty hostPath type, Pending with its transition time, pv-protection', () => {
    const created = api().create(hostPathPV('pv0001')).object
    expect(created.spec).to.deep.equal({capacity: {storage: '10Gi'}, accessModes: ['ReadWriteOnce'], hostPath: {path: '/somepath/data01', type: ''}, persistentVolumeReclaimPolicy: 'Retain', volumeMode: 'Filesystem'})
    expect(created.status).to.deep.equal({phase: 'Pending', lastPhaseTransitionTime: '2026-01-02T03:04:05Z'})
    expect(created.metadata.finalizers).to.deep.equal(['kubernetes.io/pv-protection'])
    expect(created.metadata.namespace).to.equal(undefined)
  })

  it('default a claim: Filesystem, Pending, pvc-protection, and the default StorageClass when it names none', () => {
    const a = api()
    expect(a.create(pvc('plain', {accessModes: ['ReadWriteOnce'], resources: {requests: {storage: '3Gi'}}})).object.spec).to.deep.equal({accessModes: ['ReadWriteOnce'], resources: {requests: {storage: '3Gi'}}, volumeMode: 'Filesystem'})
    a.create({apiVersion: 'storage.k8s.io/v1', kind: 'StorageClass', metadata: {name: 'standard', annotations: {'storageclass.kubernetes.io/is-default-class': 'true'}}, provisioner: 'rancher.io/local-path'} as KObject)
    const claimed = a.create(pvc('claimed', {accessModes: ['ReadWriteOnce'], resources: {requests: {storage: '1G'}}})).object
    expect([specOf(claimed).storageClassName, claimed.status, claimed.metadata.finalizers]).to.deep.equal(['standard', {phase: 'Pending'}, ['kubernetes.io/pvc-protection']])
    // an explicit empty class means "no class", and stays
    expect(specOf(a.create(pvc('none', {storageClassName: '', accessModes: ['ReadWriteOnce'], resources: {requests: {storage: '1G'}}})).object).storageClassName).to.equal('')
  })

  it("refuses a PV without access modes, capacity or a volume type with the API server's messages, storing nothing", () => {
    const a = api()
    expect(failure(() => a.create(pv('bad', {})))).to.equal(
      'The PersistentVolume "bad" is invalid: \n* spec.accessModes: Required value\n* spec.capacity: Required value\n* spec.capacity: Unsupported value: supported values: "storage"\n* spec: Required value: must specify a volume type',
    )
    expect(failure(() => a.create(hostPathPV('bad', {accessModes: ['ReadWriteOncePod', 'ReadWriteOnce'], capacity: {storage: '0'}, persistentVolumeReclaimPolicy: 'Keep', nfs: {server: 'x', path: '/a'}})))).to.equal(
      'The PersistentVolume "bad" is invalid: \n* spec.accessModes: Forbidden: may not use ReadWriteOncePod with other access modes\n* spec.capacity[storage]: Invalid value: "0": must be greater than zero\n* spec.persistentVolumeReclaimPolicy: Unsupported value: "Keep": supported values: "Delete", "Recycle", "Retain"\n* spec.nfs: Forbidden: may not specify more than 1 volume type',
    )
    expect(failure(() => a.create(pv('bad', {capacity: {storage: '1Gi'}, accessModes: ['ReadWriteOnce'], local: {path: '/mnt'}})))).to.equal('The PersistentVolume "bad" is invalid: spec.nodeAffinity: Required value: Local volume requires node affinity')
    expect(a.list(mustLookupResource('pv'), '').items).to.deep.equal([])
  })

  it("refuses a claim without access modes or a storage request, and a bad class name", () => {
    expect(failure(() => api().create(pvc('bad', {storageClassName: 'Bad_Class'})))).to.equal(
      'The PersistentVolumeClaim "bad" is invalid: \n* spec.accessModes: Required value: at least 1 access mode is required\n* spec.resources[storage]: Required value\n* spec.storageClassName: Invalid value: "Bad_Class": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, \'-\' or \'.\', and must start and end with an alphanumeric character (e.g. \'example.com\', regex used for validation is \'[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*\')',
    )
  })

  it("keeps a PV's source and a claim's spec as created; labels may change", () => {
    const a = api()
    const volume = a.create(hostPathPV('pv1')).object
    expect(failure(() => a.update({...volume, spec: {...specOf(volume), hostPath: {path: '/elsewhere'}}}))).to.equal(
      'The PersistentVolume "pv1" is invalid: spec.persistentvolumesource: Forbidden: spec.persistentvolumesource is immutable after creation',
    )
    expect(a.update({...volume, metadata: {...volume.metadata, labels: {tier: 'a'}}}).metadata.labels).to.deep.equal({tier: 'a'})
    const claim = a.create(pvc('c1', {accessModes: ['ReadWriteOnce'], resources: {requests: {storage: '1Gi'}}})).object
    expect(failure(() => a.update({...claim, spec: {...specOf(claim), accessModes: ['ReadWriteMany']}}))).to.equal(
      'The PersistentVolumeClaim "c1" is invalid: spec: Forbidden: spec is immutable after creation except resources.requests and volumeAttributesClassName for bound claims',
    )
    // the controller's one-time volumeName, and a class for a claim created without one
    const bound = a.update({...claim, spec: {...specOf(claim), volumeName: 'pv1', storageClassName: 'late'}})
    expect([specOf(bound).volumeName, specOf(bound).storageClassName]).to.deep.equal(['pv1', 'late'])
  })
})
