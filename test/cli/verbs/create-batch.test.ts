// `create -f` sends its documents in batches, each one store transaction: a batch's lines are printed once
// it has committed (one write to stdout per batch), a document that fails fails alone, and a batch whose
// transaction cannot start (a locked state file) is sent again one document at a time, each reporting its
// own error and nothing printed twice.
import {expect} from 'chai'

import {Api} from '../../../src/api/server.js'
import {createFromItems, type CreateFlags} from '../../../src/cli/verbs/create.js'
import {Store} from '../../../src/store/sqlite-store.js'
import {useTempStores} from '../../store/temp-store.js'

const target = {context: 'test', cluster: 'test', namespace: 'default', namespaceExplicit: false}
const flags = {filename: ['-'], recursive: false, validate: 'true', 'dry-run': 'none', 'save-config': false} as unknown as CreateFlags
const cm = (name: string) => `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ${name}\n`

describe('create -f in batches', () => {
  const stores = useTempStores()

  const names = (api: Api) => api.list(api.typeOf({apiVersion: 'v1', kind: 'ConfigMap', metadata: {}}), 'default').items.map((o) => o.metadata.name)

  function create(api: Api, yaml: string): {writes: string[]; err: string[]; errors: string[]} {
    const writes: string[] = []
    const err: string[] = []
    const errors = createFromItems(api, target, flags, {out: (t) => writes.push(t), err: (l) => err.push(l)}, () => yaml)
    return {writes, err, errors}
  }

  it('prints a batch with one write once it has committed; a failing document fails alone', () => {
    const api = new Api(stores.open())
    api.create({apiVersion: 'v1', kind: 'Namespace', metadata: {name: 'default'}})
    const r = create(api, [cm('a'), cm('B_bad'), cm('c')].join('---\n'))
    expect(r.writes).to.deep.equal(['configmap/a created\nconfigmap/c created\n'])
    expect(r.errors).to.have.length(1)
    expect(r.errors[0]).to.match(/^The ConfigMap "B_bad" is invalid: metadata.name: Invalid value: "B_bad"/)
    expect(names(api)).to.deep.equal(['a', 'c'])
  })

  it('sends the documents one by one when the batch cannot start: each reports its own error, none twice', () => {
    const api = new Api(stores.open('state.db', {busyTimeoutMs: 20}))
    api.create({apiVersion: 'v1', kind: 'Namespace', metadata: {name: 'default'}})
    const other = Store.open(stores.file(), {busyTimeoutMs: 20})
    // another process holds the write lock for the whole run
    const r = other.transaction(() => create(api, [cm('a'), cm('b')].join('---\n')))
    other.close()
    expect(r.writes).to.deep.equal([])
    expect(r.errors).to.have.length(2)
    for (const e of r.errors) expect(e).to.match(/lock|busy/i)
    expect(names(api)).to.deep.equal([])
  })
})
