import type {Node, Pod} from 'kubernetes-types/core/v1.js'

import {expect} from 'chai'

import {allocatable, podRequests} from '../../../src/controllers/scheduler/pod-resources.js'

const pod = (cpu: string): Pod => ({spec: {containers: [{name: 'app', image: 'nginx', resources: {requests: {cpu, memory: '1Mi'}}}]}})
const node = (cpu: string): Node => ({status: {allocatable: {cpu, memory: '1Gi', pods: '110'}}})

describe('pod and node resource figures', () => {
  it('sees a change to an object that is not frozen', () => {
    const p = pod('100m')
    expect(podRequests(p)).to.deep.equal({milliCPU: 100, memory: 1048576})
    p.spec!.containers[0]!.resources!.requests!.cpu = '250m'
    expect(podRequests(p)).to.deep.equal({milliCPU: 250, memory: 1048576})
    const n = node('2')
    expect(allocatable(n)).to.deep.equal({milliCPU: 2000, memory: 1073741824, pods: 110})
    n.status!.allocatable!.cpu = '4'
    expect(allocatable(n).milliCPU).to.equal(4000)
  })

  it('gives the same figures for a frozen object, with and without the scoring defaults', () => {
    const p = Object.freeze({spec: {containers: [{name: 'app', image: 'nginx'}]}}) as Pod
    expect(podRequests(p)).to.deep.equal({milliCPU: 0, memory: 0})
    expect(podRequests(p, true)).to.deep.equal({milliCPU: 100, memory: 209715200})
    expect(podRequests(p)).to.deep.equal({milliCPU: 0, memory: 0})
    const n = Object.freeze(node('3')) as Node
    expect(allocatable(n)).to.equal(allocatable(n))
    expect(allocatable(n).milliCPU).to.equal(3000)
  })
})
