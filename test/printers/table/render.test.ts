import {expect} from 'chai'

import type {KObject} from '../../../src/api/types.js'
import {formatLabels, renderTable} from '../../../src/printers/table/index.js'
import {NOW, node, pod, stages} from '../fixtures.js'

const web = {...stages.running, metadata: {...stages.running.metadata, labels: {app: 'web', 'example.com/tier': 'front'}}}
const other = pod('db-0', {age: 30, meta: {namespace: 'kube-system', labels: {app: 'db'}}})

describe('table options', () => {
  it('prepends NAMESPACE with -A', () => {
    expect(renderTable([web, other], {now: NOW, withNamespace: true})).to.equal(
      'NAMESPACE     NAME   READY   STATUS    RESTARTS   AGE\n' +
      'default       web    1/1     Running   0          5m\n' +
      'kube-system   db-0   0/1     Pending   0          30s\n')
  })

  it('appends -L columns named after the key\'s last segment, then LABELS', () => {
    expect(renderTable([web, other], {now: NOW, labelColumns: ['app', 'example.com/tier'], showLabels: true})).to.equal(
      'NAME   READY   STATUS    RESTARTS   AGE   APP   TIER    LABELS\n' +
      'web    1/1     Running   0          5m    web   front   app=web,example.com/tier=front\n' +
      'db-0   0/1     Pending   0          30s   db            app=db\n')
  })

  it('formats labels sorted by key, or <none>', () => {
    expect(formatLabels({b: '2', a: '1'})).to.equal('a=1,b=2')
    expect(formatLabels({})).to.equal('<none>')
  })

  it('drops the header line with --no-headers', () => {
    expect(renderTable([web, other], {now: NOW, noHeaders: true})).to.equal(
      'web    1/1   Running   0     5m\n' +
      'db-0   0/1   Pending   0     30s\n')
  })

  it('prefixes NAME with the kind given', () => {
    expect(renderTable([web], {now: NOW, withKindPrefix: 'pod'})).to.equal(
      'NAME      READY   STATUS    RESTARTS   AGE\n' +
      'pod/web   1/1     Running   0          5m\n')
  })

  it('prints one table per kind separated by a blank line, without NAMESPACE for cluster-scoped kinds', () => {
    const n = node('node-1', {age: 600, ready: 'True'})
    expect(renderTable([web, n], {now: NOW, withKind: true, withNamespace: true})).to.equal(
      'NAMESPACE   NAME      READY   STATUS    RESTARTS   AGE\n' +
      'default     pod/web   1/1     Running   0          5m\n' +
      '\n' +
      'NAME          STATUS   ROLES    AGE   VERSION\n' +
      'node/node-1   Ready    <none>   10m   v1.34.1\n')
    const rs: KObject = {apiVersion: 'apps/v1', kind: 'ReplicaSet', metadata: {name: 'web-6b7f9c5d8', creationTimestamp: '2026-07-01T11:59:00Z'}}
    expect(renderTable([rs], {now: NOW, withKind: true})).to.equal('NAME                            DESIRED   CURRENT   READY   AGE\nreplicaset.apps/web-6b7f9c5d8   0         0         0       60s\n')
  })

  it('prints nothing at all for no objects', () => {
    expect(renderTable([], {now: NOW})).to.equal('')
  })

  it('cuts a cell at its first line break with ... and escapes terminal control characters', () => {
    const cm: KObject = {apiVersion: 'v1', kind: 'ConfigMap', metadata: {name: 'evil\x1b[31m', creationTimestamp: '2026-07-01T11:59:00Z', labels: {note: 'a'}}}
    const ev: KObject = {apiVersion: 'v1', kind: 'Event', metadata: {name: 'e'}, type: 'Normal', reason: 'R', involvedObject: {kind: 'Pod', name: 'p'},
      message: 'first line\nsecond line', lastTimestamp: '2026-07-01T11:59:50Z'}
    expect(renderTable([cm], {now: NOW})).to.equal('NAME         DATA   AGE\nevil^[[31m   0      60s\n')
    expect(renderTable([ev], {now: NOW, noHeaders: true})).to.equal('10s   Normal   R     pod/p   first line...\n')
  })

  it('colours STATUS values only when asked, padding by the visible text', () => {
    const out = renderTable([web, stages.crashLoop, stages.terminating, stages.unscheduled, stages.completed], {now: NOW, color: true})
    expect(out).to.equal(
      'NAME      READY   STATUS             RESTARTS      AGE\n' +
      'web       1/1     \x1b[32mRunning\x1b[39m            0             5m\n' +
      'crashy    0/1     \x1b[31mCrashLoopBackOff\x1b[39m   5 (70s ago)   6m40s\n' +
      'leaving   1/1     \x1b[35mTerminating\x1b[39m        0             5m\n' +
      'fresh     0/1     \x1b[33mPending\x1b[39m            0             2s\n' +
      'job-x     0/1     Completed          0             15m\n')
    expect(renderTable([web], {now: NOW})).to.not.include('\x1b')
  })
})
