import {expect} from 'chai'

import {nodeType} from '../../../src/api/kinds/node.js'
import {numFeasibleNodesToFind} from '../../../src/controllers/scheduler/decide.js'
import {Scheduler} from '../../../src/controllers/scheduler/scheduler.js'
import {testCluster} from '../helpers.js'

// kube-scheduler's percentageOfNodesToScore (unset: adaptive): in a cluster of 100 nodes or more it stops
// filtering once enough nodes fit, and the next pod starts where the last one stopped.
describe('scheduler: feasible nodes to find', () => {
  it('filters every node below 100 nodes, then 50 % less a point per 125 nodes, at least 5 % and 100 nodes', () => {
    const table = [3, 99, 100, 150, 250, 500, 1000, 5000, 6000, 20000].map((n) => [n, numFeasibleNodesToFind(n)])
    expect(table).to.deep.equal([[3, 3], [99, 99], [100, 100], [150, 100], [250, 120], [500, 230], [1000, 420], [5000, 500], [6000, 300], [20000, 1000]])
  })

  it('places each pod among the nodes from where the last filtering stopped (nextStartNodeIndex)', function () {
    this.timeout(120_000)
    const tc = testCluster({nodes: 250})
    try {
      const names = tc.api.list(nodeType, undefined).items.map((n) => n.metadata.name!).sort((a, b) => (a < b ? -1 : 1))
      expect(names).to.have.length(250)
      expect(names[0]).to.equal('ksim-control-plane')
      for (const p of ['a', 'b', 'c']) tc.pod(p, {containers: [{name: 'web', image: 'nginx'}]})
      tc.pass(new Scheduler())
      const node = (p: string) => (tc.get(p)?.spec as {nodeName?: string}).nodeName
      // equal scores go to the first node filtered: a filters nodes 0-120 (the tainted control plane
      // fails) and takes node 1; b filters from node 121 on, c from 241 on (round to the start)
      expect([node('a'), node('b'), node('c')]).to.deep.equal([names[1], names[121], names[241]])
    } finally {
      tc.close()
    }
  })
})

describe('scheduler: a long queue in slices', () => {
  it('stops placing pods after a second of a pass and asks to run again at once, until all are placed', () => {
    const tc = testCluster()
    try {
      const names = ['p0', 'p1', 'p2', 'p3', 'p4']
      for (const p of names) tc.pod(p, {containers: [{name: 'web', image: 'nginx'}]})
      // a clock whose monotonic reading moves 400 ms each time it is read
      let mono = 0
      const ctx = {...tc.ctx, clock: {now: () => tc.clock.now(), monotonicMs: () => (mono += 400)}}
      const s = new Scheduler()
      const bound = () => names.filter((p) => (tc.get(p)?.spec as {nodeName?: string}).nodeName).length
      const first = s.reconcile(ctx)
      expect(first.requeueAfterMs).to.equal(0)
      expect(bound()).to.be.greaterThan(0).and.lessThan(5)
      let passes = 1
      while (bound() < 5 && passes < 10) {
        s.reconcile(ctx)
        passes++
      }
      expect(bound()).to.equal(5)
      expect(s.reconcile(ctx)).to.deep.equal({})
    } finally {
      tc.close()
    }
  })
})
