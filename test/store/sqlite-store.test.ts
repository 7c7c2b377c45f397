import {expect} from 'chai'

import {storeError, useTempStores} from './temp-store.js'

const pod = (namespace: string, name: string) => ({kind: 'Pod', namespace, name})

describe('Store objects', () => {
  const t = useTempStores()

  it('starts at revision 0 with nothing stored', () => {
    const s = t.open()
    expect(s.revision()).to.equal(0)
    expect(s.get(pod('default', 'a'))).to.equal(undefined)
    expect(s.list('Pod')).to.deep.equal({items: [], revision: 0})
    expect(s.count('Pod')).to.equal(0)
  })

  it('creates a key with the next revision as both rev and createRev, passing that revision to build', () => {
    const s = t.open()
    const seen: number[] = []
    const created = s.create(pod('default', 'a'), (rev) => {
      seen.push(rev)
      return {n: 1, rev}
    })
    expect(seen).to.deep.equal([1])
    expect(created).to.deep.equal({kind: 'Pod', namespace: 'default', name: 'a', rev: 1, createRev: 1, value: {n: 1, rev: 1}})
    expect(s.get(pod('default', 'a'))).to.deep.equal(created)
    expect(s.revision()).to.equal(1)
  })

  it('refuses to create a key that exists with KeyExists, leaving the stored value and revision alone', () => {
    const s = t.open()
    s.create(pod('default', 'a'), () => 'first')
    let built = false
    const error = storeError('KeyExists', () =>
      s.create(pod('default', 'a'), () => {
        built = true
        return 'second'
      }),
    )
    expect(error.message).to.equal('Pod default/a already exists')
    expect(built).to.equal(false)
    expect(s.get(pod('default', 'a'))?.value).to.equal('first')
    expect(s.revision()).to.equal(1)
  })

  it('treats kind, namespace and name as separate parts of the key', () => {
    const s = t.open()
    s.create({kind: 'Pod', namespace: 'a', name: 'x'}, () => 1)
    s.create({kind: 'Pod', namespace: 'b', name: 'x'}, () => 2)
    s.create({kind: 'Service', namespace: 'a', name: 'x'}, () => 3)
    s.create({kind: 'Node', namespace: '', name: 'x'}, () => 4)
    expect(s.get({kind: 'Pod', namespace: 'a', name: 'x'})?.value).to.equal(1)
    expect(s.get({kind: 'Pod', namespace: 'b', name: 'x'})?.value).to.equal(2)
    expect(s.get({kind: 'Service', namespace: 'a', name: 'x'})?.value).to.equal(3)
    expect(s.get({kind: 'Node', namespace: '', name: 'x'})?.value).to.equal(4)
    expect(s.count('Pod')).to.equal(2)
  })

  it('updates with the current revision, keeping createRev and passing the new revision and current value to build', () => {
    const s = t.open()
    s.create(pod('default', 'a'), () => ({n: 1}))
    s.create(pod('default', 'b'), () => ({n: 1}))
    const updated = s.update<{n: number}>(pod('default', 'a'), 1, (rev, current) => {
      expect(rev).to.equal(3)
      expect(current).to.deep.equal({kind: 'Pod', namespace: 'default', name: 'a', rev: 1, createRev: 1, value: {n: 1}})
      return {n: current.value.n + 1}
    })
    expect(updated).to.deep.equal({kind: 'Pod', namespace: 'default', name: 'a', rev: 3, createRev: 1, value: {n: 2}})
    expect(s.get(pod('default', 'a'))).to.deep.equal(updated)
    const again = s.update<{n: number}>(pod('default', 'a'), 3, (_rev, current) => ({n: current.value.n + 1}))
    expect([again.rev, again.createRev, again.value.n]).to.deep.equal([4, 1, 3])
  })

  it('refuses an update with a stale revision with Conflict naming both revisions, and writes nothing', () => {
    const s = t.open()
    s.create(pod('default', 'a'), () => 'v1')
    s.update(pod('default', 'a'), 1, () => 'v2')
    const error = storeError('Conflict', () => s.update(pod('default', 'a'), 1, () => 'v3'))
    expect(error.message).to.equal('Pod default/a is at revision 2, not 1')
    expect(s.get(pod('default', 'a'))?.value).to.equal('v2')
    expect(s.revision()).to.equal(2)
    expect(s.changesSince(0)).to.have.length(2)
  })

  it('refuses to update a missing key with NotFound', () => {
    const s = t.open()
    const error = storeError('NotFound', () => s.update(pod('default', 'missing'), 1, () => 'x'))
    expect(error.message).to.equal('Pod default/missing not found')
    expect(s.revision()).to.equal(0)
  })

  it('deletes a key, returning its last value with the delete revision and its createRev', () => {
    const s = t.open()
    s.create(pod('default', 'a'), () => 'v1')
    s.update(pod('default', 'a'), 1, () => 'v2')
    const deleted = s.delete(pod('default', 'a'))
    expect(deleted).to.deep.equal({kind: 'Pod', namespace: 'default', name: 'a', rev: 3, createRev: 1, value: 'v2'})
    expect(s.get(pod('default', 'a'))).to.equal(undefined)
    expect(s.revision()).to.equal(3)
  })

  it('deletes with an expected revision only when it matches, and refuses a missing key with NotFound', () => {
    const s = t.open()
    s.create(pod('default', 'a'), () => 'v1')
    s.update(pod('default', 'a'), 1, () => 'v2')
    expect(storeError('Conflict', () => s.delete(pod('default', 'a'), 1)).message).to.equal('Pod default/a is at revision 2, not 1')
    expect(s.get(pod('default', 'a'))?.value).to.equal('v2')
    expect(s.delete(pod('default', 'a'), 2).rev).to.equal(3)
    expect(storeError('NotFound', () => s.delete(pod('default', 'a'))).message).to.equal('Pod default/a not found')
    expect(s.revision()).to.equal(3)
  })

  it('lets a deleted key be created again with a new createRev', () => {
    const s = t.open()
    s.create(pod('default', 'a'), () => 'old')
    s.delete(pod('default', 'a'))
    const again = s.create(pod('default', 'a'), () => 'new')
    expect([again.rev, again.createRev, again.value]).to.deep.equal([3, 3, 'new'])
  })

  it('numbers every write with one revision that strictly increases across all kinds', () => {
    const s = t.open()
    const revs = [
      s.create(pod('default', 'a'), () => 1).rev,
      s.create({kind: 'Node', namespace: '', name: 'n1'}, () => 1).rev,
      s.update(pod('default', 'a'), 1, () => 2).rev,
      s.create({kind: 'Service', namespace: 'default', name: 'svc'}, () => 1).rev,
      s.delete({kind: 'Node', namespace: '', name: 'n1'}).rev,
      s.update({kind: 'Service', namespace: 'default', name: 'svc'}, 4, () => 2).rev,
    ]
    expect(revs).to.deep.equal([1, 2, 3, 4, 5, 6])
    expect(s.revision()).to.equal(6)
  })

  it('keeps objects and the revision when the file is closed and opened again', () => {
    const s = t.open()
    s.create(pod('default', 'a'), () => ({deep: {list: [1, 'two', null, true]}}))
    s.close()
    const again = t.open()
    expect(again.revision()).to.equal(1)
    expect(again.get(pod('default', 'a'))?.value).to.deep.equal({deep: {list: [1, 'two', null, true]}})
  })
})

