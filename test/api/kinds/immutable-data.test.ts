// ConfigMaps and Secrets stored with `immutable: true` keep their data and the mark: an update that changes
// either is refused with the API server's words, while metadata (labels, annotations) may still change.
import {expect} from 'chai'

import type {KObject} from '../../../src/api/types.js'

import {lookupResource} from '../../../src/api/registry.js'
import {Api} from '../../../src/api/server.js'
import {errorText} from '../../../src/cli/errors.js'
import {useTempStores} from '../../store/temp-store.js'

describe('immutable ConfigMaps and Secrets', () => {
  const stores = useTempStores()
  function api(): Api {
    const a = new Api(stores.open())
    a.create({apiVersion: 'v1', kind: 'Namespace', metadata: {name: 'default'}})
    return a
  }
  function failure(fn: () => unknown): string {
    try {
      fn()
    } catch (error) {
      return errorText(error)
    }
    throw new Error('expected an error')
  }
  const change = (a: Api, kind: string, name: string, fn: (o: KObject) => void) => () => a.modify(lookupResource(kind)!, 'default', name, (o) => void fn(o))

  it('refuses new data or a cleared mark on an immutable ConfigMap, and lets its labels change', () => {
    const a = api()
    a.create({apiVersion: 'v1', kind: 'ConfigMap', metadata: {name: 'frozen', namespace: 'default'}, immutable: true, data: {a: '1'}})
    expect(failure(change(a, 'configmaps', 'frozen', (o) => (o.data = {a: '2'})))).to.equal(
      'The ConfigMap "frozen" is invalid: data: Forbidden: field is immutable when `immutable` is set',
    )
    expect(failure(change(a, 'configmaps', 'frozen', (o) => (o.binaryData = {b: 'AA=='})))).to.equal(
      'The ConfigMap "frozen" is invalid: binaryData: Forbidden: field is immutable when `immutable` is set',
    )
    expect(failure(change(a, 'configmaps', 'frozen', (o) => (o.immutable = false)))).to.equal(
      'The ConfigMap "frozen" is invalid: immutable: Forbidden: field is immutable when `immutable` is set',
    )
    const labelled = change(a, 'configmaps', 'frozen', (o) => (o.metadata.labels = {team: 'a'}))() as KObject
    expect(labelled.metadata.labels).to.deep.equal({team: 'a'})
    expect(a.peek('ConfigMap', 'default', 'frozen')?.data).to.deep.equal({a: '1'})
  })

  it('lets a mutable ConfigMap become immutable, and then holds it', () => {
    const a = api()
    a.create({apiVersion: 'v1', kind: 'ConfigMap', metadata: {name: 'soft', namespace: 'default'}, data: {a: '1'}})
    change(a, 'configmaps', 'soft', (o) => {
      o.data = {a: '2'}
      o.immutable = true
    })()
    expect(failure(change(a, 'configmaps', 'soft', (o) => (o.data = {a: '3'})))).to.equal(
      'The ConfigMap "soft" is invalid: data: Forbidden: field is immutable when `immutable` is set',
    )
  })

  it('refuses changed data (also through stringData) on an immutable Secret, listing every broken rule', () => {
    const a = api()
    a.create({apiVersion: 'v1', kind: 'Secret', metadata: {name: 'key', namespace: 'default'}, immutable: true, stringData: {k: 'v'}})
    expect(failure(change(a, 'secrets', 'key', (o) => (o.stringData = {k: 'w'})))).to.equal(
      'The Secret "key" is invalid: data: Forbidden: field is immutable when `immutable` is set',
    )
    expect(
      failure(
        change(a, 'secrets', 'key', (o) => {
          o.immutable = false
          o.data = {k: 'dw=='}
        }),
      ),
    ).to.equal(
      'The Secret "key" is invalid: \n* immutable: Forbidden: field is immutable when `immutable` is set\n* data: Forbidden: field is immutable when `immutable` is set',
    )
  })
})
