import {expect} from 'chai'
import {spawn} from 'node:child_process'
import path from 'node:path'

import type {KObject} from '../../src/api/types.js'
import {configMapType} from '../../src/api/kinds/configmap.js'
import {StoreCache} from '../../src/reconciler/cache.js'
import {Store} from '../../src/store/sqlite-store.js'
import {configMap, fixture, repoRoot, useTempHome} from './helpers.js'

// every namespace has a kube-root-ca.crt ConfigMap from the start; these tests follow their own
const own = (objs: KObject[]) => objs.filter((o) => o.metadata.name !== 'kube-root-ca.crt')
const summary = (objs: KObject[]) => own(objs).map((o) => `${o.metadata.namespace ?? ''}/${o.metadata.name}@${o.metadata.resourceVersion}`)

function expectSameAsStore(cache: StoreCache, store: Store, kinds: string[]): void {
  for (const kind of kinds) {
    const fromStore = store.list<KObject>(kind).items.map((sv) => ({...sv.value, metadata: {...sv.value.metadata, resourceVersion: String(sv.rev)}}))
    expect(cache.list(kind), kind).to.deep.equal(fromStore)
  }
}

describe('reconciler cache', () => {
  const t = useTempHome()

  it('holds every registered kind from the start, in store order, with resourceVersions', async () => {
    await t.cluster('test', {nodes: 2})
    const {store, api} = t.open()
    api.create({apiVersion: 'v1', kind: 'Namespace', metadata: {name: 'b'}})
    api.create(configMap('z', {}, 'b'))
    api.create(configMap('y'))
    api.create(configMap('x', {}, 'b'))
    const cache = new StoreCache(store)
    cache.load()
    expect(cache.revision()).to.equal(store.revision())
    expect(summary(cache.list('ConfigMap')).map((s) => s.replace(/@\d+$/, ''))).to.deep.equal(['b/x', 'b/z', 'default/y'])
    expect(summary(cache.list('ConfigMap', 'b')).map((s) => s.replace(/@\d+$/, ''))).to.deep.equal(['b/x', 'b/z'])
    expect(cache.list('Node').map((n) => n.metadata.name)).to.deep.equal(['test-control-plane', 'test-worker'])
    expect(cache.get('ConfigMap', 'default', 'y')?.metadata.resourceVersion).to.equal(api.peek('ConfigMap', 'default', 'y')!.metadata.resourceVersion)
    expect(cache.get('ConfigMap', 'default', 'nope')).to.equal(undefined)
    expect(cache.list('NoSuchKind')).to.deep.equal([])
    expectSameAsStore(cache, store, ['ConfigMap', 'Node', 'Namespace'])
  })

  it('follows creates, updates and deletes from another connection and says which kinds changed', async () => {
    await t.cluster()
    const {store} = t.open()
    const writer = t.open().api
    const cache = new StoreCache(store)
    cache.load()
    expect(cache.mayHaveChanged()).to.equal(true)
    expect([...cache.sync()]).to.deep.equal([])
    expect(cache.mayHaveChanged()).to.equal(false)
    writer.create(configMap('a', {k: '1'}))
    writer.create(configMap('b'))
    writer.modify(configMapType, 'default', 'a', (o) => void (o.data = {k: '2'}))
    writer.delete(configMapType, 'default', 'b')
    expect(cache.mayHaveChanged()).to.equal(true)
    expect([...cache.sync()]).to.deep.equal(['ConfigMap'])
    expect(own(cache.list('ConfigMap')).map((o) => [o.metadata.name, o.data])).to.deep.equal([['a', {k: '2'}]])
    expect(cache.revision()).to.equal(store.revision())
    expectSameAsStore(cache, store, ['ConfigMap'])
  })

  it('applies quiet changes without reporting them', async () => {
    await t.cluster()
    const {store, api} = t.open()
    const cache = new StoreCache(store, {quiet: (c) => c.name === 'hush'})
    cache.load()
    api.create(configMap('hush'))
    expect([...cache.sync()]).to.deep.equal([])
    expect(cache.get('ConfigMap', 'default', 'hush')).to.not.equal(undefined)
  })

  it('hands out frozen objects, so a controller cannot change the cache by accident', async () => {
    await t.cluster()
    const {store, api} = t.open()
    api.create(configMap('a', {k: '1'}))
    const cache = new StoreCache(store)
    cache.load()
    const o = cache.get('ConfigMap', 'default', 'a')!
    expect(() => ((o.data as Record<string, string>).k = '2')).to.throw(TypeError)
    expect(structuredClone(o).metadata.name).to.equal('a')
  })

  it('reports changes of an unheld kind without holding its objects', async () => {
    await t.cluster()
    const {store, api} = t.open()
    const cache = new StoreCache(store, {unheld: ['ConfigMap']})
    api.create(configMap('before'))
    cache.load()
    expect(cache.kinds.has('ConfigMap')).to.equal(false)
    expect(cache.list('ConfigMap')).to.deep.equal([])
    api.create(configMap('a'))
    expect([...cache.sync()]).to.deep.equal(['ConfigMap'])
    expect([cache.list('ConfigMap'), cache.get('ConfigMap', 'default', 'a')]).to.deep.equal([[], undefined])
    store.compact(store.revision())
    api.create(configMap('b'))
    expect(cache.sync().has('ConfigMap')).to.equal(true)
  })

  it('keeps the parts a change left alone: a new version shares them with the one it replaces', async () => {
    await t.cluster()
    const {store, api} = t.open()
    api.create(configMap('a', {k: '1'}))
    api.create({...configMap('b', {k: '1'}), metadata: {name: 'b', namespace: 'default', labels: {app: 'web'}}})
    const cache = new StoreCache(store)
    cache.load()
    const before = cache.get('ConfigMap', 'default', 'b')!
    api.modify(configMapType, 'default', 'b', (o) => void (o.data = {k: '2'}))
    cache.sync()
    const after = cache.get('ConfigMap', 'default', 'b')!
    expect(after).to.not.equal(before)
    expect(after.metadata.labels).to.equal(before.metadata.labels)
    expect(after.data).to.deep.equal({k: '2'})
    expect(Object.isFrozen(after.data)).to.equal(true)
    expectSameAsStore(cache, store, ['ConfigMap'])
  })

  it('lists everything again when the change log was compacted past its position', async () => {
    await t.cluster()
    const {store, api} = t.open()
    const cache = new StoreCache(store, {kinds: ['ConfigMap', 'Secret']})
    cache.load()
    api.create(configMap('a'))
    api.create(configMap('b'))
    store.compact(store.revision())
    expect([...cache.sync()].sort()).to.deep.equal(['ConfigMap', 'Secret'])
    expectSameAsStore(cache, store, ['ConfigMap', 'Secret'])
  })

  it('reads the change log in pages and ends up equal to the store while another process writes', async function () {
    this.timeout(60_000)
    const file = await t.cluster()
    const {store} = t.open()
    const cache = new StoreCache(store, {pageSize: 7})
    cache.load()
    const writer = spawn(process.execPath, [fixture('api-writer.mjs'), path.join(repoRoot, 'dist'), file, '1500'], {stdio: ['ignore', 'pipe', 'inherit']})
    let out = ''
    writer.stdout!.on('data', (d: Buffer) => (out += d.toString()))
    const done = new Promise<number | null>((resolve) => writer.once('exit', resolve))
    let exited = false
    void done.then(() => (exited = true))
    let syncs = 0
    while (!exited) {
      if (cache.mayHaveChanged()) {
        cache.sync()
        syncs++
      }
      await new Promise((r) => setTimeout(r, 2))
    }
    expect(await done).to.equal(0)
    expect(JSON.parse(out)).to.deep.equal({ops: 1500})
    cache.sync()
    expect(syncs).to.be.greaterThan(1)
    expect(cache.revision()).to.equal(store.revision())
    expectSameAsStore(cache, store, ['ConfigMap', 'Namespace', 'Node'])
  })
})