describe('Store list', () => {
  const t = useTempStores()

  it('lists every namespace sorted by namespace then name, with the revision it read at', () => {
    const s = t.open()
    for (const [ns, name] of [['kube-system', 'b'], ['default', 'z'], ['default', 'a'], ['kube-system', 'a'], ['apps', 'm']]) {
      s.create(pod(ns, name), () => `${ns}/${name}`)
    }
    s.create({kind: 'Service', namespace: 'default', name: 'svc'}, () => 'svc')
    const listed = s.list<string>('Pod')
    expect(listed.items.map((i) => i.value)).to.deep.equal(['apps/m', 'default/a', 'default/z', 'kube-system/a', 'kube-system/b'])
    expect(listed.revision).to.equal(6)
    expect(listed.items[1]).to.deep.equal({kind: 'Pod', namespace: 'default', name: 'a', rev: 3, createRev: 3, value: 'default/a'})
  })

  it('lists one namespace sorted by name, and nothing from other namespaces or kinds', () => {
    const s = t.open()
    s.create(pod('default', 'web-2'), () => 1)
    s.create(pod('other', 'web-1'), () => 1)
    s.create(pod('default', 'web-10'), () => 1)
    s.create(pod('default', 'db'), () => 1)
    s.create({kind: 'Service', namespace: 'default', name: 'aaa'}, () => 1)
    const listed = s.list('Pod', 'default')
    expect(listed.items.map((i) => i.name)).to.deep.equal(['db', 'web-10', 'web-2'])
    expect(listed.revision).to.equal(5)
    expect(s.list('Pod', 'empty')).to.deep.equal({items: [], revision: 5})
  })

  it('reports as its revision the newest write of any kind, not the newest item it returned', () => {
    const s = t.open()
    s.create(pod('default', 'a'), () => 1)
    s.create({kind: 'Node', namespace: '', name: 'n'}, () => 1)
    s.update({kind: 'Node', namespace: '', name: 'n'}, 2, () => 2)
    expect(s.list('Pod').revision).to.equal(3)
  })

  it('counts the objects of a kind across namespaces', () => {
    const s = t.open()
    s.create(pod('a', 'x'), () => 1)
    s.create(pod('b', 'x'), () => 1)
    s.create({kind: 'Node', namespace: '', name: 'x'}, () => 1)
    s.delete(pod('a', 'x'))
    expect([s.count('Pod'), s.count('Node'), s.count('Service')]).to.deep.equal([1, 1, 0])
  })
})

describe('Store list prefilter', () => {
  const t = useTempStores()

  it('lists only the documents whose stored text contains every string, in key order, in a namespace or all', () => {
    const s = t.open()
    s.create(pod('b', 'x'), () => ({labels: {app: 'web', tier: 'front'}}))
    s.create(pod('a', 'y'), () => ({labels: {app: 'web'}}))
    s.create(pod('a', 'z'), () => ({labels: {app: 'db'}, note: '"app":"web" in a string'}))
    s.create({kind: 'Node', namespace: '', name: 'n'}, () => ({labels: {app: 'web'}}))
    const names = (r: {items: {namespace: string; name: string}[]}) => r.items.map((i) => `${i.namespace}/${i.name}`)
    expect(names(s.list('Pod', undefined, {contains: ['"app":"web"']}))).to.deep.equal(['a/y', 'b/x'])
    expect(names(s.list('Pod', undefined, {contains: ['"app":"web"', '"tier":"front"']}))).to.deep.equal(['b/x'])
    expect(names(s.list('Pod', 'a', {contains: ['"app":"web"']}))).to.deep.equal(['a/y'])
    expect(names(s.list('Pod', 'a', {contains: []}))).to.deep.equal(['a/y', 'a/z'])
    expect(s.list('Pod', undefined, {contains: ['"app":"none"']}).items).to.deep.equal([])
    expect(s.list('Pod', undefined, {contains: ['"app":"web"']}).revision).to.equal(4)
  })
})
