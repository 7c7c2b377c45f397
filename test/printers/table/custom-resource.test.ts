import {expect} from 'chai'

import type {PrinterColumn} from '../../../src/api/registry.js'
import type {KObject} from '../../../src/api/types.js'
import {renderTable, tableHandlerFor} from '../../../src/printers/table/index.js'

const NOW = new Date('2026-07-01T12:00:00Z')

const columns: PrinterColumn[] = [
  {name: 'Spec', type: 'string', jsonPath: '.spec.cronSpec'},
  {name: 'Replicas', type: 'integer', jsonPath: '.spec.replicas'},
  {name: 'Ready', type: 'boolean', jsonPath: '.status.ready'},
  {name: 'Started', type: 'date', jsonPath: '.status.startedAt'},
  {name: 'Image', type: 'string', jsonPath: '.spec.image', priority: 1},
  {name: 'Ports', type: 'string', jsonPath: '.spec.ports', priority: 1},
]

const cron = (name: string, spec: Record<string, unknown>, status: Record<string, unknown> = {}): KObject => ({
  apiVersion: 'stable.example.com/v1',
  kind: 'CronTab',
  metadata: {name, namespace: 'default', creationTimestamp: '2026-07-01T11:00:00Z'},
  spec,
  status,
})

const objs = [
  cron('full', {cronSpec: '* * * * */5', replicas: 2, image: 'cron:1', ports: [80, 443]}, {ready: true, startedAt: '2026-07-01T11:55:00Z'}),
  cron('empty', {replicas: 'two'}, {ready: 'yes'}),
]

describe('custom resource tables', () => {
  const handler = tableHandlerFor({namespaced: true, custom: {crd: 'crontabs.stable.example.com', printerColumns: columns, statusSubresource: false}})

  it('prints NAME and the printer columns of priority 0, `<none>` where a value is missing or of another type', () => {
    expect(renderTable(objs, {now: NOW, handler})).to.equal(
      'NAME    SPEC          REPLICAS   READY    STARTED\n' +
        'full    * * * * */5   2          true     5m\n' +
        'empty   <none>        <none>     <none>   <none>\n',
    )
  })

  it('adds the columns of higher priority with -o wide, arrays as JSON', () => {
    expect(renderTable(objs, {now: NOW, handler, wide: true, withNamespace: true})).to.equal(
      'NAMESPACE   NAME    SPEC          REPLICAS   READY    STARTED   IMAGE    PORTS\n' +
        'default     full    * * * * */5   2          true     5m        cron:1   [80,443]\n' +
        'default     empty   <none>        <none>     <none>   <none>    <none>   <none>\n',
    )
  })

  it('prints NAME and AGE for a version without columns (the server\'s default Age column)', () => {
    const plain = tableHandlerFor({namespaced: false, custom: {crd: 'x', printerColumns: [{name: 'Age', type: 'date', jsonPath: '.metadata.creationTimestamp'}], statusSubresource: false}})
    expect(renderTable([objs[0]], {now: NOW, handler: plain, withNamespace: true})).to.equal('NAME   AGE\nfull   60m\n')
  })

  it('prints CustomResourceDefinitions with NAME and CREATED AT', () => {
    const crd: KObject = {apiVersion: 'apiextensions.k8s.io/v1', kind: 'CustomResourceDefinition', metadata: {name: 'crontabs.stable.example.com', creationTimestamp: '2026-07-01T11:00:00Z'}}
    expect(renderTable([crd], {now: NOW, withNamespace: true})).to.equal('NAME                          CREATED AT\ncrontabs.stable.example.com   2026-07-01T11:00:00Z\n')
  })
})
