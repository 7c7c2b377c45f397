// PodTopologySpread's score, for the pod's ScheduleAnyway constraints or, when it has no constraints at
// all, the scheduler's system defaults (kubernetes.io/hostname maxSkew 3 and topology.kubernetes.io/zone
// maxSkew 5, over the pods selected by the Services, ReplicaSet, ReplicationController or StatefulSet
// that select the pod). A node scores, per constraint, its domain's matching pods times
// log(domains + 2), plus maxSkew - 1; fewer is better: the scores are turned into 0-100 by
// 100 * (max + min - score) / max. Nodes missing a key of explicit constraints score 0.
import type {Node, Pod, TopologySpreadConstraint} from 'kubernetes-types/core/v1.js'
import type {Snapshot} from './cycle-state.js'

import {labelSelectorFromObject, matchLabelSelector, type LabelSelector} from '../../machinery/labels.js'
import {matchesNodeRequirements, untoleratedTaint} from './node-affinity.js'

const HOSTNAME = 'kubernetes.io/hostname'
const ZONE = 'topology.kubernetes.io/zone'

interface ScoreConstraint {
  maxSkew: number
  topologyKey: string
  selector: LabelSelector
  honorAffinity: boolean
  honorTaints: boolean
}

export interface SpreadScoreState {
  pod: Pod
  constraints: ScoreConstraint[]
  /** explicit constraints need every key on a node; the defaults do not */
  requireAll: boolean
  ignored: Set<string>
  /** per constraint (hostname ones unused): domain to matching pods */
  counts: Map<string, number>[]
  weights: number[]
}

function constraintsOf(pod: Pod, snap: Snapshot): {constraints: ScoreConstraint[]; requireAll: boolean} {
  const own = pod.spec?.topologySpreadConstraints ?? []
  if (own.length > 0) {
    const constraints = own
      .filter((c: TopologySpreadConstraint) => c.whenUnsatisfiable === 'ScheduleAnyway')
      .flatMap((c) => {
        try {
          return [{maxSkew: c.maxSkew, topologyKey: c.topologyKey, selector: labelSelectorFromObject(c.labelSelector), honorAffinity: (c.nodeAffinityPolicy ?? 'Honor') === 'Honor', honorTaints: c.nodeTaintsPolicy === 'Honor'}]
        } catch {
          return []
        }
      })
    return {constraints, requireAll: true}
  }
  const selector = snap.defaultSelector(pod)
  if (!selector || selector.requirements.length === 0) return {constraints: [], requireAll: false}
  const base = {selector, honorAffinity: true, honorTaints: false}
  return {constraints: [{...base, maxSkew: 3, topologyKey: HOSTNAME}, {...base, maxSkew: 5, topologyKey: ZONE}], requireAll: false}
}

const labelsOf = (node: Node): Record<string, string> => (node.metadata?.labels ?? {}) as Record<string, string>
const has = (node: Node, key: string): boolean => Object.prototype.hasOwnProperty.call(labelsOf(node), key)

function countMatching(pods: readonly Pod[], selector: LabelSelector, namespace: string | undefined): number {
  let n = 0
  for (const p of pods) if (!p.metadata?.deletionTimestamp && p.metadata?.namespace === namespace && matchLabelSelector(selector, p.metadata?.labels)) n++
  return n
}

/** PreScore over the feasible nodes; undefined when the plugin skips (no constraint to score). */
export function spreadPreScore(pod: Pod, snap: Snapshot, feasible: Node[]): SpreadScoreState | undefined {
  const {constraints, requireAll} = constraintsOf(pod, snap)
  if (constraints.length === 0) return undefined
  const s: SpreadScoreState = {pod, constraints, requireAll, ignored: new Set(), counts: constraints.map(() => new Map()), weights: []}
  for (const node of feasible) {
    if (requireAll && !constraints.every((c) => has(node, c.topologyKey))) {
      s.ignored.add(node.metadata?.name ?? '')
      continue
    }
    constraints.forEach((c, i) => {
      if (c.topologyKey !== HOSTNAME && has(node, c.topologyKey) && !s.counts[i]!.has(labelsOf(node)[c.topologyKey]!)) s.counts[i]!.set(labelsOf(node)[c.topologyKey]!, 0)
    })
  }
  for (const node of snap.nodes) {
    if (requireAll && !constraints.every((c) => has(node, c.topologyKey))) continue
    constraints.forEach((c, i) => {
      if (c.topologyKey === HOSTNAME || !has(node, c.topologyKey)) return
      if ((c.honorAffinity && !matchesNodeRequirements(pod, node)) || (c.honorTaints && untoleratedTaint(pod, node))) return
      const v = labelsOf(node)[c.topologyKey]!
      if (!s.counts[i]!.has(v)) return
      s.counts[i]!.set(v, s.counts[i]!.get(v)! + countMatching(snap.podsOn(node.metadata?.name ?? ''), c.selector, pod.metadata?.namespace))
    })
  }
  s.weights = constraints.map((c, i) => Math.log((c.topologyKey === HOSTNAME ? feasible.length - s.ignored.size : s.counts[i]!.size) + 2))
  return s
}

/** Score and NormalizeScore over the feasible nodes. */
export function spreadScores(s: SpreadScoreState, snap: Snapshot, nodes: Node[]): number[] {
  const raw = nodes.map((node) => {
    if (s.ignored.has(node.metadata?.name ?? '')) return -1
    let score = 0
    s.constraints.forEach((c, i) => {
      if (!has(node, c.topologyKey)) return
      const cnt = c.topologyKey === HOSTNAME ? countMatching(snap.podsOn(node.metadata?.name ?? ''), c.selector, s.pod.metadata?.namespace) : (s.counts[i]!.get(labelsOf(node)[c.topologyKey]!) ?? 0)
      score += cnt * s.weights[i]! + (c.maxSkew - 1)
    })
    return Math.round(score)
  })
  const valid = raw.filter((x) => x >= 0)
  const min = valid.length ? Math.min(...valid) : 0
  const max = valid.length ? Math.max(...valid) : 0
  return raw.map((x) => (x < 0 ? 0 : max === 0 ? 100 : Math.trunc((100 * (max + min - x)) / max)))
}
