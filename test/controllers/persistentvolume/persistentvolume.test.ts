import {expect} from 'chai'

import {lookupKind} from '../../../src/api/registry.js'
import type {KObject} from '../../../src/api/types.js'
import {PersistentVolumeController} from '../../../src/controllers/persistentvolume/persistentvolume.js'
import {VolumeProtectionController} from '../../../src/controllers/volume-protection.js'
import {testCluster, type TestCluster} from '../helpers.js'

const pvType = lookupKind('v1', 'PersistentVolume')!
const pvcType = lookupKind('v1', 'PersistentVolumeClaim')!

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Any = any

describe('persistent volume controller', () => {
  let tc: TestCluster
  let binder: PersistentVolumeController
  const protection = new VolumeProtectionController()
  beforeEach(() => {
    tc = testCluster()
    binder = new PersistentVolumeController()
  })
  afterEach(() => tc.close())

  const volume = (name: string, storage: string, extra: Record<string, unknown> = {}, labels?: Record<string, string>) =>
    tc.api.create({apiVersion: 'v1', kind: 'PersistentVolume', metadata: {name, labels}, spec: {capacity: {storage}, accessModes: ['ReadWriteOnce'], hostPath: {path: `/data/${name}`}, ...extra}} as KObject)
  const claim = (name: string, storage: string, extra: Record<string, unknown> = {}) =>
    tc.api.create({apiVersion: 'v1', kind: 'PersistentVolumeClaim', metadata: {name, namespace: 'default'}, spec: {accessModes: ['ReadWriteOnce'], resources: {requests: {storage}}, ...extra}} as KObject)
  const pv = (name: string): Any => tc.api.peek('PersistentVolume', '', name)
  const pvc = (name: string): Any => tc.api.peek('PersistentVolumeClaim', 'default', name)

  it('makes a new volume Available, then writes nothing more', () => {
    volume('pv1', '10Gi')
    tc.clock.advance(2000)
    expect(tc.pass(binder).writes).to.equal(1)
    expect(pv('pv1').status).to.deep.equal({phase: 'Available', lastPhaseTransitionTime: '2026-07-01T10:00:02Z'})
    expect(tc.pass(binder).writes).to.equal(0)
  })

  it('binds a claim to the smallest volume that covers it, writing both sides as Kubernetes does', () => {
    volume('big', '100Gi')
    volume('small', '5Gi')
    volume('fits', '8Gi')
    volume('rox', '8Gi', {accessModes: ['ReadOnlyMany']})
    claim('data', '8G')
    tc.settle(binder)
    const [v, c] = [pv('fits'), pvc('data')]
    expect(v.spec.claimRef).to.deep.equal({kind: 'PersistentVolumeClaim', namespace: 'default', name: 'data', uid: c.metadata.uid, apiVersion: 'v1', resourceVersion: v.spec.claimRef.resourceVersion})
    expect([v.metadata.annotations, v.status.phase]).to.deep.equal([{'pv.kubernetes.io/bound-by-controller': 'yes'}, 'Bound'])
    expect(c.metadata.annotations).to.deep.equal({'pv.kubernetes.io/bind-completed': 'yes', 'pv.kubernetes.io/bound-by-controller': 'yes'})
    expect([c.spec.volumeName, c.status]).to.deep.equal(['fits', {phase: 'Bound', accessModes: ['ReadWriteOnce'], capacity: {storage: '8Gi'}}])
    expect(['big', 'small', 'rox'].map((n) => pv(n).status.phase)).to.deep.equal(['Available', 'Available', 'Available'])
    expect(tc.pass(binder).writes).to.equal(0)
  })

  it('matches the class and the selector; a claim with nothing to bind stays Pending with the event, once', () => {
    volume('gold', '10Gi', {storageClassName: 'gold'}, {tier: 'gold'})
    claim('plain', '1Gi')
    claim('picky', '1Gi', {storageClassName: 'gold', selector: {matchLabels: {tier: 'silver'}}})
    tc.settle(binder)
    expect([pvc('plain').status.phase, pvc('picky').status.phase, pv('gold').status.phase]).to.deep.equal(['Pending', 'Pending', 'Available'])
    expect(tc.events('plain')).to.deep.equal(['Normal FailedBinding no persistent volumes available for this claim and no storage class is set'])
    expect(tc.events('picky')).to.deep.equal(['Warning ProvisioningFailed storageclass.storage.k8s.io "gold" not found'])
    tc.clock.advance(60_000)
    expect(tc.pass(binder).writes).to.equal(0)
    claim('golden', '2Gi', {storageClassName: 'gold', selector: {matchLabels: {tier: 'gold'}}})
    tc.settle(binder)
    expect(pvc('golden').spec.volumeName).to.equal('gold')
  })

  it('waits for an external provisioner or the first consumer, and gives old claims a default class that appears later', () => {
    claim('early', '1Gi')
    tc.settle(binder)
    tc.api.create({apiVersion: 'storage.k8s.io/v1', kind: 'StorageClass', metadata: {name: 'standard', annotations: {'storageclass.kubernetes.io/is-default-class': 'true'}}, provisioner: 'example.com/disk'} as KObject)
    tc.api.create({apiVersion: 'storage.k8s.io/v1', kind: 'StorageClass', metadata: {name: 'local'}, provisioner: 'kubernetes.io/no-provisioner', volumeBindingMode: 'WaitForFirstConsumer'} as KObject)
    volume('lv', '5Gi', {storageClassName: 'local'})
    claim('late', '1Gi', {storageClassName: 'local'})
    tc.settle(binder)
    const early = pvc('early')
    expect([early.spec.storageClassName, early.metadata.annotations['volume.kubernetes.io/storage-provisioner'], early.status.phase]).to.deep.equal(['standard', 'example.com/disk', 'Pending'])
    expect(tc.events('early').at(-1)).to.equal("Normal ExternalProvisioning Waiting for a volume to be created either by the external provisioner 'example.com/disk' or manually by the system administrator. If volume creation is delayed, please verify that the provisioner is running and correctly registered.")
    expect([pvc('late').status.phase, pv('lv').status.phase]).to.deep.equal(['Pending', 'Available'])
    expect(tc.events('late')).to.deep.equal(['Normal WaitForFirstConsumer waiting for first consumer to be created before binding'])
  })

  it('releases a Retain volume, deletes a Delete volume, recycles a Recycle volume when their claims go; a deleted bound volume waits for its claim', () => {
    volume('keep', '1Gi')
    volume('drop', '2Gi', {persistentVolumeReclaimPolicy: 'Delete'})
    volume('reuse', '3Gi', {persistentVolumeReclaimPolicy: 'Recycle'})
    volume('gone', '4Gi')
    for (const [n, s] of [['a', '1Gi'], ['b', '2Gi'], ['c', '3Gi'], ['d', '4Gi']]) claim(n, s)
    tc.settle(binder)
    expect(['a', 'b', 'c', 'd'].map((n) => pvc(n).spec.volumeName)).to.deep.equal(['keep', 'drop', 'reuse', 'gone'])
    for (const n of ['a', 'b', 'c']) tc.api.delete(pvcType, 'default', n)
    tc.api.delete(pvType, '', 'gone')
    // a bound volume keeps its pv-protection finalizer; the claims, used by no pod, lose theirs
    tc.settle(binder, protection)
    expect(['a', 'b', 'c'].map((n) => pvc(n))).to.deep.equal([undefined, undefined, undefined])
    expect(pv('keep').status.phase).to.equal('Released')
    expect(pv('drop')).to.equal(undefined)
    expect([pv('reuse').spec.claimRef, pv('reuse').status.phase]).to.deep.equal([undefined, 'Available'])
    expect(pv('gone').status.phase).to.equal('Bound')
    tc.api.delete(pvcType, 'default', 'd')
    tc.settle(binder, protection)
    expect([pvc('d'), pv('gone')]).to.deep.equal([undefined, undefined])
  })

  it('marks a bound claim Lost when its volume is forced away', () => {
    volume('pv1', '1Gi')
    claim('data', '1Gi')
    tc.settle(binder)
    tc.api.delete(pvType, '', 'pv1')
    const doomed = pv('pv1')
    tc.api.update({...doomed, metadata: {...doomed.metadata, finalizers: []}})
    expect(pv('pv1')).to.equal(undefined)
    tc.settle(binder)
    expect(pvc('data').status.phase).to.equal('Lost')
    expect(tc.events('data')).to.deep.equal(['Warning ClaimLost Bound claim has lost its PersistentVolume. Data on the volume is lost!'])
    expect(tc.pass(binder).writes).to.equal(0)
  })

  it('keeps a claim used by a running pod until the pod is gone', () => {
    claim('used', '1Gi')
    tc.pod('app', {containers: [{name: 'c', image: 'nginx'}], volumes: [{name: 'd', persistentVolumeClaim: {claimName: 'used'}}]})
    tc.api.delete(pvcType, 'default', 'used')
    expect(tc.pass(protection).writes).to.equal(0)
    expect(pvc('used').metadata.deletionTimestamp).to.be.a('string')
    tc.api.delete(lookupKind('v1', 'Pod')!, 'default', 'app', {gracePeriodSeconds: 0})
    expect(tc.pass(protection).writes).to.be.greaterThan(0)
    expect(pvc('used')).to.equal(undefined)
  })
})
