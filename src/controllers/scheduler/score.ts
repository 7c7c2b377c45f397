// Scoring the feasible nodes as the default profile does: each plugin's score (0-100 after its
// normalization) times its weight, summed: TaintToleration 3, NodeAffinity 2, NodeResourcesFit
// (LeastAllocated) 1, PodTopologySpread 2, InterPodAffinity 2, NodeResourcesBalancedAllocation 1
// (ImageLocality scores 0 everywhere: ksim's nodes report no images). A plugin that skips adds nothing.
// The highest total wins; kube-scheduler picks at random among equal totals, ksim takes the first by
// node name, so that a run can be repeated.
import type {Node, Pod} from 'kubernetes-types/core/v1.js'
import type {Snapshot} from './cycle-state.js'
import type {NodeUsage} from './pod-resources.js'

import {leastAllocatedScore} from './filters.js'
import {termMatches, toleratesTaint} from './node-affinity.js'
import {allocatable, podRequests} from './pod-resources.js'
import {affinityPreScore, affinityScores} from './affinity-score.js'
import {spreadPreScore, spreadScores} from './spread-score.js'

/** helper.DefaultNormalizeScore */
export function defaultNormalize(scores: number[], reverse: boolean): number[] {
  const max = Math.max(0, ...scores)
  if (max === 0) return scores.map(() => (reverse ? 100 : 0))
  return scores.map((s) => {
    const v = Math.trunc((100 * s) / max)
    return reverse ? 100 - v : v
  })
}

/** TaintToleration: PreferNoSchedule taints the pod does not tolerate, fewer is better. */
function taintScores(pod: Pod, nodes: Node[]): number[] {
  const tolerations = (pod.spec?.tolerations ?? []).filter((t) => !t.effect || t.effect === 'PreferNoSchedule')
  const raw = nodes.map((n) => (n.spec?.taints ?? []).filter((taint) => taint.effect === 'PreferNoSchedule' && !tolerations.some((t) => toleratesTaint(t, taint))).length)
  return defaultNormalize(raw, true)
}

/** NodeAffinity: the weights of the preferred terms the node matches; undefined when there are none. */
function nodeAffinityScores(pod: Pod, nodes: Node[]): number[] | undefined {
  const preferred = pod.spec?.affinity?.nodeAffinity?.preferredDuringSchedulingIgnoredDuringExecution ?? []
  if (preferred.length === 0) return undefined
  return defaultNormalize(
    nodes.map((n) => preferred.reduce((sum, p) => sum + (termMatches(p.preference, n) ? p.weight : 0), 0)),
    false,
  )
}

/** NodeResourcesBalancedAllocation: how evenly cpu and memory are used once the pod is placed; skipped for best-effort pods. */
function balancedScores(pod: Pod, nodes: Node[], usage: Map<string, NodeUsage>): number[] | undefined {
  const req = podRequests(pod)
  if (req.milliCPU === 0 && req.memory === 0) return undefined
  return nodes.map((n) => {
    const alloc = allocatable(n)
    const used = usage.get(n.metadata?.name ?? '')!.requested
    const fractions: number[] = []
    if (alloc.milliCPU > 0) fractions.push(Math.min(1, (used.milliCPU + req.milliCPU) / alloc.milliCPU))
    if (alloc.memory > 0) fractions.push(Math.min(1, (used.memory + req.memory) / alloc.memory))
    const std = fractions.length === 2 ? Math.abs((fractions[0]! - fractions[1]!) / 2) : 0
    return Math.trunc((1 - std) * 100)
  })
}

/** The weighted total of every scoring plugin, per feasible node (in `nodes` order). */
export function nodeScores(pod: Pod, nodes: Node[], snap: Snapshot, usage: Map<string, NodeUsage>): number[] {
  const totals = nodes.map((n) => leastAllocatedScore(pod, n, usage.get(n.metadata?.name ?? '')!))
  const addIn = (scores: number[] | undefined, weight: number): void => {
    if (scores) scores.forEach((s, i) => (totals[i]! += s * weight))
  }
  addIn(taintScores(pod, nodes), 3)
  addIn(nodeAffinityScores(pod, nodes), 2)
  const spread = spreadPreScore(pod, snap, nodes)
  addIn(spread && spreadScores(spread, snap, nodes), 2)
  const affinity = affinityPreScore(pod, snap)
  addIn(affinity && affinityScores(affinity, nodes), 2)
  addIn(balancedScores(pod, nodes, usage), 1)
  return totals
}

/** The node to bind to among the feasible ones: the highest total, the first by name on a tie. */
export function selectHost(pod: Pod, feasible: Node[], snap: Snapshot, usage: Map<string, NodeUsage>): string | undefined {
  if (feasible.length <= 1) return feasible[0]?.metadata?.name
  const scores = nodeScores(pod, feasible, snap, usage)
  let best = 0
  for (let i = 1; i < scores.length; i++) if (scores[i]! > scores[best]!) best = i
  return feasible[best]!.metadata?.name
}
