// Watches through ksim's API server: synthetic ADDED from "now", changes written by another connection
// (as the CLI writes), Table events, bookmarks, timeoutSeconds, 410 after compaction, and watches
// opened and dropped by the thousand without leaking.
import {expect} from 'chai'

import {Api} from '../../src/api/server.js'
import {useTempStores} from '../store/temp-store.js'
import {startTestServer, until, type TestServer} from './serve-client.js'

const CM = '/api/v1/namespaces/default/configmaps'
const cm = (name: string) => ({apiVersion: 'v1', kind: 'ConfigMap', metadata: {name, namespace: 'default'}, data: {k: 'v'}})
const TABLE = {Accept: 'application/json;as=Table;v=v1;g=meta.k8s.io,application/json'}

describe('ksim serve: watch', function () {
  this.timeout(60_000)
  const t = useTempStores()
  let s: TestServer
  let cli: Api

  beforeEach(async () => {
    s = await startTestServer(t.open())
    // a second connection to the same file, as a ksim CLI process writes
    cli = new Api(t.open())
  })
  afterEach(async () => {
    await s.server.close()
  })

  it('starts with ADDED for what matches now, then sees writes from another connection in order, ending on timeoutSeconds', async () => {
    const w = s.watch(`${CM}?watch=true&timeoutSeconds=2`)
    await until(() => w.events.length === 1)
    expect(w.events[0].type).to.equal('ADDED')
    expect(w.events[0].object.metadata.name).to.equal('kube-root-ca.crt')
    cli.create(cm('a'))
    cli.modify(cli.typeOf(cm('a')), 'default', 'a', (o) => void (o.data = {k: 'w'}))
    cli.delete(cli.typeOf(cm('a')), 'default', 'a')
    await until(() => w.events.length === 4)
    expect(w.events.slice(1).map((e) => `${e.type} ${e.object.metadata.name}`)).to.deep.equal(['ADDED a', 'MODIFIED a', 'DELETED a'])
    const rvs = w.events.slice(1).map((e) => Number(e.object.metadata.resourceVersion))
    expect(rvs).to.deep.equal([...rvs].sort((x, y) => x - y))
    await w.ended
    expect(s.server.watches()).to.equal(0)
  })

  it('from a resourceVersion reports only later changes; selectors turn leaving into DELETED', async () => {
    const rv = s.api.revision()
    cli.create({...cm('x'), metadata: {name: 'x', namespace: 'default', labels: {on: 'yes'}}})
    const w = s.watch(`${CM}?watch=1&resourceVersion=${rv}&labelSelector=on%3Dyes`)
    await until(() => w.events.length === 1)
    cli.modify(cli.typeOf(cm('x')), 'default', 'x', (o) => void (o.metadata.labels = {on: 'no'}))
    await until(() => w.events.length === 2)
    expect(w.events.map((e) => `${e.type} ${e.object.metadata.name}`)).to.deep.equal(['ADDED x', 'DELETED x'])
    w.stop()
  })

  it('sends Tables, with the column definitions in the first event only', async () => {
    const w = s.watch(`${CM}?watch=true`, TABLE)
    await until(() => w.events.length === 1)
    cli.create(cm('b'))
    await until(() => w.events.length === 2)
    expect(w.events[0].object.kind).to.equal('Table')
    expect(w.events[0].object.columnDefinitions.map((c: {name: string}) => c.name)).to.deep.equal(['Name', 'Data', 'Age'])
    expect(w.events[1].object.columnDefinitions).to.equal(undefined)
    expect(w.events[1].object.rows[0].cells.slice(0, 2)).to.deep.equal(['b', '1'])
    w.stop()
  })

  it('with sendInitialEvents ends the initial events with the initial-events-end bookmark', async () => {
    const w = s.watch(`${CM}?watch=true&sendInitialEvents=true&allowWatchBookmarks=true&resourceVersionMatch=NotOlderThan`)
    await until(() => w.events.length === 2)
    expect(w.events[1]).to.deep.equal({
      type: 'BOOKMARK',
      object: {kind: 'ConfigMap', apiVersion: 'v1', metadata: {resourceVersion: String(s.api.revision()), annotations: {'k8s.io/initial-events-end': 'true'}}},
    })
    w.stop()
  })

  it('answers a watch from a compacted revision with a 410 Expired ERROR event and ends it', async () => {
    cli.create(cm('c'))
    cli.create(cm('d'))
    s.api.store.compact(s.api.revision())
    const w = s.watch(`${CM}?watch=true&resourceVersion=1`)
    await w.ended
    expect(w.events).to.have.length(1)
    expect(w.events[0].type).to.equal('ERROR')
    expect(w.events[0].object).to.include({kind: 'Status', status: 'Failure', reason: 'Expired', code: 410})
    expect(w.events[0].object.message).to.match(/^too old resource version: 1 \(\d+\)$/)
  })

  it('leaks nothing when 1,000 watches are opened and dropped', async () => {
    const watches = Array.from({length: 1000}, () => s.watch(`${CM}?watch=true&resourceVersion=${s.api.revision()}`))
    await until(() => s.server.watches() === 1000, 30_000)
    for (const w of watches) w.stop()
    await until(() => s.server.watches() === 0, 10_000)
    // the server still serves, and a new watch still sees a change
    const w = s.watch(`${CM}?watch=true&resourceVersion=${s.api.revision()}`)
    await until(() => s.server.watches() === 1)
    cli.create(cm('after'))
    await until(() => w.events.length === 1)
    w.stop()
  })
})
