import {expect} from 'chai'

import type {KObject} from '../../../src/api/types.js'
import {renderTable, tableColumns} from '../../../src/printers/table/index.js'
import {NOW, ago, event, node} from '../fixtures.js'

const D = 24 * 3600
const nodes = [
  node('node-1', {age: 10 * D, ready: 'True', labels: {'node-role.kubernetes.io/control-plane': ''}, addresses: [{type: 'InternalIP', address: '10.0.0.11'}, {type: 'Hostname', address: 'node-1'}]}),
  node('node-2', {age: 3 * 3600, ready: 'Unknown', unschedulable: true, labels: {'node-role.kubernetes.io/worker': '', 'kubernetes.io/role': 'infra'},
    addresses: [{type: 'InternalIP', address: '10.0.0.12'}, {type: 'ExternalIP', address: '203.0.113.7'}]}),
  node('node-3', {age: 45, info: false}),
]

const events = [
  event('web.17f0a', {involvedObject: {kind: 'Pod', name: 'web', namespace: 'default'}, reason: 'Scheduled', message: 'Successfully assigned default/web to node-1',
    source: {component: 'default-scheduler'}, firstTimestamp: ago(290), lastTimestamp: ago(290)}),
  event('crashy.17f0b', {type: 'Warning', involvedObject: {kind: 'Pod', name: 'crashy', namespace: 'default', fieldPath: 'spec.containers{web}'}, reason: 'BackOff',
    message: 'Back-off restarting failed container web in pod crashy_default(uid-crashy)', source: {component: 'kubelet', host: 'node-1'},
    firstTimestamp: ago(390), lastTimestamp: ago(12), count: 6}),
  event('node-1.17f0c', {involvedObject: {kind: 'Node', name: 'node-1', uid: 'node-1'}, reason: 'NodeReady', message: '  Node node-1 status is now: NodeReady  ',
    source: {component: 'kubelet', host: 'node-1'}, firstTimestamp: ago(600), count: 0}),
  event('big.17f0d', {type: 'Warning', involvedObject: {kind: 'Pod', name: 'big', namespace: 'default'}, reason: 'FailedScheduling', count: undefined,
    message: '0/2 nodes are available: 2 Insufficient cpu.', eventTime: '2026-07-01T11:59:30.000000Z', series: {count: 4, lastObservedTime: '2026-07-01T11:59:55.000000Z'},
    reportingComponent: 'default-scheduler', reportingInstance: 'default-scheduler-ctrl'}),
]

