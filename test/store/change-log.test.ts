import {expect} from 'chai'

import type {Change, Store} from '../../src/store/sqlite-store.js'
import {storeError, useTempStores} from './temp-store.js'

const pod = (name: string) => ({kind: 'Pod', namespace: 'default', name})
const node = (name: string) => ({kind: 'Node', namespace: '', name})

/** A compact picture of a change: "rev TYPE Kind ns/name value createRev". */
const line = (c: Change) => `${c.rev} ${c.type} ${c.kind} ${c.namespace}/${c.name} ${JSON.stringify(c.value)} ${c.createRev}`

/** Twelve writes of three types over two kinds. */
function writeHistory(s: Store): void {
  s.create(pod('a'), () => 'a1') // 1
  s.create(node('n1'), () => 'n1') // 2
  s.update(pod('a'), 1, () => 'a2') // 3
  s.create(pod('b'), () => 'b1') // 4
  s.delete(node('n1')) // 5
  s.update(pod('b'), 4, () => 'b2') // 6
  s.create(node('n2'), () => 'n2') // 7
  s.delete(pod('a')) // 8
  s.create(pod('a'), () => 'a-again') // 9
  s.update(node('n2'), 7, () => 'n2b') // 10
  s.update(pod('a'), 9, () => 'a-again2') // 11
  s.delete(pod('b'), 6) // 12
}

/** Reads everything after `from` in pages of `limit`, the way a watcher resumes. */
function readAll(s: Store, from: number, opts: {kind?: string; limit?: number} = {}): Change[] {
  const out: Change[] = []
  let cursor = from
  for (let page = s.changesSince(cursor, opts); page.length > 0; page = s.changesSince(cursor, opts)) {
    if (opts.limit !== undefined) expect(page.length).to.be.at.most(opts.limit)
    out.push(...page)
    cursor = page.at(-1)!.rev
  }
  return out
}

describe('Store change log', () => {
  const t = useTempStores()

  it('logs ADDED, MODIFIED and DELETED with the revision, value and createRev of each write', () => {
    const s = t.open()
    writeHistory(s)
    expect(s.changesSince(0).map(line)).to.deep.equal([
      '1 ADDED Pod default/a "a1" 1',
      '2 ADDED Node /n1 "n1" 2',
      '3 MODIFIED Pod default/a "a2" 1',
      '4 ADDED Pod default/b "b1" 4',
      '5 DELETED Node /n1 "n1" 2',
      '6 MODIFIED Pod default/b "b2" 4',
      '7 ADDED Node /n2 "n2" 7',
      '8 DELETED Pod default/a "a2" 1',
      '9 ADDED Pod default/a "a-again" 9',
      '10 MODIFIED Node /n2 "n2b" 7',
      '11 MODIFIED Pod default/a "a-again2" 9',
      '12 DELETED Pod default/b "b2" 4',
    ])
  })

  it('logs nothing for refused writes (KeyExists, Conflict, NotFound)', () => {
    const s = t.open()
    s.create(pod('a'), () => 1)
    storeError('KeyExists', () => s.create(pod('a'), () => 2))
    storeError('Conflict', () => s.update(pod('a'), 7, () => 2))
    storeError('NotFound', () => s.delete(pod('zz')))
    expect(s.changesSince(0).map(line)).to.deep.equal(['1 ADDED Pod default/a 1 1'])
  })

  it('gives a watcher resuming from any revision every later change exactly once and in order, with and without paging', () => {
    const s = t.open()
    writeHistory(s)
    const all = s.changesSince(0).map(line)
    for (let from = 0; from <= 12; from++) {
      expect(readAll(s, from).map(line), `from ${from}`).to.deep.equal(all.slice(from))
      for (const limit of [1, 2, 5]) {
        expect(readAll(s, from, {limit}).map(line), `from ${from} limit ${limit}`).to.deep.equal(all.slice(from))
      }
    }
    expect(s.changesSince(12)).to.deep.equal([])
    expect(s.changesSince(99)).to.deep.equal([])
  })

  it('returns at most `limit` changes, the oldest first', () => {
    const s = t.open()
    writeHistory(s)
    expect(s.changesSince(3, {limit: 2}).map((c) => c.rev)).to.deep.equal([4, 5])
    expect(s.changesSince(3, {kind: 'Node', limit: 2}).map((c) => c.rev)).to.deep.equal([5, 7])
  })

  it('leaves the values of the kinds asked, or of deletions, unread (null) and keeps the rest of each change', () => {
    const s = t.open()
    writeHistory(s)
    expect(s.changesSince(0, {withoutValues: new Set(['Node'])}).map(line).slice(0, 5)).to.deep.equal([
      '1 ADDED Pod default/a "a1" 1',
      '2 ADDED Node /n1 null 2',
      '3 MODIFIED Pod default/a "a2" 1',
      '4 ADDED Pod default/b "b1" 4',
      '5 DELETED Node /n1 null 2',
    ])
    expect(s.changesSince(6, {withoutDeletedValues: true}).map(line)).to.deep.equal([
      '7 ADDED Node /n2 "n2" 7',
      '8 DELETED Pod default/a null 1',
      '9 ADDED Pod default/a "a-again" 9',
      '10 MODIFIED Node /n2 "n2b" 7',
      '11 MODIFIED Pod default/a "a-again2" 9',
      '12 DELETED Pod default/b null 4',
    ])
  })

  it('filters by kind while keeping the global revisions', () => {
    const s = t.open()
    writeHistory(s)
    expect(readAll(s, 0, {kind: 'Node'}).map(line)).to.deep.equal([
      '2 ADDED Node /n1 "n1" 2',
      '5 DELETED Node /n1 "n1" 2',
      '7 ADDED Node /n2 "n2" 7',
      '10 MODIFIED Node /n2 "n2b" 7',
    ])
    expect(readAll(s, 5, {kind: 'Node', limit: 1}).map((c) => c.rev)).to.deep.equal([7, 10])
    expect(readAll(s, 0, {kind: 'Service'})).to.deep.equal([])
  })

  it('gives a polling watcher every change exactly once when writes from another connection land between its polls', () => {
    const watcher = t.open()
    const writer = t.open()
    const seen: Change[] = []
    let cursor = 0
    const poll = (limit: number) => {
      const page = watcher.changesSince(cursor, {limit})
      seen.push(...page)
      if (page.length > 0) cursor = page.at(-1)!.rev
    }
    for (let i = 0; i < 30; i++) {
      writer.create(pod(`p${i}`), () => i)
      if (i % 3 === 0) writer.update(pod(`p${i}`), writer.revision(), () => -i)
      if (i % 4 === 1) writer.delete(pod(`p${i - 1}`))
      poll(i % 2 === 0 ? 1 : 3)
    }
    for (let guard = 0; guard < 100 && cursor < writer.revision(); guard++) poll(4)
    expect(seen.map((c) => c.rev)).to.deep.equal(Array.from({length: writer.revision()}, (_, i) => i + 1))
    expect(seen.map(line)).to.deep.equal(writer.changesSince(0).map(line))
  })
})

