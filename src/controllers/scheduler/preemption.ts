// DefaultPreemption's PostFilter: for a pod no node accepts, a dry run on each node where removing pods
// could help (its filter failure is not UnschedulableAndUnresolvable): every lower-priority pod removed,
// then as many put back as still let the pod fit, most important first and the pods whose eviction would
// violate a PodDisruptionBudget before the others. Among the nodes that work, the one with the fewest
// PDB violations, then the lowest highest victim priority, the lowest sum of priorities, the fewest
// victims, the latest start of its most important victims, then the first by name. When no node works,
// the dry run's reasons are the message (`preemption: 0/3 nodes are available: ...`).
import type {Node, Pod} from 'kubernetes-types/core/v1.js'
import type {CycleState, Snapshot} from './cycle-state.js'
import type {FilterFailure} from './filters.js'
import type {NodeUsage} from './pod-resources.js'
import type {PodDisruptionBudgetLike} from './pdb.js'

import {addToCycle, withoutPods} from './cycle-state.js'
import {filterNode} from './filters.js'
import {addPod} from './pod-resources.js'
import {partitionByPDBViolation} from './pdb.js'

const NOT_HELPFUL = 'Preemption is not helpful for scheduling'
const NO_VICTIMS = 'No preemption victims found for incoming pod'

export interface Candidate {
  node: string
  /** most important first */
  victims: Pod[]
  pdbViolations: number
}

export const priorityOf = (p: Pod): number => p.spec?.priority ?? 0
const startOf = (p: Pod, nowMs: number): number => (p.status?.startTime ? Date.parse(p.status.startTime) : nowMs)

/** util.MoreImportantPod as a sort order: higher priority first, then the earlier started. */
export const byImportance =
  (nowMs: number) =>
  (a: Pod, b: Pod): number =>
    priorityOf(b) - priorityOf(a) || startOf(a, nowMs) - startOf(b, nowMs)

const emptyUsage = (): NodeUsage => ({pods: 0, requested: {milliCPU: 0, memory: 0}, nonZeroRequested: {milliCPU: 0, memory: 0}})
const cloneUsage = (u: NodeUsage): NodeUsage => ({pods: u.pods, requested: {...u.requested}, nonZeroRequested: {...u.nonZeroRequested}})

/** SelectVictimsOnNode: the victims, or the reasons the pod does not fit even with all of them gone. */
function selectVictims(pod: Pod, node: Node, snap: Snapshot, cycle: CycleState, pdbs: PodDisruptionBudgetLike[], nowMs: number): Candidate | {reasons: string[]} {
  const name = node.metadata?.name ?? ''
  const pods = snap.podsOn(name)
  const lower = pods.filter((p) => priorityOf(p) < priorityOf(pod))
  if (lower.length === 0) return {reasons: [NO_VICTIMS]}
  let usage = emptyUsage()
  for (const p of pods) if (priorityOf(p) >= priorityOf(pod)) addPod(usage, p)
  let state = withoutPods(cycle, lower, node)
  const after = filterNode(pod, node, usage, state)
  if (after) return {reasons: after.reasons}
  const {violating, nonViolating} = partitionByPDBViolation(lower.slice().sort(byImportance(nowMs)), pdbs)
  const victims: Pod[] = []
  let pdbViolations = 0
  const reprieve = (p: Pod): boolean => {
    const u = cloneUsage(usage)
    addPod(u, p)
    const s = withoutPods(state, [], node)
    addToCycle(s, p, node)
    if (filterNode(pod, node, u, s)) return false
    usage = u
    state = s
    return true
  }
  for (const p of violating) {
    if (reprieve(p)) continue
    victims.push(p)
    pdbViolations++
  }
  for (const p of nonViolating) if (!reprieve(p)) victims.push(p)
  return {node: name, victims: victims.sort(byImportance(nowMs)), pdbViolations}
}

/** pickOneNodeForPreemption */
export function pickCandidate(candidates: Candidate[], nowMs: number): Candidate | undefined {
  const keys: ((c: Candidate) => number)[] = [
    (c) => c.pdbViolations,
    (c) => priorityOf(c.victims[0]!),
    (c) => c.victims.reduce((sum, v) => sum + priorityOf(v) + 2147483648, 0),
    (c) => c.victims.length,
    // the latest start among the nodes' earliest-started highest-priority victims wins: negated to minimize
    (c) => -Math.min(...c.victims.filter((v) => priorityOf(v) === priorityOf(c.victims[0]!)).map((v) => startOf(v, nowMs))),
  ]
  let left = candidates
  for (const key of keys) {
    if (left.length <= 1) break
    const best = Math.min(...left.map(key))
    left = left.filter((c) => key(c) === best)
  }
  return left[0]
}

/** A terminating pod the scheduler preempted (podTerminatingByPreemption). */
export function terminatingByPreemption(p: Pod): boolean {
  return Boolean(p.metadata?.deletionTimestamp) && (p.status?.conditions ?? []).some((c) => c.type === 'DisruptionTarget' && c.reason === 'PreemptionByScheduler')
}

/** The preemption outcome: a node to nominate and its victims, or the PostFilter message. */
export function preempt(pod: Pod, snap: Snapshot, cycle: CycleState, failures: Map<string, FilterFailure>, pdbs: PodDisruptionBudgetLike[], nowMs: number): Candidate | {message: string} {
  if (pod.spec?.preemptionPolicy === 'Never') return {message: 'not eligible due to preemptionPolicy=Never.'}
  const nominated = pod.status?.nominatedNodeName
  if (nominated && !failures.get(nominated)?.unresolvable) {
    if (snap.podsOn(nominated).some((p) => priorityOf(p) < priorityOf(pod) && terminatingByPreemption(p))) return {message: 'not eligible due to a terminating pod on the nominated node.'}
  }
  const reasons: string[] = []
  const candidates: Candidate[] = []
  for (const node of snap.nodes) {
    const f = failures.get(node.metadata?.name ?? '')
    if (!f || f.unresolvable) {
      reasons.push(NOT_HELPFUL)
      continue
    }
    const r = selectVictims(pod, node, snap, cycle, pdbs, nowMs)
    if ('node' in r) candidates.push(r)
    else reasons.push(...r.reasons)
  }
  const best = pickCandidate(candidates, nowMs)
  return best ?? {message: fitErrorMessage(snap.nodes.length, reasons)}
}

/** `0/3 nodes are available: 1 node(s) were unschedulable, 2 Insufficient cpu.` */
export function fitErrorMessage(numNodes: number, reasons: string[]): string {
  const counts = new Map<string, number>()
  for (const r of reasons) counts.set(r, (counts.get(r) ?? 0) + 1)
  const parts = [...counts].map(([r, n]) => `${n} ${r}`).sort()
  return `0/${numNodes} nodes are available:${parts.length ? ` ${parts.join(', ')}.` : ''}`
}
