import {expect} from 'chai'

import type {KObject} from '../../src/api/types.js'
import {describerFor} from '../../src/printers/describe/index.js'
import {renderTable} from '../../src/printers/table/index.js'
import {NOW, ago} from './fixtures.js'

const boundPV = {
  apiVersion: 'v1', kind: 'PersistentVolume',
  metadata: {name: 'pv0001', creationTimestamp: ago(600), labels: {type: 'local'}, annotations: {'pv.kubernetes.io/bound-by-controller': 'yes'}, finalizers: ['kubernetes.io/pv-protection']},
  spec: {capacity: {storage: '10Gi'}, accessModes: ['ReadOnlyMany', 'ReadWriteOnce'], persistentVolumeReclaimPolicy: 'Retain', volumeMode: 'Filesystem', hostPath: {path: '/data', type: ''}, claimRef: {namespace: 'default', name: 'myclaim-1'}},
  status: {phase: 'Bound'},
} as unknown as KObject
const freePV = {
  apiVersion: 'v1', kind: 'PersistentVolume',
  metadata: {name: 'fast-nfs', creationTimestamp: ago(30)},
  spec: {capacity: {storage: '5Gi'}, accessModes: ['ReadWriteMany'], persistentVolumeReclaimPolicy: 'Recycle', storageClassName: 'fast', nfs: {server: '172.17.0.2', path: '/exports'}},
  status: {phase: 'Available'},
} as unknown as KObject
const boundClaim = {
  apiVersion: 'v1', kind: 'PersistentVolumeClaim',
  metadata: {name: 'myclaim-1', namespace: 'default', creationTimestamp: ago(590), finalizers: ['kubernetes.io/pvc-protection'], annotations: {'pv.kubernetes.io/bind-completed': 'yes'}},
  spec: {accessModes: ['ReadWriteOnce'], resources: {requests: {storage: '3Gi'}}, volumeName: 'pv0001', volumeMode: 'Filesystem'},
  status: {phase: 'Bound', accessModes: ['ReadWriteOnce', 'ReadOnlyMany'], capacity: {storage: '10Gi'}},
} as unknown as KObject
const pendingClaim = {
  apiVersion: 'v1', kind: 'PersistentVolumeClaim',
  metadata: {name: 'waiting', namespace: 'default', creationTimestamp: ago(5), deletionTimestamp: ago(2)},
  spec: {accessModes: ['ReadWriteOnce'], resources: {requests: {storage: '10G'}}, storageClassName: 'fast', volumeMode: 'Filesystem'},
  status: {phase: 'Pending'},
} as unknown as KObject

describe('PersistentVolume and PersistentVolumeClaim printers', () => {
  it("print kubectl's PV columns: capacity, abbreviated modes in fixed order, the claim, <unset> attributes class", () => {
    expect(renderTable([boundPV, freePV], {now: NOW})).to.equal(
      'NAME       CAPACITY   ACCESS MODES   RECLAIM POLICY   STATUS      CLAIM               STORAGECLASS   VOLUMEATTRIBUTESCLASS   REASON   AGE\n' +
        'pv0001     10Gi       RWO,ROX        Retain           Bound       default/myclaim-1                  <unset>                          10m\n' +
        'fast-nfs   5Gi        RWX            Recycle          Available                       fast           <unset>                          30s\n',
    )
    expect(renderTable([freePV], {now: NOW, wide: true}).split('\n')[1]).to.equal('fast-nfs   5Gi        RWX            Recycle          Available           fast           <unset>                          30s   <unset>')
  })

  it('print a claim\'s capacity and modes from its status once bound, and Terminating while deleted', () => {
    expect(renderTable([boundClaim, pendingClaim], {now: NOW, wide: true})).to.equal(
      'NAME        STATUS        VOLUME   CAPACITY   ACCESS MODES   STORAGECLASS   VOLUMEATTRIBUTESCLASS   AGE     VOLUMEMODE\n' +
        'myclaim-1   Bound         pv0001   10Gi       RWO,ROX                       <unset>                 9m50s   Filesystem\n' +
        'waiting     Terminating                                      fast           <unset>                 5s      Filesystem\n',
    )
  })

  it('describe pv: metadata, finalizers as Go prints them, the claim, node affinity and the source', () => {
    expect(describerFor('PersistentVolume')(boundPV, {now: NOW, events: []})).to.equal(
      'Name:            pv0001\nLabels:          type=local\nAnnotations:     pv.kubernetes.io/bound-by-controller: yes\nFinalizers:      [kubernetes.io/pv-protection]\n' +
        'StorageClass:    \nStatus:          Bound\nClaim:           default/myclaim-1\nReclaim Policy:  Retain\nAccess Modes:    RWO,ROX\nVolumeMode:      Filesystem\nCapacity:        10Gi\n' +
        'Node Affinity:   <none>\nMessage:         \nSource:\n    Type:          HostPath (bare host directory volume)\n    Path:          /data\n    HostPathType:  \nEvents:            <none>\n',
    )
  })

  it('describe pvc: the pods using it, and Terminating with how long', () => {
    const pod = {apiVersion: 'v1', kind: 'Pod', metadata: {name: 'web', namespace: 'default'}, spec: {volumes: [{name: 'd', persistentVolumeClaim: {claimName: 'waiting'}}]}} as unknown as KObject
    expect(describerFor('PersistentVolumeClaim')(pendingClaim, {now: NOW, events: [], pods: [pod]})).to.equal(
      'Name:          waiting\nNamespace:     default\nStorageClass:  fast\nStatus:        Terminating (lasts 2s)\nVolume:        \nLabels:        <none>\nAnnotations:   <none>\n' +
        'Finalizers:    []\nCapacity:      \nAccess Modes:  \nVolumeMode:    Filesystem\nUsed By:       web\nEvents:        <none>\n',
    )
  })
})
