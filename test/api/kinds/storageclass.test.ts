import {expect} from 'chai'

import {storageClassType} from '../../../src/api/kinds/storageclass.js'
import {lookupResource, mustLookupResource} from '../../../src/api/registry.js'
import type {KObject} from '../../../src/api/types.js'
import {describerFor} from '../../../src/printers/describe/index.js'
import {renderTable} from '../../../src/printers/table/index.js'
import {NOW, ago} from '../../printers/fixtures.js'
import {useKindApi} from './kind-api.js'

const FIXED = new Date('2026-01-02T03:04:05Z')

const sc = (name: string, fields: Record<string, unknown>, annotations?: Record<string, string>): KObject =>
  ({apiVersion: 'storage.k8s.io/v1', kind: 'StorageClass', metadata: {name, ...(annotations ? {annotations} : {})}, ...fields}) as KObject

describe('StorageClass kind', () => {
  const {api, failure} = useKindApi(FIXED)

  it('is registered as storageclasses, storageclass, sc in storage.k8s.io/v1, cluster-scoped', () => {
    expect(lookupResource('sc')).to.equal(storageClassType)
    expect(lookupResource('storageclasses.storage.k8s.io')).to.equal(storageClassType)
    expect([storageClassType.group, storageClassType.version, storageClassType.namespaced]).to.deep.equal(['storage.k8s.io', 'v1', false])
  })

  it('defaults reclaimPolicy to Delete and volumeBindingMode to Immediate, and keeps the parameters', () => {
    const created = api().create(sc('fast', {provisioner: 'kubernetes.io/fake-provisioner-type', parameters: {zone: 'us-east-1b', type: 'ssd'}})).object
    expect([created.reclaimPolicy, created.volumeBindingMode, created.parameters]).to.deep.equal(['Delete', 'Immediate', {zone: 'us-east-1b', type: 'ssd'}])
    expect(created.metadata.namespace).to.equal(undefined)
  })

  it('refuses a missing or malformed provisioner and unsupported policies with the API server\'s messages, storing nothing', () => {
    const a = api()
    expect(failure(() => a.create(sc('bad', {reclaimPolicy: 'Recycle', volumeBindingMode: 'Later'})))).to.equal(
      'The StorageClass "bad" is invalid: \n* provisioner: Required value\n* reclaimPolicy: Unsupported value: "Recycle": supported values: "Delete", "Retain"\n* volumeBindingMode: Unsupported value: "Later": supported values: "Immediate", "WaitForFirstConsumer"',
    )
    expect(failure(() => a.create(sc('bad', {provisioner: 'bad provisioner!'})))).to.match(/^The StorageClass "bad" is invalid: provisioner: Invalid value: "bad provisioner!": name part must consist of alphanumeric characters/)
    expect(a.list(mustLookupResource('storageclasses'), '').items).to.deep.equal([])
  })

  it('keeps provisioner, parameters, reclaim policy and binding mode as created; labels may change', () => {
    const a = api()
    const created = a.create(sc('fast', {provisioner: 'example.com/disk', parameters: {type: 'ssd'}})).object
    expect(failure(() => a.update({...created, provisioner: 'x.io/y', parameters: {}, reclaimPolicy: 'Retain', volumeBindingMode: 'WaitForFirstConsumer'}))).to.equal(
      'The StorageClass "fast" is invalid: \n* parameters: Forbidden: updates to parameters are forbidden.\n* provisioner: Forbidden: updates to provisioner are forbidden.\n* reclaimPolicy: Forbidden: updates to reclaimPolicy are forbidden.\n* volumeBindingMode: Invalid value: "WaitForFirstConsumer": field is immutable',
    )
    expect(a.update({...created, metadata: {...created.metadata, labels: {tier: 'fast'}}}).metadata.labels).to.deep.equal({tier: 'fast'})
  })

  // the describe text realigns after MountOptions' lines, which have no tab: Go's tabwriter ends a column block there
  it('prints kubectl\'s columns, the default class marked, and its describe text', () => {
    const classes = [
      {...sc('standard', {provisioner: 'rancher.io/local-path', reclaimPolicy: 'Delete', volumeBindingMode: 'WaitForFirstConsumer'}, {'storageclass.kubernetes.io/is-default-class': 'true'}), metadata: {name: 'standard', creationTimestamp: ago(3600), annotations: {'storageclass.kubernetes.io/is-default-class': 'true'}}},
      {...sc('fast', {provisioner: 'example.com/disk', reclaimPolicy: 'Retain', volumeBindingMode: 'Immediate', allowVolumeExpansion: true}), metadata: {name: 'fast', creationTimestamp: ago(45)}},
    ] as KObject[]
    expect(renderTable(classes, {now: NOW})).to.equal(
      'NAME                 PROVISIONER             RECLAIMPOLICY   VOLUMEBINDINGMODE      ALLOWVOLUMEEXPANSION   AGE\n' +
        'standard (default)   rancher.io/local-path   Delete          WaitForFirstConsumer   false                  60m\n' +
        'fast                 example.com/disk        Retain          Immediate              true                   45s\n',
    )
    const withParams = {...classes[1], parameters: {zone: 'a', type: 'ssd'}, mountOptions: ['debug']} as KObject
    expect(describerFor('StorageClass')(withParams, {now: NOW, events: []} as never)).to.equal(
      'Name:                  fast\nIsDefaultClass:        No\nAnnotations:           <none>\nProvisioner:           example.com/disk\nParameters:            type=ssd,zone=a\nAllowVolumeExpansion:  True\nMountOptions:\n  debug\nReclaimPolicy:      Retain\nVolumeBindingMode:  Immediate\nEvents:             <none>\n',
    )
  })
})
