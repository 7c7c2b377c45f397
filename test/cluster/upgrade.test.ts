import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import {expect} from 'chai'

import {defaultProfile, readProfile, writeProfile} from '../../src/api/cluster-profile.js'
import {bootstrapCluster} from '../../src/cluster/bootstrap.js'
import {needsUpgrade, upgradeCluster} from '../../src/cluster/upgrade.js'
import {Store} from '../../src/store/sqlite-store.js'
import {Sandbox} from '../helpers/cli.js'

type NodeValue = {status: {nodeInfo: {kubeletVersion: string; kubeProxyVersion: string}}}

/** A cluster as a ksim that played Kubernetes v1.34 left it: a CA, no recorded version, nodes on v1.34.0. */
function v134Cluster(store: Store): void {
  store.transaction(() => {
    const {kubernetesVersion: _, ...profile} = readProfile(store)!
    writeProfile(store, profile)
    for (const o of store.list<NodeValue>('Node').items) {
      const info = o.value.status.nodeInfo
      store.update({kind: 'Node', namespace: '', name: o.name}, o.rev, () => ({...o.value, status: {...o.value.status, nodeInfo: {...info, kubeletVersion: 'v1.34.0', kubeProxyVersion: 'v1.34.0'}}}))
    }
  })
}

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

  it('brings the nodes of a cluster made by a ksim that played v1.34 to v1.35.2, as their upgraded kubelets report, once', () => {
    const fresh = Store.open(path.join(dir, 'v134.db'))
    try {
      bootstrapCluster(fresh, {...defaultProfile, name: 'v134', nodes: 2}, now)
      expect(needsUpgrade(readProfile(fresh))).to.equal(false)
      const ca = readProfile(fresh)!.rootCACert
      v134Cluster(fresh)
      const companions = fresh.list('ServiceAccount').items.length
      expect(needsUpgrade(readProfile(fresh))).to.equal(true)
      const profile = upgradeCluster(fresh, now)
      expect([profile?.kubernetesVersion, profile?.rootCACert]).to.deep.equal(['v1.35.2', ca])
      const versions = fresh.list<NodeValue>('Node').items.map((o) => `${o.name} ${o.value.status.nodeInfo.kubeletVersion} '${o.value.status.nodeInfo.kubeProxyVersion}'`)
      expect(versions).to.deep.equal(["v134-control-plane v1.35.2 ''", "v134-worker v1.35.2 ''"])
      expect(fresh.list('ServiceAccount').items.length).to.equal(companions)
      const rev = fresh.revision()
      upgradeCluster(fresh, now)
      expect(fresh.revision()).to.equal(rev)
    } finally {
      fresh.close()
    }
  })
})

describe('a cluster made by a ksim that played v1.34, opened by this one', function () {
  this.timeout(60_000)
  it('reports its nodes at v1.35.2 from the first command on', () => {
    const sb = new Sandbox('ksim-upgrade-', {KSIM_NO_RECONCILER: '1'})
    try {
      sb.run(['get', 'nodes'])
      const store = Store.open(path.join(sb.home, 'clusters', 'ksim', 'state.db'))
      v134Cluster(store)
      store.close()
      expect(sb.run(['get', 'nodes', '-o', 'jsonpath={.items[*].status.nodeInfo.kubeletVersion}'])).to.deep.equal({stdout: 'v1.35.2 v1.35.2 v1.35.2', stderr: '', code: 0})
    } finally {
      sb.cleanup()
    }
  })
})

describe('upgradeCluster: the system PriorityClasses', () => {
  it('creates system-node-critical and system-cluster-critical in a cluster made before ksim served PriorityClass', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ksim-upgrade-pc-'))
    const store = Store.open(path.join(dir, 'state.db'))
    try {
      const now = new Date('2026-11-27T04:00:00Z')
      bootstrapCluster(store, {...defaultProfile, name: 'old', nodes: 1}, now)
      store.transaction(() => {
        const {systemPriorityClasses: _, ...profile} = readProfile(store)!
        writeProfile(store, profile)
        for (const o of store.list('PriorityClass').items) store.delete({kind: 'PriorityClass', namespace: '', name: o.name})
      })
      expect(needsUpgrade(readProfile(store))).to.equal(true)
      upgradeCluster(store, now)
      expect(store.list<{value: number}>('PriorityClass').items.map((o) => `${o.name}=${o.value.value}`)).to.deep.equal(['system-cluster-critical=2000000000', 'system-node-critical=2000001000'])
      expect(needsUpgrade(readProfile(store))).to.equal(false)
    } finally {
      store.close()
      fs.rmSync(dir, {recursive: true, force: true})
    }
  })
})
