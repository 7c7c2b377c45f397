// runApply is kubectl's client-side apply, whose patch carries no resourceVersion: the API server merges
// it into the latest object, so a write by someone else between apply's read and its write never turns
// into a Conflict, and neither write is lost.
import {expect} from 'chai'

import type {KObject} from '../../../src/api/types.js'

import {Api} from '../../../src/api/server.js'
import {runApply} from '../../../src/cli/verbs/apply.js'
import {Store} from '../../../src/store/sqlite-store.js'
import {useTempStores} from '../../store/temp-store.js'

const target = {context: 'test', cluster: 'test', namespace: 'default', namespaceExplicit: false}

describe('runApply', () => {
  const stores = useTempStores()

  function apply(api: Api, yaml: string): {ok: boolean; out: string; err: string} {
    let out = ''
    let err = ''
    const flags = {filename: ['-'], recursive: false, validate: 'true', 'dry-run': 'none', output: undefined, json: undefined} as const
    const errors = runApply(api, target, {...flags, filename: [...flags.filename]}, {
      out: (t) => (out += t),
      err: (l) => (err += `${l}\n`),
    }, () => yaml)
    for (const e of errors) err += `${e}\n`
    return {ok: errors.length === 0, out, err}
  }

  it('merges into the object it writes: a label written by another process between its read and its write is kept', () => {
    const api = new Api(stores.open())
    api.create({apiVersion: 'v1', kind: 'Namespace', metadata: {name: 'default'}})
    const manifest = (v: string) => `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: app\ndata:\n  v: "${v}"\n`
    expect(apply(api, manifest('1'))).to.deep.equal({ok: true, out: 'configmap/app created\n', err: ''})

    // another process labels the object right after apply has first read it
    const other = Store.open(stores.file(), {busyTimeoutMs: 20})
    const otherApi = new Api(other)
    const outcomes: string[] = []
    const racing = new Api(api.store)
    racing.peek = (kind: string, namespace: string, name: string): KObject | undefined => {
      const live = api.peek(kind, namespace, name)
      if (outcomes.length > 0) return live
      try {
        otherApi.modify(otherApi.typeOf(live!), namespace, name, (o) => {
          o.metadata.labels = {team: 'blue'}
        })
        outcomes.push('written')
      } catch (error) {
        outcomes.push(String((error as {code?: string}).code ?? error))
      }
      return live
    }
    try {
      expect(apply(racing, manifest('2'))).to.deep.equal({ok: true, out: 'configmap/app configured\n', err: ''})
      // the other writer had to wait for apply's transaction; it then writes on top of apply's result
      expect(outcomes).to.deep.equal(['Locked'])
      otherApi.modify(otherApi.typeOf(api.peek('ConfigMap', 'default', 'app')!), 'default', 'app', (o) => {
        o.metadata.labels = {team: 'blue'}
      })
      const final = api.peek('ConfigMap', 'default', 'app')!
      expect(final.data).to.deep.equal({v: '2'})
      expect(final.metadata.labels).to.deep.equal({team: 'blue'})
      // and a later apply keeps the label it does not manage
      expect(apply(api, manifest('3')).out).to.equal('configmap/app configured\n')
      expect(api.peek('ConfigMap', 'default', 'app')!.metadata.labels).to.deep.equal({team: 'blue'})
    } finally {
      other.close()
    }
  })
})
