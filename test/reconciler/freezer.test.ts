import {expect} from 'chai'

import {Freezer} from '../../src/reconciler/freezer.js'

const pod = (name: string, node: string, startedAt: string) => ({
  metadata: {name, uid: `uid-${name}`},
  spec: {nodeName: node, containers: [{name: 'app', image: 'nginx', resources: {}}], tolerations: [{key: 'a', operator: 'Exists'}]},
  status: {conditions: [{type: 'Ready', status: 'True', lastTransitionTime: startedAt}], hostIPs: [{ip: `ip-${node}`}]},
})

describe('freezer', () => {
  it('freezes every part, and gives equal parts of different objects one object', () => {
    const f = new Freezer()
    const a = f.adopt(pod('a', 'n1', 't1'), undefined) as ReturnType<typeof pod>
    const b = f.adopt(pod('b', 'n1', 't1'), undefined) as ReturnType<typeof pod>
    const c = f.adopt(pod('c', 'n2', 't2'), undefined) as ReturnType<typeof pod>
    expect(Object.isFrozen(a) && Object.isFrozen(a.spec.containers[0]!.resources) && Object.isFrozen(a.status.conditions)).to.equal(true)
    expect(b.spec.containers).to.equal(a.spec.containers)
    expect(b.spec.tolerations).to.equal(a.spec.tolerations)
    expect(b.status.conditions).to.equal(a.status.conditions)
    expect(b.status.hostIPs).to.equal(a.status.hostIPs)
    expect(c.spec.containers).to.equal(a.spec.containers)
    expect(c.status.conditions).to.not.equal(a.status.conditions)
    expect(c.status.hostIPs).to.deep.equal([{ip: 'ip-n2'}])
    // each object keeps its own top level, metadata, spec and status
    expect([b.metadata === a.metadata, b.spec === a.spec, b.status === a.status, b === a]).to.deep.equal([false, false, false, false])
    expect(b).to.deep.equal(pod('b', 'n1', 't1'))
  })

  it('takes from the version an object replaces every part that did not change, and no part that did', () => {
    const f = new Freezer()
    const v1 = f.adopt(pod('a', 'n1', 't1'), undefined) as ReturnType<typeof pod>
    const next = pod('a', 'n1', 't2')
    const v2 = f.adopt(next, v1) as ReturnType<typeof pod>
    expect(v2.metadata).to.equal(v1.metadata)
    expect(v2.spec).to.equal(v1.spec)
    expect(v2.status).to.not.equal(v1.status)
    expect(v2.status.hostIPs).to.equal(v1.status.hostIPs)
    expect(v2.status.conditions[0]!.lastTransitionTime).to.equal('t2')
    expect(v1.status.conditions[0]!.lastTransitionTime).to.equal('t1')
  })

  it('tells apart values that print alike but differ in type, and keeps key order', () => {
    const f = new Freezer()
    const a = f.adopt({x: {p: {v: 1}}, y: {p: {v: '1'}}, z: {p: {a: 1, b: 2}}, w: {p: {b: 2, a: 1}}}, undefined) as Record<string, {p: unknown}>
    expect(a.x!.p).to.not.equal(a.y!.p)
    expect(a.z!.p).to.not.equal(a.w!.p)
    expect(Object.keys(a.w!.p as object)).to.deep.equal(['b', 'a'])
    const b = f.adopt({x: {p: {v: 1}}, y: {p: {v: null}}, z: {p: {v: true}}, w: {p: {v: [1]}}}, undefined) as Record<string, {p: unknown}>
    expect(b.x!.p).to.equal(a.x!.p)
    expect([b.y!.p, b.z!.p, b.w!.p]).to.deep.equal([{v: null}, {v: true}, {v: [1]}])
  })
})
