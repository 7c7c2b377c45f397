// The scheduler's view of the pods bound to each node, kept from one pass to the next: per node, the
// non-terminal pods bound to it, their summed requests and how many use pod (anti-)affinity. The cache
// hands out the same list for a node until one of that node's pods changes, so a pass brings only the
// nodes whose pods changed up to date, not every pod (rebuilding it all at each one-second slice of a
// long queue was the scheduler's largest cost at 100,000 pods).
import type {Node, Pod} from 'kubernetes-types/core/v1.js'

import {isTerminalPhase} from '../kubelet/status.js'
import {hasPodAffinity} from './affinity-score.js'
import {hasRequiredAntiAffinity} from './cycle-state.js'
import {addPod, type NodeUsage} from './pod-resources.js'

interface NodeEntry {
  /** the cache's list the entry was worked out from; undefined once this pass bound a pod to the node */
  source?: readonly Pod[]
  pods: Pod[]
  uids: Set<string>
  usage: NodeUsage
  anti: number
  affinity: number
}

/** What one refresh found: the pass's view, and what moved since the last refresh. */
export interface BoundView {
  podsOn: (node: string) => readonly Pod[]
  usage: Map<string, NodeUsage>
  withAnti: number
  withAffinity: number
  /** a pod bound at the last refresh (or bound by this scheduler since) is gone, finished or moved */
  released: boolean
  /** pods bound now that were not then */
  arrived: number
}

export class BoundPods {
  #entries = new Map<string, NodeEntry>()

  /** Brings the view up to date with `podsOnNode` (the cache's index) for `nodes`. */
  refresh(nodes: readonly Node[], podsOnNode: (node: string) => readonly Pod[]): BoundView {
    const entries = new Map<string, NodeEntry>()
    let released = false
    let arrived = 0
    for (const node of nodes) {
      const name = node.metadata!.name!
      const source = podsOnNode(name)
      const before = this.#entries.get(name)
      if (before && before.source === source) {
        entries.set(name, before)
        continue
      }
      const entry = entryOf(name, source)
      if (before) {
        for (const uid of before.uids) if (!entry.uids.has(uid)) released = true
        for (const uid of entry.uids) if (!before.uids.has(uid)) arrived++
      } else arrived += entry.uids.size
      entries.set(name, entry)
    }
    // a node gone with pods bound to it
    for (const [name, e] of this.#entries) if (!entries.has(name) && e.uids.size > 0) released = true
    this.#entries = entries
    const view: BoundView = {podsOn: (n) => entries.get(n)?.pods ?? [], usage: new Map(), withAnti: 0, withAffinity: 0, released, arrived}
    for (const [name, e] of entries) {
      view.usage.set(name, e.usage)
      view.withAnti += e.anti
      view.withAffinity += e.affinity
    }
    return view
  }

  /** Counts a pod this pass bound to `node` (in place: the view's usage and pod list see it at once). */
  bind(node: string, pod: Pod): void {
    const e = this.#entries.get(node)
    if (!e) return
    e.source = undefined
    e.pods.push(pod)
    e.uids.add(pod.metadata!.uid!)
    addPod(e.usage, pod)
    if (hasRequiredAntiAffinity(pod)) e.anti++
    if (hasPodAffinity(pod)) e.affinity++
  }
}

function entryOf(node: string, source: readonly Pod[]): NodeEntry {
  const e: NodeEntry = {source, pods: [], uids: new Set(), usage: {pods: 0, requested: {milliCPU: 0, memory: 0}, nonZeroRequested: {milliCPU: 0, memory: 0}}, anti: 0, affinity: 0}
  for (const p of source) {
    if (p.spec?.nodeName !== node || isTerminalPhase(p.status?.phase)) continue
    e.pods.push(p)
    e.uids.add(p.metadata!.uid!)
    addPod(e.usage, p)
    if (hasRequiredAntiAffinity(p)) e.anti++
    if (hasPodAffinity(p)) e.affinity++
  }
  return e
}