describe('node, namespace, event, configmap and secret tables', () => {
  it('prints node STATUS from the Ready condition with SchedulingDisabled, sorted ROLES and the kubelet VERSION', () => {
    expect(renderTable(nodes, {now: NOW})).to.equal(
      'NAME     STATUS                        ROLES           AGE   VERSION\n' +
      'node-1   Ready                         control-plane   10d   v1.34.1\n' +
      'node-2   NotReady,SchedulingDisabled   infra,worker    3h    v1.34.1\n' +
      'node-3   Unknown                       <none>          45s   \n')
  })

  it('adds addresses and system info to nodes with -o wide, <none> and <unknown> when missing', () => {
    expect(renderTable(nodes, {now: NOW, wide: true})).to.equal(
      'NAME     STATUS                        ROLES           AGE   VERSION   INTERNAL-IP   EXTERNAL-IP   OS-IMAGE                         KERNEL-VERSION   CONTAINER-RUNTIME\n' +
      'node-1   Ready                         control-plane   10d   v1.34.1   10.0.0.11     <none>        Debian GNU/Linux 12 (bookworm)   6.1.0-18-amd64   containerd://1.7.13\n' +
      'node-2   NotReady,SchedulingDisabled   infra,worker    3h    v1.34.1   10.0.0.12     203.0.113.7   Debian GNU/Linux 12 (bookworm)   6.1.0-18-amd64   containerd://1.7.13\n' +
      'node-3   Unknown                       <none>          45s             <none>        <none>        <unknown>                        <unknown>        <unknown>\n')
  })

  it('prints namespaces with their phase', () => {
    const ns = (name: string, phase: string, age: number): KObject => ({apiVersion: 'v1', kind: 'Namespace', metadata: {name, creationTimestamp: ago(age)}, status: {phase}})
    expect(renderTable([ns('default', 'Active', 10 * D), ns('kube-system', 'Active', 10 * D), ns('old', 'Terminating', 300)], {now: NOW})).to.equal(
      'NAME          STATUS        AGE\n' +
      'default       Active        10d\n' +
      'kube-system   Active        10d\n' +
      'old           Terminating   5m\n')
  })

  it('prints events with LAST SEEN falling back to the first time, series times, trimmed messages and kind/name objects', () => {
    expect(renderTable(events, {now: NOW})).to.equal(
      'LAST SEEN   TYPE      REASON             OBJECT        MESSAGE\n' +
      '4m50s       Normal    Scheduled          pod/web       Successfully assigned default/web to node-1\n' +
      '12s         Warning   BackOff            pod/crashy    Back-off restarting failed container web in pod crashy_default(uid-crashy)\n' +
      '10m         Normal    NodeReady          node/node-1   Node node-1 status is now: NodeReady\n' +
      '5s          Warning   FailedScheduling   pod/big       0/2 nodes are available: 2 Insufficient cpu.\n')
  })

  it('orders wide event columns as kubectl does, with source host, first seen and count', () => {
    const msg1 = 'Back-off restarting failed container web in pod crashy_default(uid-crashy)'
    const msg2 = '0/2 nodes are available: 2 Insufficient cpu.'
    expect(renderTable(events.slice(1, 4), {now: NOW, wide: true})).to.equal(
      `LAST SEEN   TYPE      REASON             OBJECT        SUBOBJECT              SOURCE                                      ${'MESSAGE'.padEnd(77)}FIRST SEEN   COUNT   NAME\n` +
      `12s         Warning   BackOff            pod/crashy    spec.containers{web}   kubelet, node-1                             ${msg1.padEnd(77)}6m30s        6       crashy.17f0b\n` +
      `10m         Normal    NodeReady          node/node-1                          kubelet, node-1                             ${'Node node-1 status is now: NodeReady'.padEnd(77)}10m          1       node-1.17f0c\n` +
      `5s          Warning   FailedScheduling   pod/big                              default-scheduler, default-scheduler-ctrl   ${msg2.padEnd(77)}30s          4       big.17f0d\n`)
  })

  it('counts data and binaryData keys of config maps and data keys of secrets', () => {
    const cm = (name: string, data: object, binaryData?: object): KObject => ({apiVersion: 'v1', kind: 'ConfigMap', metadata: {name, creationTimestamp: ago(name === 'settings' ? 120 : 10 * D)}, data, binaryData})
    const secret = (name: string, type: string, keys: number): KObject => ({apiVersion: 'v1', kind: 'Secret', type, metadata: {name, creationTimestamp: ago(300)},
      data: Object.fromEntries(Array.from({length: keys}, (_, i) => [`k${i}`, 'eA==']))})
    expect(renderTable([cm('kube-root-ca.crt', {'ca.crt': 'x'}), cm('settings', {a: '1', b: '2'}, {blob: 'AAE='})], {now: NOW})).to.equal(
      'NAME               DATA   AGE\n' +
      'kube-root-ca.crt   1      10d\n' +
      'settings           3      2m\n')
    expect(renderTable([secret('db-creds', 'Opaque', 2), secret('empty', 'Opaque', 0), secret('tls', 'kubernetes.io/tls', 2)], {now: NOW})).to.equal(
      'NAME       TYPE                DATA   AGE\n' +
      'db-creds   Opaque              2      5m\n' +
      'empty      Opaque              0      5m\n' +
      'tls        kubernetes.io/tls   2      5m\n')
  })

  it('exposes each kind\'s default and wide headers and rows', () => {
    const pods = tableColumns('Pod')
    expect(pods.headers).to.deep.equal(['NAME', 'READY', 'STATUS', 'RESTARTS', 'AGE'])
    expect(pods.wideHeaders).to.deep.equal(['NAME', 'READY', 'STATUS', 'RESTARTS', 'AGE', 'IP', 'NODE', 'NOMINATED NODE', 'READINESS GATES'])
    expect(tableColumns('Event').headers).to.deep.equal(['LAST SEEN', 'TYPE', 'REASON', 'OBJECT', 'MESSAGE'])
    expect(tableColumns('Node').row(nodes[0], NOW)).to.deep.equal(['node-1', 'Ready', 'control-plane', '10d', 'v1.34.1'])
    expect(tableColumns('Widget').headers).to.deep.equal(['NAME', 'AGE'])
  })
})