describe('Store compaction', () => {
  const t = useTempStores()

  it('removes entries at or below the revision and records it as compacted', () => {
    const s = t.open()
    writeHistory(s)
    expect(s.compactedRevision()).to.equal(0)
    expect(s.compact(5)).to.equal(5)
    expect(s.compactedRevision()).to.equal(5)
    expect(s.changesSince(5).map((c) => c.rev)).to.deep.equal([6, 7, 8, 9, 10, 11, 12])
    expect(s.revision()).to.equal(12)
    expect(s.get(pod('b'))).to.equal(undefined)
    expect(s.list('Pod').items.map((i) => i.value)).to.deep.equal(['a-again2'])
  })

  it('refuses to resume from a compacted revision with Compacted, even when filtering by kind', () => {
    const s = t.open()
    writeHistory(s)
    s.compact(5)
    for (const from of [0, 1, 4]) {
      const error = storeError('Compacted', () => s.changesSince(from))
      expect(error.message).to.equal(`revision ${from} has been compacted (oldest available change is after 5)`)
    }
    storeError('Compacted', () => s.changesSince(4, {kind: 'Node', limit: 1}))
    expect(s.changesSince(5, {kind: 'Node'}).map((c) => c.rev)).to.deep.equal([7, 10])
  })

  it('never moves the compacted revision back and never past the current revision', () => {
    const s = t.open()
    writeHistory(s)
    s.compact(6)
    expect(s.compact(3)).to.equal(0)
    expect(s.compactedRevision()).to.equal(6)
    expect(s.compact(1000)).to.equal(6)
    expect(s.compactedRevision()).to.equal(12)
    expect(s.changesSince(12)).to.deep.equal([])
    s.create(pod('later'), () => 1)
    expect(s.changesSince(12).map(line)).to.deep.equal(['13 ADDED Pod default/later 1 13'])
  })

  it('keeps the revision counting on after the whole log was compacted and the file reopened', () => {
    const s = t.open()
    writeHistory(s)
    s.compact(12)
    s.close()
    const again = t.open()
    expect([again.revision(), again.compactedRevision()]).to.deep.equal([12, 12])
    expect(again.create(pod('x'), () => 1).rev).to.equal(13)
  })
})
