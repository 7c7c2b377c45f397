import {expect} from 'chai'

import {WorkQueue, backoffMs} from '../../src/reconciler/work-queue.js'

describe('reconciler work queue', () => {
  const controllers = [
    {name: 'scheduler', watches: ['Pod', 'Node']},
    {name: 'kubelet', watches: ['Pod']},
    {name: 'gc', watches: ['Event']},
  ]

  it('backs off 100 ms after the first failure, doubling up to 10 s', () => {
    expect([0, 1, 2, 3, 4, 5, 6, 7, 8, 50].map((n) => backoffMs(n))).to.deep.equal([0, 100, 200, 400, 800, 1600, 3200, 6400, 10_000, 10_000])
  })

  it('runs every controller once at start, then only those watching a kind that changed', () => {
    const q = new WorkQueue(controllers)
    expect(q.due(0)).to.deep.equal(['scheduler', 'kubelet', 'gc'])
    for (const c of controllers) q.succeeded(c.name, 0, {})
    expect(q.due(1)).to.deep.equal([])
    q.markChanged(['Node'])
    expect(q.due(1)).to.deep.equal(['scheduler'])
    q.markChanged(['Pod', 'Secret'])
    expect(q.due(1)).to.deep.equal(['scheduler', 'kubelet'])
  })

  it('runs a controller again when its requeue falls due, and the latest pass decides the timer', () => {
    const q = new WorkQueue(controllers)
    q.succeeded('scheduler', 0, {})
    q.succeeded('gc', 0, {})
    q.succeeded('kubelet', 0, {requeueAfterMs: 500})
    expect(q.due(499)).to.deep.equal([])
    expect(q.nextDue(100)).to.equal(500)
    expect(q.due(500)).to.deep.equal(['kubelet'])
    q.succeeded('kubelet', 500, {})
    expect(q.nextDue(600)).to.equal(undefined)
  })

  it('retries a failing controller after its back-off even while changes keep coming', () => {
    const q = new WorkQueue(controllers)
    q.succeeded('scheduler', 0, {})
    q.succeeded('gc', 0, {})
    expect(q.failed('kubelet', 0)).to.equal(100)
    expect(q.failed('kubelet', 100)).to.equal(200)
    q.markChanged(['Pod'])
    expect(q.due(250)).to.deep.equal(['scheduler'])
    expect(q.nextDue(250)).to.equal(250)
    q.succeeded('scheduler', 250, {})
    expect(q.nextDue(250)).to.equal(300)
    expect(q.due(300)).to.deep.equal(['kubelet'])
    q.succeeded('kubelet', 300, {})
    expect(q.failures('kubelet')).to.equal(0)
    expect(q.failed('kubelet', 400)).to.equal(100)
  })

  it('counts dirty, failing and requeued controllers as pending work, but not background upkeep', () => {
    const q = new WorkQueue(controllers)
    expect(q.pending()).to.equal(true)
    for (const c of controllers) q.succeeded(c.name, 0, {})
    expect(q.pending()).to.equal(false)
    q.succeeded('kubelet', 0, {requeueAfterMs: 10_000, background: true})
    expect(q.pending()).to.equal(false)
    q.succeeded('kubelet', 0, {requeueAfterMs: 10_000})
    expect(q.pending()).to.equal(true)
    q.succeeded('kubelet', 0, {})
    q.failed('gc', 0)
    expect(q.pending()).to.equal(true)
  })
})
