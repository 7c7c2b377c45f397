import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import {expect} from 'chai'

import {defaultProfile, readProfile, writeProfile} from '../../src/api/cluster-profile.js'
import {bootstrapCluster} from '../../src/cluster/bootstrap.js'
import {needsUpgrade, upgradeCluster} from '../../src/cluster/upgrade.js'
import {Store} from '../../src/store/sqlite-store.js'

/** A cluster as ksim wrote it before it had a CA: no rootCACert, no ServiceAccounts, no kube-root-ca.crt. */
function oldCluster(file: string, now: Date): Store {
  const store = Store.open(file)
  bootstrapCluster(store, {...defaultProfile, name: 'old', nodes: 1}, now)
  store.transaction(() => {
    const {rootCACert: _, ...profile} = readProfile(store)!
    writeProfile(store, profile)
    for (const kind of ['ServiceAccount', 'ConfigMap']) for (const o of store.list(kind).items) store.delete({kind, namespace: o.namespace, name: o.name})
  })
  return store
}

describe('upgradeCluster', () => {
  const now = new Date('2026-11-27T04:00:00Z')
  let dir: string
  let store: Store
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ksim-upgrade-'))
    store = oldCluster(path.join(dir, 'state.db'), now)
  })
  afterEach(() => {
    store.close()
    fs.rmSync(dir, {recursive: true, force: true})
  })

  it('gives an older cluster a CA and every Active namespace its default ServiceAccount and kube-root-ca.crt', () => {
    expect(needsUpgrade(readProfile(store))).to.equal(true)
    const profile = upgradeCluster(store, now)
    expect(profile?.rootCACert).to.match(/^-----BEGIN CERTIFICATE-----\n/)
    expect(readProfile(store)).to.deep.equal(profile)
    expect(needsUpgrade(profile)).to.equal(false)
    const names = (kind: string) => store.list(kind).items.map((o) => `${o.namespace}/${o.name}`)
    const namespaces = ['default', 'kube-node-lease', 'kube-public', 'kube-system']
    expect(names('ServiceAccount')).to.deep.equal(namespaces.map((ns) => `${ns}/default`))
    expect(names('ConfigMap')).to.deep.equal(namespaces.map((ns) => `${ns}/kube-root-ca.crt`))
    const cm = store.get<{data: Record<string, string>}>({kind: 'ConfigMap', namespace: 'default', name: 'kube-root-ca.crt'})
    expect(cm?.value.data).to.deep.equal({'ca.crt': profile?.rootCACert})
  })

  it('writes nothing to a cluster that is up to date, and keeps the CA another process wrote first', () => {
    const first = upgradeCluster(store, now)
    const rev = store.revision()
    expect(upgradeCluster(store, now)).to.deep.equal(first)
    expect(store.revision()).to.equal(rev)
  })

  it('leaves alone companions that exist and namespaces that are terminating', () => {
    store.create({kind: 'ServiceAccount', namespace: 'default', name: 'default'}, (rev) => ({apiVersion: 'v1', kind: 'ServiceAccount', metadata: {name: 'default', namespace: 'default', resourceVersion: String(rev)}, automountServiceAccountToken: false}))
    const ns = store.get<Record<string, unknown>>({kind: 'Namespace', namespace: '', name: 'kube-public'})!
    store.update({kind: 'Namespace', namespace: '', name: 'kube-public'}, ns.rev, () => ({...ns.value, status: {phase: 'Terminating'}}))
    upgradeCluster(store, now)
    expect(store.get<{automountServiceAccountToken?: boolean}>({kind: 'ServiceAccount', namespace: 'default', name: 'default'})?.value.automountServiceAccountToken).to.equal(false)
    expect(store.get({kind: 'ServiceAccount', namespace: 'kube-public', name: 'default'})).to.equal(undefined)
    expect(store.get({kind: 'ConfigMap', namespace: 'kube-public', name: 'kube-root-ca.crt'})).to.equal(undefined)
  })
})
