import {expect} from 'chai'

import {useTempStores} from './temp-store.js'

const key = (name: string) => ({kind: 'Pod', namespace: 'default', name})
const TOKEN = {kind: 'Token', namespace: '', name: 'owner'}

describe('Store write fence', () => {
  const t = useTempStores()

  // a fence as a lease gives one: the write commits only while the token still names `me`
  const fenceFor = (s: ReturnType<typeof t.open>, me: string) => () => {
    if (s.get<string>(TOKEN)?.value !== me) throw new Error(`fenced: ${me} no longer owns the store`)
  }

  it('commits a write whose fence passes, and rolls back whole one whose fence throws, inside the same transaction', () => {
    const s = t.open()
    s.create(TOKEN, () => 'me')
    s.setFence(fenceFor(s, 'me'))
    s.create(key('a'), () => 1)
    // another connection takes the token over between two writes
    const other = t.open()
    other.update(TOKEN, 1, () => 'other')
    expect(() => s.create(key('b'), () => 2)).to.throw('fenced: me no longer owns the store')
    expect(other.get(key('b'))).to.equal(undefined)
    expect(other.revision()).to.equal(3)
    expect(other.changesSince(0).map((c) => `${c.rev} ${c.type} ${c.name}`)).to.deep.equal(['1 ADDED owner', '2 ADDED a', '3 MODIFIED owner'])
  })

  it('in a batch, refuses at commit every write since the last commit, and the next write too', () => {
    const s = t.open()
    s.create(TOKEN, () => 'me')
    s.setFence(fenceFor(s, 'me'))
    expect(() =>
      s.batch(() => {
        s.create(key('a'), () => 1)
        s.create(key('b'), () => 2)
        // the token moves inside the batch's own transaction (as a takeover by another process cannot,
        // since it holds the write lock): the commit must still refuse
        s.setFence(fenceFor(s, 'someone else'))
      }, 60_000),
    ).to.throw('fenced: someone else no longer owns the store')
    expect(s.db.inTransaction).to.equal(false)
    expect(s.get(key('a'))).to.equal(undefined)
    expect(s.revision()).to.equal(1)
  })

  it('lets the fence write (a lease renewal) inside the transaction it guards, without fencing itself again', () => {
    const s = t.open()
    s.create(TOKEN, () => 'me')
    let calls = 0
    s.setFence(() => {
      calls++
      fenceFor(s, 'me')()
      const cur = s.get<string>(TOKEN)!
      s.update(TOKEN, cur.rev, () => 'me')
    })
    s.create(key('a'), () => 1)
    expect(calls).to.equal(1)
    expect(s.changesSince(1).map((c) => `${c.rev} ${c.type} ${c.name}`)).to.deep.equal(['2 ADDED a', '3 MODIFIED owner'])
    s.setFence(undefined)
    s.create(key('b'), () => 1)
    expect(calls).to.equal(1)
  })
})
