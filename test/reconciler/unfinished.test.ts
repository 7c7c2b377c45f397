import {expect} from 'chai'
import {spawnSync} from 'node:child_process'
import os from 'node:os'

import {ReconcilerLease, holderIdentity} from '../../src/reconciler/lease.js'
import {unfinishedWork} from '../../src/reconciler/unfinished.js'
import {configMap, useTempHome} from './helpers.js'

const POD = {apiVersion: 'v1', kind: 'Pod', metadata: {name: 'web', namespace: 'default'}, spec: {containers: [{name: 'c', image: 'nginx'}]}}

// when a command finds work waiting for a reconciler that is not running (issue 12, item 8)
describe('unfinished work', () => {
  const t = useTempHome()

  it('a fresh cluster is settled; one holding workloads no reconciler ever saw is not', async () => {
    await t.cluster()
    const {store, api} = t.open()
    expect(unfinishedWork(store)).to.equal(undefined)
    api.create(configMap('c'))
    expect(unfinishedWork(store), 'a configmap needs no controller').to.equal(undefined)
    api.create(POD)
    expect(unfinishedWork(store)).to.equal('never-reconciled')
  })

  it('nothing while a live process holds the lease', async () => {
    await t.cluster()
    const {store, api} = t.open()
    new ReconcilerLease(api).acquire(new Date())
    api.create(POD)
    expect(unfinishedWork(store)).to.equal(undefined)
  })

  it('a holder whose process is gone, or who stopped renewing, left work unfinished', async () => {
    await t.cluster()
    const {store, api} = t.open()
    const dead = spawnSync(process.execPath, ['-e', '']).pid!
    new ReconcilerLease(api, holderIdentity(os.hostname(), dead)).acquire(new Date())
    expect(unfinishedWork(store)).to.equal('holder-dead')
    const other = t.open().api
    new ReconcilerLease(other, holderIdentity('elsewhere', 1)).acquire(new Date(Date.now() - 60_000))
    expect(unfinishedWork(store), 'expired').to.equal('holder-dead')
  })

  it('a holder alive on this host that is late renewing is slow, not dead: nothing to start', async () => {
    await t.cluster()
    const {store, api} = t.open()
    new ReconcilerLease(api, holderIdentity(os.hostname(), process.pid)).acquire(new Date(Date.now() - 60_000))
    expect(unfinishedWork(store)).to.equal(undefined)
  })

  it('a released lease: settled until the cluster changes after the release', async () => {
    await t.cluster()
    const {store, api} = t.open()
    const lease = new ReconcilerLease(api)
    lease.acquire(new Date())
    api.create(POD)
    lease.release(new Date())
    expect(unfinishedWork(store)).to.equal(undefined)
    api.create(configMap('later'))
    expect(unfinishedWork(store)).to.equal('changed-since-release')
  })
})
