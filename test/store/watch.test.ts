import {expect} from 'chai'

import {isStoreError} from '../../src/store/errors.js'
import type {Change, Store} from '../../src/store/sqlite-store.js'
import {watchChanges, type StopWatch} from '../../src/store/watch.js'
import {useTempStores} from './temp-store.js'

const pod = (name: string) => ({kind: 'Pod', namespace: 'default', name})
const node = (name: string) => ({kind: 'Node', namespace: '', name})
const tick = (ms = 5) => new Promise((resolve) => setTimeout(resolve, ms))

/** Waits (generously) until `cond` holds; the timings here are never asserted on. */
async function until(cond: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 1000; i++) {
    if (cond()) return
    await tick()
  }
  throw new Error(`timed out waiting until ${what}`)
}

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

const revs = (cs: Change[]) => cs.map((c) => c.rev)

describe('watchChanges', () => {
  const t = useTempStores()
  let stops: StopWatch[] = []
  const watch = (...args: Parameters<typeof watchChanges>) => {
    const stop = watchChanges(...args)
    stops.push(stop)
    return stop
  }
  afterEach(() => {
    for (const stop of stops) stop()
    stops = []
  })

  it('delivers every change after the starting revision exactly once and in order, from this and other connections, in small pages', async () => {
    const s = t.open()
    const other = t.open()
    s.create(pod('before-1'), () => 1)
    s.create(pod('before-2'), () => 1)
    const seen: Change[] = []
    watch(s, 1, (c) => seen.push(c), {intervalMs: 2, limit: 2})
    for (let i = 0; i < 5; i++) {
      const created = other.create(pod(`o${i}`), () => i)
      s.create(node(`n${i}`), () => i)
      s.update(pod(`o${i}`), created.rev, () => -i)
      if (i % 2 === 1) other.delete(pod(`o${i - 1}`))
      await tick(i % 2 === 0 ? 0 : 7)
    }
    await until(() => seen.length === s.revision() - 1, 'all changes arrived')
    await tick(10)
    expect(revs(seen)).to.deep.equal(Array.from({length: s.revision() - 1}, (_, i) => i + 2))
    expect(seen).to.deep.equal(s.changesSince(1))
  })

  it('sees writes made through its own connection, which SQLite\'s data_version alone does not signal', async () => {
    const s = t.open()
    const seen: Change[] = []
    watch(s, 0, (c) => seen.push(c), {intervalMs: 1})
    await tick(10)
    s.create(pod('a'), () => 1)
    await until(() => seen.length === 1, 'the first change arrived')
    s.update(pod('a'), 1, () => 2)
    await until(() => seen.length === 2, 'the second change arrived')
    expect(seen.map((c) => `${c.rev} ${c.type}`)).to.deep.equal(['1 ADDED', '2 MODIFIED'])
  })

  it('delivers only the kind asked for', async () => {
    const s = t.open()
    const seen: Change[] = []
    watch(s, 0, (c) => seen.push(c), {intervalMs: 2, kind: 'Node'})
    s.create(pod('a'), () => 1)
    s.create(node('n1'), () => 1)
    s.delete(pod('a'))
    s.update(node('n1'), 2, () => 2)
    await until(() => seen.length === 2, 'both node changes arrived')
    expect(seen.map((c) => `${c.rev} ${c.type} ${c.kind} ${c.name}`)).to.deep.equal(['2 ADDED Node n1', '4 MODIFIED Node n1'])
  })

  it('does not read the change log while nothing is written', async () => {
    const s = t.open()
    s.create(pod('a'), () => 1)
    const counts = countReads(s)
    const seen: Change[] = []
    watch(s, 0, (c) => seen.push(c), {intervalMs: 1})
    await until(() => seen.length === 1, 'the first change arrived')
    const readsWhenCaughtUp = counts.changes
    const pollsWhenCaughtUp = counts.polls
    await until(() => counts.polls >= pollsWhenCaughtUp + 5, 'five more polls happened')
    expect(counts.changes).to.equal(readsWhenCaughtUp)
    t.open().create(pod('b'), () => 1)
    await until(() => seen.length === 2, 'the second change arrived')
    expect(counts.changes).to.be.greaterThan(readsWhenCaughtUp)
  })

  it('reports Compacted once through onError and stops when its starting revision was compacted', async () => {
    const s = t.open()
    for (let i = 0; i < 5; i++) s.create(pod(`p${i}`), () => i)
    s.compact(4)
    const seen: Change[] = []
    const errors: unknown[] = []
    watch(s, 2, (c) => seen.push(c), {intervalMs: 1, onError: (e) => errors.push(e)})
    await until(() => errors.length > 0, 'the error was reported')
    s.create(pod('later'), () => 1)
    await tick(20)
    expect(seen).to.deep.equal([])
    expect(errors).to.have.length(1)
    expect(isStoreError(errors[0], 'Compacted')).to.equal(true)
    expect((errors[0] as Error).message).to.equal('revision 2 has been compacted (oldest available change is after 4)')
  })

  it('keeps a kind watch going when the log is compacted past changes of other kinds it has already passed', async () => {
    const s = t.open()
    s.create(node('n1'), () => 1)
    const seen: Change[] = []
    const errors: unknown[] = []
    watch(s, 0, (c) => seen.push(c), {intervalMs: 1, kind: 'Node', onError: (e) => errors.push(e)})
    await until(() => seen.length === 1, 'the node arrived')
    for (let i = 0; i < 5; i++) s.create(pod(`p${i}`), () => i)
    const countsBefore = countReads(s)
    await until(() => countsBefore.changes > 0, 'the watch read past the pods')
    s.compact(s.revision())
    s.create(node('n2'), () => 1)
    await until(() => seen.length === 2 || errors.length > 0, 'the second node arrived')
    expect(errors).to.deep.equal([])
    expect(revs(seen)).to.deep.equal([1, 7])
  })

  it('calls nothing before it returns and nothing after stop, even when stopped in the middle of a batch', async () => {
    const s = t.open()
    for (let i = 0; i < 5; i++) s.create(pod(`p${i}`), () => i)
    const seen: Change[] = []
    let stop: StopWatch = () => {}
    stop = watch(s, 0, (c) => {
      seen.push(c)
      if (c.rev === 2) stop()
    }, {intervalMs: 1})
    expect(seen).to.deep.equal([])
    await until(() => seen.length > 0, 'the first changes arrived')
    s.create(pod('later'), () => 1)
    await tick(20)
    expect(revs(seen)).to.deep.equal([1, 2])
    stop()
  })

  it('reports an error thrown by onChange through onError and stops', async () => {
    const s = t.open()
    s.create(pod('a'), () => 1)
    s.create(pod('b'), () => 1)
    const boom = new Error('handler failed')
    const seen: number[] = []
    const errors: unknown[] = []
    watch(s, 0, (c) => {
      seen.push(c.rev)
      throw boom
    }, {intervalMs: 1, onError: (e) => errors.push(e)})
    await until(() => errors.length > 0, 'the error was reported')
    await tick(20)
    expect(seen).to.deep.equal([1])
    expect(errors).to.deep.equal([boom])
  })
})
