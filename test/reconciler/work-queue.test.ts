import {expect} from 'chai'

import {WorkQueue, backoffMs} from '../../src/reconciler/work-queue.js'

describe('reconciler work queue', () => {
  const controllers = [{name: 'scheduler'}, {name: 'kubelet'}, {name: 'gc'}]
  const drain = (q: WorkQueue, now: number): Record<string, string[]> => Object.fromEntries(q.due(now).map((n) => [n, q.take(n)]))

  it('backs off 5 ms after the first failure of a key, doubling up to 1000 s (client-go\'s default)', () => {
    expect([0, 1, 2, 3, 4, 10, 18, 19, 50].map((n) => backoffMs(n))).to.deep.equal([0, 5, 10, 20, 40, 2560, 655_360, 1_000_000, 1_000_000])
  })

  it('runs the keys marked dirty, each once, in marking order, and only the controllers that have some', () => {
    const q = new WorkQueue(controllers)
    expect(q.due(0)).to.deep.equal([])
    q.add('kubelet', ['default/b', 'default/a', 'default/b'])
    q.add('gc', [''])
    expect(drain(q, 0)).to.deep.equal({kubelet: ['default/b', 'default/a'], gc: ['']})
    expect(q.due(1)).to.deep.equal([])
    // a key marked again while it was being reconciled runs again
    q.add('kubelet', ['default/a'])
    expect(drain(q, 1)).to.deep.equal({kubelet: ['default/a']})
  })

  it('runs a key again when its requeue falls due; the latest result decides the timer', () => {
    const q = new WorkQueue(controllers)
    q.succeeded('kubelet', 'default/a', 0, {requeueAfterMs: 500})
    q.succeeded('kubelet', 'default/b', 0, {requeueAfterMs: 300})
    q.succeeded('kubelet', 'default/b', 100, {requeueAfterMs: 700})
    expect(q.nextDue(100)).to.equal(500)
    expect(drain(q, 499)).to.deep.equal({})
    expect(drain(q, 500)).to.deep.equal({kubelet: ['default/a']})
    q.succeeded('kubelet', 'default/a', 500, {})
    expect(q.nextDue(600)).to.equal(800)
    q.succeeded('kubelet', 'default/b', 600, {})
    expect(q.nextDue(600)).to.equal(undefined)
  })

  it('retries a failing key after its own back-off, while changes to it wait and other keys run', () => {
    const q = new WorkQueue(controllers)
    expect(q.failed('kubelet', 'default/bad', 0)).to.equal(5)
    expect(q.failed('kubelet', 'default/bad', 5)).to.equal(10)
    q.add('kubelet', ['default/bad', 'default/good'])
    expect(drain(q, 6)).to.deep.equal({kubelet: ['default/good']})
    expect(q.nextDue(6)).to.equal(15)
    expect(drain(q, 15)).to.deep.equal({kubelet: ['default/bad']})
    expect(q.failures('kubelet', 'default/bad')).to.equal(2)
    q.succeeded('kubelet', 'default/bad', 15, {})
    expect(q.failures('kubelet', 'default/bad')).to.equal(0)
    expect(q.failed('kubelet', 'default/bad', 20)).to.equal(5)
  })

  it('counts dirty, failing and requeued keys as pending work, but not background upkeep', () => {
    const q = new WorkQueue(controllers)
    expect(q.pending()).to.equal(false)
    q.add('gc', [''])
    expect(q.pending()).to.equal(true)
    q.take('gc')
    expect(q.pending()).to.equal(false)
    q.succeeded('kubelet', 'ksim-worker', 0, {requeueAfterMs: 10_000, background: true})
    expect(q.pending()).to.equal(false)
    q.succeeded('kubelet', 'default/web', 0, {requeueAfterMs: 10_000})
    expect(q.pending()).to.equal(true)
    q.succeeded('kubelet', 'default/web', 0, {})
    expect(q.pending()).to.equal(false)
    q.failed('gc', '', 0)
    expect(q.pending()).to.equal(true)
    q.succeeded('gc', '', 5, {})
    expect(q.pending()).to.equal(false)
  })
})
