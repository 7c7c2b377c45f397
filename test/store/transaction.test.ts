import {expect} from 'chai'

import {storeError, useTempStores} from './temp-store.js'

const pod = (name: string) => ({kind: 'Pod', namespace: 'default', name})

describe('Store transaction', () => {
  const t = useTempStores()

  it('commits every write in it together, invisible to other connections until the outermost call returns', () => {
    const s = t.open()
    const other = t.open()
    const result = s.transaction(() => {
      s.create(pod('a'), () => 1)
      s.transaction(() => {
        s.create(pod('b'), () => 2)
        s.update(pod('a'), 1, () => 3)
      })
      expect(s.db.inTransaction).to.equal(true)
      expect(other.get(pod('b'))).to.equal(undefined)
      expect(other.revision()).to.equal(0)
      return 'done'
    })
    expect(result).to.equal('done')
    expect(s.db.inTransaction).to.equal(false)
    expect(other.revision()).to.equal(3)
    expect(other.changesSince(0).map((c) => `${c.rev} ${c.type} ${c.name}`)).to.deep.equal(['1 ADDED a', '2 ADDED b', '3 MODIFIED a'])
  })

  it('rolls back every write when its function throws: objects, revision and change log unchanged', () => {
    const s = t.open()
    s.create(pod('keep'), () => 'v1')
    const boom = new Error('boom')
    let caught: unknown
    try {
      s.transaction(() => {
        s.create(pod('a'), () => 1)
        s.update(pod('keep'), 1, () => 'v2')
        s.transaction(() => s.delete(pod('a')))
        s.create(pod('b'), () => 2)
        throw boom
      })
    } catch (error) {
      caught = error
    }
    expect(caught).to.equal(boom)
    expect(s.db.inTransaction).to.equal(false)
    expect(s.revision()).to.equal(1)
    expect(s.changesSince(1)).to.deep.equal([])
    expect(s.get(pod('keep'))?.value).to.equal('v1')
    expect(s.get(pod('a'))).to.equal(undefined)
    expect(s.get(pod('b'))).to.equal(undefined)
    expect(s.create(pod('next'), () => 1).rev).to.equal(2)
  })

  it('rolls back a nested call that throws even when the outer call catches it, leaving no gap in revisions', () => {
    const s = t.open()
    s.transaction(() => {
      s.create(pod('a'), () => 1)
      try {
        s.update(pod('a'), 1, () => {
          throw new Error('build failed after the revision was taken')
        })
      } catch {
        // the caller carries on without this write
      }
      try {
        s.transaction(() => {
          s.create(pod('inner'), () => 1)
          throw new Error('inner failed')
        })
      } catch {
        // likewise
      }
      s.create(pod('b'), () => 2)
    })
    expect(s.revision()).to.equal(2)
    expect(s.changesSince(0).map((c) => `${c.rev} ${c.type} ${c.name}`)).to.deep.equal(['1 ADDED a', '2 ADDED b'])
    expect(s.get(pod('a'))?.rev).to.equal(1)
    expect(s.get(pod('inner'))).to.equal(undefined)
  })

  it('rolls back a single write whose value cannot be stored as JSON', () => {
    const s = t.open()
    s.create(pod('a'), () => 1)
    expect(() => s.create(pod('big'), () => ({n: 1n}))).to.throw(TypeError)
    expect(s.revision()).to.equal(1)
    expect(s.get(pod('big'))).to.equal(undefined)
    expect(s.create(pod('c'), () => 1).rev).to.equal(2)
  })

  it('passes StoreErrors thrown inside through with their code, after rolling back', () => {
    const s = t.open()
    s.create(pod('a'), () => 1)
    const error = storeError('KeyExists', () =>
      s.transaction(() => {
        s.create(pod('b'), () => 1)
        s.create(pod('a'), () => 1)
      }),
    )
    expect(error.message).to.equal('Pod default/a already exists')
    expect(s.get(pod('b'))).to.equal(undefined)
    expect(s.revision()).to.equal(1)
  })

  it('reads one snapshot inside snapshot(), however much another connection writes meanwhile', () => {
    const s = t.open()
    const writer = t.open()
    writer.create(pod('a'), () => 1)
    const seen = s.snapshot(() => {
      const before = s.list('Pod')
      writer.create(pod('b'), () => 2)
      writer.update(pod('a'), 1, () => 3)
      return {before, after: s.list('Pod'), rev: s.revision()}
    })
    expect(seen.after).to.deep.equal(seen.before)
    expect(seen.rev).to.equal(1)
    expect(s.list('Pod').revision).to.equal(3)
  })
})
