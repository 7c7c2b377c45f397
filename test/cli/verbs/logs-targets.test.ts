import type {Pod} from 'kubernetes-types/core/v1.js'

import {expect} from 'chai'

import {byLogging, podSources} from '../../../src/cli/verbs/logs-targets.js'

const pod = (name: string, spec: Record<string, unknown>, status: Record<string, unknown> = {}, meta: Record<string, unknown> = {}): Pod =>
  ({metadata: {name, creationTimestamp: '2026-07-01T10:00:00Z', ...meta}, spec: {nodeName: 'n1', containers: [{name: 'app'}], ...spec}, status: {phase: 'Running', ...status}}) as Pod

function collect(): {lines: string[]; sinks: {out(t: string): void; err(l: string): void}} {
  const lines: string[] = []
  return {lines, sinks: {out: (t) => lines.push(`out:${t}`), err: (l) => lines.push(`err:${l}`)}}
}

describe('logs: the containers and pods kubectl reads', () => {
  it('defaults to the first container, naming the others, unless the pod presets one', () => {
    const p = pod('web', {initContainers: [{name: 'setup'}], containers: [{name: 'a'}, {name: 'b'}]})
    const {lines, sinks} = collect()
    expect(podSources(p, undefined, false, sinks).map((s) => s.container.name)).to.deep.equal(['a'])
    expect(lines).to.deep.equal(['err:Defaulted container "a" out of: a, b, setup (init)'])
    const preset = pod('web', {containers: [{name: 'a'}, {name: 'b'}]}, {}, {annotations: {'kubectl.kubernetes.io/default-container': 'b'}})
    const quiet = collect()
    expect(podSources(preset, undefined, false, quiet.sinks).map((s) => s.container.name)).to.deep.equal(['b'])
    expect(quiet.lines).to.deep.equal([])
  })

  it('takes every container with --all-containers, init containers first, and refuses an unknown one', () => {
    const p = pod('web', {initContainers: [{name: 'setup'}], containers: [{name: 'a'}]})
    expect(podSources(p, undefined, true, collect().sinks).map((s) => `${s.container.name}:${s.init}`)).to.deep.equal(['setup:true', 'a:false'])
    expect(() => podSources(p, 'zz', false, collect().sinks)).to.throw('container zz is not valid for pod web')
  })

  it('orders pods as ByLogging: assigned, running, ready, ready longest, most restarts, oldest', () => {
    const ready = (since: string) => ({conditions: [{type: 'Ready', status: 'True', lastTransitionTime: since}]})
    const sorted = (pods: Pod[]) => [...pods].sort((a, b) => (byLogging(a, b) ? -1 : byLogging(b, a) ? 1 : 0)).map((p) => p.metadata!.name)
    expect(sorted([pod('unassigned', {nodeName: ''}), pod('assigned', {})])).to.deep.equal(['assigned', 'unassigned'])
    expect(sorted([pod('pending', {}, {phase: 'Pending'}), pod('running', {})])).to.deep.equal(['running', 'pending'])
    expect(sorted([pod('unready', {}), pod('ready', {}, ready('2026-07-01T10:00:00Z'))])).to.deep.equal(['ready', 'unready'])
    expect(sorted([pod('newer', {}, ready('2026-07-01T11:00:00Z')), pod('older', {}, ready('2026-07-01T10:00:00Z'))])).to.deep.equal(['older', 'newer'])
    const restarts = (n: number) => ({containerStatuses: [{name: 'app', restartCount: n}]})
    expect(sorted([pod('calm', {}, restarts(0)), pod('crashy', {}, restarts(3))])).to.deep.equal(['crashy', 'calm'])
    expect(sorted([pod('young', {}, {}, {creationTimestamp: '2026-07-01T11:00:00Z'}), pod('old', {})])).to.deep.equal(['old', 'young'])
  })
})
