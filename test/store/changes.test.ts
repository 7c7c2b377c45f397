// The one change-log reader (readChanges) and the page it reads (Backend.changes): every change once, in
// order, page after page; a resume revision past other kinds' changes; stopping early; Compacted.
import {expect} from 'chai'

import type {Change} from '../../src/store/backend.js'
import {readChanges} from '../../src/store/changes.js'
import {storeError, useTempStores} from './temp-store.js'

const thing = (name: string) => ({kind: 'Thing', namespace: 'default', name})
const other = (name: string) => ({kind: 'Other', namespace: '', name})

describe('change-log pager', () => {
  const t = useTempStores()

  it('reads a page with the revision the next one starts after', () => {
    const s = t.open()
    for (const n of ['a', 'b', 'c']) s.create(thing(n), () => n)
    s.create(other('x'), () => 'x')
    expect(s.changes(0, {limit: 2})).to.include({next: 2, more: true})
    // the last page ends at the store's revision, past the other kind's change
    const last = s.changes(2, {kind: 'Thing', limit: 2})
    expect(last.changes.map((c) => c.name)).to.deep.equal(['c'])
    expect(last).to.include({next: 4, more: false})
  })

  it('hands over every change once, in order, page after page, and returns where it caught up', () => {
    const s = t.open()
    for (const n of ['a', 'b', 'c', 'd', 'e']) s.create(thing(n), () => n)
    s.create(other('x'), () => 'x')
    const seen: Change[] = []
    expect(readChanges(s, 1, {kind: 'Thing', limit: 2}, (c) => void seen.push(c))).to.equal(6)
    expect(seen.map((c) => `${c.rev} ${c.name}`)).to.deep.equal(['2 b', '3 c', '4 d', '5 e'])
    expect(readChanges(s, 6, {}, () => expect.fail('no change after 6'))).to.equal(6)
  })

  it('stops at a change the reader refuses, returning the last one it took', () => {
    const s = t.open()
    for (const n of ['a', 'b', 'c']) s.create(thing(n), () => n)
    const seen: string[] = []
    expect(readChanges(s, 0, {limit: 1}, (c) => (c.name === 'c' ? false : void seen.push(c.name)))).to.equal(2)
    expect(seen).to.deep.equal(['a', 'b'])
  })

  it('reports a compacted start as StoreError Compacted', () => {
    const s = t.open()
    for (const n of ['a', 'b', 'c']) s.create(thing(n), () => n)
    s.compact(2)
    storeError('Compacted', () => readChanges(s, 1, {}, () => undefined))
    expect(readChanges(s, 2, {}, () => undefined)).to.equal(3)
  })
})
