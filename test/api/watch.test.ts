// Api.watch's ChangeFeed read straight off a store: what `get --watch` (and waitUntil) rely on. These
// were store/watch.ts's tests until `get --watch` moved onto Api.watch and that polling watch went.
import {expect} from 'chai'

import {ChangeFeed} from '../../src/api/watch.js'
import {isStoreError, StoreError} from '../../src/store/errors.js'
import type {Change, Store} from '../../src/store/sqlite-store.js'
import {useTempStores} from '../store/temp-store.js'

const pod = (name: string) => ({kind: 'Pod', namespace: 'default', name})
const node = (name: string) => ({kind: 'Node', namespace: '', name})

/** Counts calls to store.changesSince and store.dataVersion. */
function countReads(store: Store): {changes: number; polls: number} {
  const counts = {changes: 0, polls: 0}
  const since = store.changesSince.bind(store)
  const version = store.dataVersion.bind(store)
  store.changesSince = ((...args: Parameters<Store['changesSince']>) => {
    counts.changes++
    return since(...args)
  }) as Store['changesSince']
  store.dataVersion = () => {
    counts.polls++
    return version()
  }
  return counts
}

const revs = (cs: readonly Change<unknown>[]) => cs.map((c) => c.rev)

describe('ChangeFeed (Api.watch)', () => {
  const t = useTempStores()

  it('delivers every change after the starting revision exactly once and in order, from this and other connections', () => {
    const s = t.open()
    const other = t.open()
    s.create(pod('before-1'), () => 1)
    s.create(pod('before-2'), () => 1)
    const feed = new ChangeFeed(s, 1)
    const seen: Change<unknown>[] = []
    for (let i = 0; i < 5; i++) {
      const created = other.create(pod(`o${i}`), () => i)
      s.create(node(`n${i}`), () => i)
      s.update(pod(`o${i}`), created.rev, () => -i)
      if (i % 2 === 1) other.delete(pod(`o${i - 1}`))
      if (i % 2 === 1) seen.push(...feed.next().changes)
    }
    seen.push(...feed.next().changes)
    expect(feed.next().changes).to.deep.equal([])
    expect(revs(seen)).to.deep.equal(Array.from({length: s.revision() - 1}, (_, i) => i + 2))
    expect(seen).to.deep.equal(s.changesSince(1))
  })

  it('sees writes made through its own connection, which SQLite\'s data_version alone does not signal', () => {
    const s = t.open()
    const feed = new ChangeFeed(s, 0)
    expect(feed.next().changes).to.deep.equal([])
    s.create(pod('a'), () => 1)
    expect(feed.next().changes.map((c) => `${c.rev} ${c.type}`)).to.deep.equal(['1 ADDED'])
    s.update(pod('a'), 1, () => 2)
    expect(feed.next().changes.map((c) => `${c.rev} ${c.type}`)).to.deep.equal(['2 MODIFIED'])
  })

  it('delivers only the kind asked for', () => {
    const s = t.open()
    const feed = new ChangeFeed(s, 0, {kinds: ['Node']})
    s.create(pod('a'), () => 1)
    s.create(node('n1'), () => 1)
    s.delete(pod('a'))
    s.update(node('n1'), 2, () => 2)
    expect(feed.next().changes.map((c) => `${c.rev} ${c.type} ${c.kind} ${c.name}`)).to.deep.equal(['2 ADDED Node n1', '4 MODIFIED Node n1'])
  })

  it('does not read the change log while nothing is written', () => {
    const s = t.open()
    s.create(pod('a'), () => 1)
    const counts = countReads(s)
    const feed = new ChangeFeed(s, 0)
    expect(feed.next().changes).to.have.length(1)
    const readsWhenCaughtUp = counts.changes
    for (let i = 0; i < 5; i++) expect(feed.next().changes).to.deep.equal([])
    expect(counts.changes).to.equal(readsWhenCaughtUp)
    t.open().create(pod('b'), () => 1)
    expect(feed.next().changes).to.have.length(1)
    expect(counts.changes).to.be.greaterThan(readsWhenCaughtUp)
  })

  it('reports Compacted, with the store\'s error, when its starting revision was compacted', () => {
    const s = t.open()
    for (let i = 0; i < 5; i++) s.create(pod(`p${i}`), () => i)
    s.compact(4)
    const batch = new ChangeFeed(s, 2).next()
    expect(batch.changes).to.deep.equal([])
    expect(batch.compacted).to.equal(true)
    expect(isStoreError(batch.compaction, 'Compacted')).to.equal(true)
    expect(batch.compaction!.message).to.equal('revision 2 has been compacted (oldest available change is after 4)')
  })

  it('keeps a kind watch going when the log is compacted past changes of other kinds it has already passed', () => {
    const s = t.open()
    s.create(node('n1'), () => 1)
    const feed = new ChangeFeed(s, 0, {kinds: ['Node']})
    const seen = [...feed.next().changes]
    for (let i = 0; i < 5; i++) s.create(pod(`p${i}`), () => i)
    expect(feed.next().changes).to.deep.equal([])
    s.compact(s.revision())
    s.create(node('n2'), () => 1)
    const batch = feed.next()
    expect(batch.compacted).to.equal(false)
    seen.push(...batch.changes)
    expect(revs(seen)).to.deep.equal([1, 7])
  })

  it('reads again on the next call after a read that failed (a writer held the state file)', () => {
    const s = t.open()
    const feed = new ChangeFeed(s, 0)
    s.create(pod('a'), () => 1)
    const changes = s.changes.bind(s)
    let fail = true
    s.changes = ((...args: Parameters<Store['changes']>) => {
      if (fail) {
        fail = false
        throw new StoreError('Locked', 'state file is locked')
      }
      return changes(...args)
    }) as Store['changes']
    expect(() => feed.next()).to.throw(StoreError)
    expect(revs(feed.next().changes)).to.deep.equal([1])
  })
})
