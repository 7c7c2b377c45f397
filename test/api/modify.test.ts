// Api.modify is kubectl's patch without a resourceVersion (label, annotate, scale, cordon): it applies to
// the latest object and never fails with a Conflict, however busy the object is.
import {expect} from 'chai'

import type {KObject} from '../../src/api/types.js'

import {lookupResource} from '../../src/api/registry.js'
import {Api} from '../../src/api/server.js'
import {Store} from '../../src/store/sqlite-store.js'
import {useTempStores} from '../store/temp-store.js'

describe('Api.modify', () => {
  const stores = useTempStores()

  it('holds the write lock from its read to its write: a writer that comes in between waits, and neither update is lost', () => {
    const store = stores.open()
    const api = new Api(store)
    api.create({apiVersion: 'v1', kind: 'Namespace', metadata: {name: 'default'}})
    api.create({apiVersion: 'v1', kind: 'ConfigMap', metadata: {name: 'busy', namespace: 'default'}, data: {n: '0'}})
    // another process's connection, writing the same object while the patch is between its read and its write
    const other = Store.open(stores.file(), {busyTimeoutMs: 20})
    const otherApi = new Api(other)
    const cm = lookupResource('configmaps')!
    const interleaved: string[] = []
    try {
      const result = api.modify(cm, 'default', 'busy', (o: KObject) => {
        try {
          otherApi.modify(cm, 'default', 'busy', (x) => {
            x.metadata.labels = {...x.metadata.labels, other: 'yes'}
          })
          interleaved.push('written')
        } catch (error) {
          interleaved.push(String((error as {code?: string}).code ?? error))
        }
        o.metadata.labels = {...o.metadata.labels, mine: 'yes'}
      })
      expect(interleaved).to.deep.equal(['Locked'])
      expect(result.metadata.labels).to.deep.equal({mine: 'yes'})
      // the other writer, retried once the lock is free, keeps the first one's label
      const after = otherApi.modify(cm, 'default', 'busy', (x) => {
        x.metadata.labels = {...x.metadata.labels, other: 'yes'}
      })
      expect(after.metadata.labels).to.deep.equal({mine: 'yes', other: 'yes'})
      expect(Number(after.metadata.resourceVersion)).to.equal(Number(result.metadata.resourceVersion) + 1)
    } finally {
      other.close()
    }
  })

  it('returns the object unchanged, writing nothing, when the change is skipped', () => {
    const store = stores.open()
    const api = new Api(store)
    api.create({apiVersion: 'v1', kind: 'Namespace', metadata: {name: 'default'}})
    const created = api.create({apiVersion: 'v1', kind: 'ConfigMap', metadata: {name: 'still', namespace: 'default'}}).object
    const revision = store.revision()
    const result = api.modify(lookupResource('configmaps')!, 'default', 'still', () => false)
    expect(result).to.deep.equal(created)
    expect(store.revision()).to.equal(revision)
  })
})
