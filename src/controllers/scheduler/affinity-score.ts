// InterPodAffinity's score: per topology pair, the weights of the incoming pod's preferred affinity
// terms (+) and anti-affinity terms (-) that existing pods there match, plus, for existing pods, their
// required affinity terms (hardPodAffinityWeight 1) and preferred terms that the incoming pod matches.
// A node scores the sum over its labels; the scores are then scaled to 0-100 between the lowest and the
// highest. Skipped (no score) unless the pod or some bound pod has pod affinity of any kind.
import type {Node, Pod, WeightedPodAffinityTerm} from 'kubernetes-types/core/v1.js'
import type {Snapshot} from './cycle-state.js'

import {requiredTerms, termMatches, toTerm, type AffinityTerm, type NamespaceLabels} from './inter-pod-affinity.js'

const HARD_POD_AFFINITY_WEIGHT = 1

interface Weighted {
  term: AffinityTerm
  weight: number
}

const preferredMemo = [new WeakMap<Pod, Weighted[]>(), new WeakMap<Pod, Weighted[]>()]

/** The pod's preferred affinity (`anti` false) or anti-affinity terms with their weights. */
export function preferredTerms(pod: Pod, anti: boolean): Weighted[] {
  const a = pod.spec?.affinity
  const raw: WeightedPodAffinityTerm[] | undefined = (anti ? a?.podAntiAffinity : a?.podAffinity)?.preferredDuringSchedulingIgnoredDuringExecution
  if (!raw || raw.length === 0) return []
  const memo = preferredMemo[anti ? 1 : 0]!
  const hit = memo.get(pod)
  if (hit) return hit
  const terms = raw.flatMap((w) => {
    const term = toTerm(pod, w.podAffinityTerm)
    return term ? [{term, weight: w.weight}] : []
  })
  if (Object.isFrozen(pod)) memo.set(pod, terms)
  return terms
}

/** Whether a pod has pod affinity or anti-affinity of any kind. */
export const hasPodAffinity = (p: Pod): boolean => Boolean(p.spec?.affinity?.podAffinity || p.spec?.affinity?.podAntiAffinity)

type TopologyScore = Map<string, Map<string, number>>

function add(m: TopologyScore, term: AffinityTerm, weight: number, target: Pod, nsLabels: NamespaceLabels, node: Node): void {
  if (!termMatches(term, target, nsLabels)) return
  const labels = (node.metadata?.labels ?? {}) as Record<string, string>
  if (!Object.prototype.hasOwnProperty.call(labels, term.topologyKey)) return
  let byValue = m.get(term.topologyKey)
  if (!byValue) m.set(term.topologyKey, (byValue = new Map()))
  const v = labels[term.topologyKey]!
  byValue.set(v, (byValue.get(v) ?? 0) + weight)
}

/** PreScore: the score per topology pair, or undefined when the plugin skips. */
export function affinityPreScore(pod: Pod, snap: Snapshot): TopologyScore | undefined {
  const affinity = preferredTerms(pod, false)
  const anti = preferredTerms(pod, true)
  const has = affinity.length > 0 || anti.length > 0
  if (!has && snap.withAffinity === 0) return undefined
  const m: TopologyScore = new Map()
  for (const node of snap.nodes) {
    for (const existing of snap.podsOn(node.metadata?.name ?? '')) {
      if (!has && !hasPodAffinity(existing)) continue
      for (const w of affinity) add(m, w.term, w.weight, existing, snap.nsLabels, node)
      for (const w of anti) add(m, w.term, -w.weight, existing, snap.nsLabels, node)
      if (Object.keys(node.metadata?.labels ?? {}).length > 0) for (const t of requiredTerms(existing, false)) add(m, t, HARD_POD_AFFINITY_WEIGHT, pod, snap.nsLabels, node)
      for (const w of preferredTerms(existing, false)) add(m, w.term, w.weight, pod, snap.nsLabels, node)
      for (const w of preferredTerms(existing, true)) add(m, w.term, -w.weight, pod, snap.nsLabels, node)
    }
  }
  return m
}

/** Score and NormalizeScore over the feasible nodes. */
export function affinityScores(m: TopologyScore, nodes: Node[]): number[] {
  const raw = nodes.map((node) => {
    const labels = (node.metadata?.labels ?? {}) as Record<string, string>
    let s = 0
    for (const [key, byValue] of m) if (Object.prototype.hasOwnProperty.call(labels, key)) s += byValue.get(labels[key]!) ?? 0
    return s
  })
  if (m.size === 0) return raw
  const min = Math.min(...raw)
  const diff = Math.max(...raw) - min
  return raw.map((s) => (diff > 0 ? Math.trunc((100 * (s - min)) / diff) : 0))
}
