import {expect} from 'chai'

import {storeError, useTempStores} from './temp-store.js'

const pod = (name: string) => ({kind: 'Pod', namespace: 'default', name})

describe('Store batch', () => {
  const t = useTempStores()

  it('commits the writes made inside it together when its function returns', () => {
    const s = t.open()
    const other = t.open()
    const result = s.batch(() => {
      s.create(pod('a'), () => 1)
      s.create(pod('b'), () => 2)
      expect(other.revision()).to.equal(0)
      return 'done'
    }, 60_000)
    expect(result).to.equal('done')
    expect(s.db.inTransaction).to.equal(false)
    expect(other.changesSince(0).map((c) => `${c.rev} ${c.type} ${c.name}`)).to.deep.equal(['1 ADDED a', '2 ADDED b'])
  })

  it('keeps the writes that succeeded and undoes only the one that threw', () => {
    const s = t.open()
    const other = t.open()
    expect(() =>
      s.batch(() => {
        s.create(pod('a'), () => 1)
        storeError('KeyExists', () => s.create(pod('a'), () => 2))
        s.create(pod('b'), () => 3)
        throw new Error('controller failed')
      }, 60_000),
    ).to.throw('controller failed')
    expect(s.db.inTransaction).to.equal(false)
    expect(other.changesSince(0).map((c) => `${c.rev} ${c.type} ${c.name} ${c.value}`)).to.deep.equal(['1 ADDED a 1', '2 ADDED b 3'])
  })

  it('commits early once the group has been open longer than maxMs, between writes', () => {
    const s = t.open()
    const other = t.open()
    s.batch(() => {
      s.create(pod('a'), () => 1)
      expect(other.revision()).to.equal(1)
      s.create(pod('b'), () => 2)
      expect(other.revision()).to.equal(2)
    }, 0)
  })

  it('numbers the writes of a group without gaps when one in the middle is undone, and others read the revision it reached once committed', () => {
    const s = t.open()
    const other = t.open()
    s.create(pod('x'), () => 0)
    s.batch(() => {
      expect(s.create(pod('a'), () => 1).rev).to.equal(2)
      expect(s.revision()).to.equal(2)
      expect(() =>
        s.transaction(() => {
          s.create(pod('b'), () => 2)
          s.update(pod('a'), 2, () => 3)
          throw new Error('undone')
        }),
      ).to.throw('undone')
      expect(s.revision()).to.equal(2)
      expect(s.create(pod('c'), () => 4).rev).to.equal(3)
      expect(other.revision()).to.equal(1)
    }, 60_000)
    expect([s.revision(), other.revision(), t.open().revision()]).to.deep.equal([3, 3, 3])
    expect(other.changesSince(1).map((c) => `${c.rev} ${c.name}`)).to.deep.equal(['2 a', '3 c'])
    expect(s.create(pod('d'), () => 5).rev).to.equal(4)
  })

  it('opens no write transaction when nothing inside writes', () => {
    const s = t.open()
    s.batch(() => {
      expect(s.db.inTransaction).to.equal(false)
    })
  })
})
