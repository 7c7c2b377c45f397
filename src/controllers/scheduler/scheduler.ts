// The default scheduler: binds each pod that has no node (and asks for default-scheduler) to the node
// its filters accept with the highest score (score.ts; ties to the first filtered: by name below 100 nodes,
// from a rotating start above, as decide.ts's numFeasibleNodesToFind says). A pod that fits nowhere
// gets PodScheduled=False/Unschedulable and a FailedScheduling event with kube-scheduler's message, and
// is tried again when something that could make room happens — a node added or changed, a bound pod
// gone or finished, the pod itself changed — or after 5 minutes (podMaxInUnschedulablePodsDuration).
import type {Pod} from 'kubernetes-types/core/v1.js'
import type {Controller, ControllerContext, ReconcileResult} from '../types.js'
import {clusterKeys, clusterWatches} from '../keys.js'

import {isStatusError} from '../../api/errors.js'
import {compareText, monotonicOf} from '../../api/types.js'
import {isTerminalPhase} from '../kubelet/status.js'
import {BoundPods} from './bound-pods.js'
import {defaultSelectorOf} from './default-selector.js'
import {hasPodAffinity} from './affinity-score.js'
import {hasRequiredAntiAffinity, type Snapshot} from './cycle-state.js'
import {decide} from './decide.js'
import type {PodDisruptionBudgetLike} from './pdb.js'
import {markUnschedulable, preemptVictims} from './writes.js'

export {decide, type Decision} from './decide.js'

/** The scheduler's name: pods ask for it in spec.schedulerName; its events come from it. */
export const SCHEDULER_NAME = 'default-scheduler'
/** the longest a pass places pods before it lets the other controllers run (and comes back at once) */
const SLICE_MS = 1000
/** podMaxInUnschedulablePodsDuration */
export const UNSCHEDULABLE_RETRY_MS = 5 * 60_000

/** Pods waiting for this scheduler, in its queue's order: priority, then age, then name. */
export function schedulingQueue<P extends Pod>(pods: P[]): P[] {
  return pods
    .filter((p) => !p.spec?.nodeName && !p.metadata?.deletionTimestamp && (p.spec?.schedulerName ?? SCHEDULER_NAME) === SCHEDULER_NAME)
    .filter((p) => !(p.spec?.schedulingGates ?? []).length && !isTerminalPhase(p.status?.phase))
    .sort((a, b) => (b.spec?.priority ?? 0) - (a.spec?.priority ?? 0) || compareText(a.metadata?.creationTimestamp ?? '', b.metadata?.creationTimestamp ?? '') || compareText(a.metadata?.name ?? '', b.metadata?.name ?? ''))
}

interface Attempt {
  nodes: string
  spec: string
  releases: number
  /** for a pod rejected for other pods' placement (affinity, spread): the pods bound then */
  adds?: number
  atMs: number
}

/** The scheduler controller. Its memory (the unschedulable queue) is lost on restart: all pods are tried again. */
export class Scheduler implements Controller {
  readonly name = 'scheduler'
  readonly watches = clusterWatches(['Pod', 'Node'])
  readonly keys = clusterKeys
  readonly #attempts = new Map<string, Attempt>()
  readonly #bound = new BoundPods()
  #releases = 0
  #adds = 0
  /** nextStartNodeIndex: where the next pod's filtering starts among the nodes (sorted by name) */
  readonly #cursor = {next: 0}

  reconcile(ctx: ControllerContext): ReconcileResult {
    const startedMs = monotonicOf(ctx.clock)
    const now = ctx.clock.now()
    const pods = ctx.cache.list('Pod')
    const queue = schedulingQueue(pods)
    if (queue.length === 0) {
      // nobody waits: nothing to place, and room made now helps no one
      this.#attempts.clear()
      return {}
    }
    const nodes = ctx.cache.list('Node').sort((a, b) => (a.metadata!.name! < b.metadata!.name! ? -1 : 1))
    const view = this.#bound.refresh(nodes, (n) => ctx.cache.podsOnNode(n))
    const {usage} = view
    const snap: Snapshot = {nodes, podsOn: view.podsOn, withAnti: view.withAnti, withAffinity: view.withAffinity, nsLabels: namespaceLabels(ctx), defaultSelector: defaultSelectorOf(ctx.cache)}
    // a bound pod that went away or finished may have made room; one newly bound may be what a pod's
    // affinity waits for (only pods rejected for such reasons look at that count)
    if (view.released) this.#releases++
    this.#adds += view.arrived
    const nodesKey = JSON.stringify(nodes.map((n) => [n.metadata?.name, n.metadata?.labels, n.spec?.taints, n.spec?.unschedulable, n.status?.allocatable]))
    // pods nominated to a node by an earlier preemption: pods of lower priority leave room for them
    const nominated = new Map<string, Pod[]>()
    for (const p of queue) {
      const n = p.status?.nominatedNodeName
      if (n) nominated.set(n, [...(nominated.get(n) ?? []), p])
    }
    const pdbs = ctx.cache.list('PodDisruptionBudget') as PodDisruptionBudgetLike[]
    let next: number | undefined
    for (const pod of queue) {
      // a long queue (thousands of pods created at once) is placed a slice at a time, the kubelets
      // starting the pods bound so far in between, as kube-scheduler and the kubelets run side by side
      if (monotonicOf(ctx.clock) - startedMs > SLICE_MS) return {requeueAfterMs: 0}
      const uid = pod.metadata!.uid!
      const last = this.#attempts.get(uid)
      const same = last && last.nodes === nodesKey && last.releases === this.#releases && (last.adds === undefined || last.adds === this.#adds)
      if (last && same && now.getTime() - last.atMs < UNSCHEDULABLE_RETRY_MS && last.spec === JSON.stringify(pod.spec)) {
        next = Math.min(next ?? Infinity, last.atMs + UNSCHEDULABLE_RETRY_MS)
        continue
      }
      const decision = decide(pod, snap, usage, nominated, pdbs, now.getTime(), this.#cursor)
      if ('node' in decision) {
        if (this.bind(ctx, pod, decision.node)) {
          this.#bound.bind(decision.node, pod)
          if (hasRequiredAntiAffinity(pod)) snap.withAnti++
          if (hasPodAffinity(pod)) snap.withAffinity++
          this.#adds++
        }
        this.#attempts.delete(uid)
      } else {
        if (decision.preemption) {
          preemptVictims(ctx, pod, decision.preemption, queue, now)
          const n = decision.preemption.node
          nominated.set(n, [...(nominated.get(n) ?? []).filter((p) => p.metadata?.uid !== uid), pod])
        }
        markUnschedulable(ctx, pod, decision.message, now, decision.preemption ? decision.preemption.node : decision.clearNomination ? '' : undefined)
        const attempt: Attempt = {nodes: nodesKey, spec: JSON.stringify(pod.spec), releases: this.#releases, adds: decision.waitsForPods ? this.#adds : undefined, atMs: now.getTime()}
        this.#attempts.set(uid, attempt)
        next = Math.min(next ?? Infinity, attempt.atMs + UNSCHEDULABLE_RETRY_MS)
      }
    }
    const waiting = new Set(queue.map((p) => p.metadata!.uid!))
    for (const uid of this.#attempts.keys()) if (!waiting.has(uid)) this.#attempts.delete(uid)
    return next === undefined ? {} : {requeueAfterMs: Math.max(0, next - now.getTime()), background: true}
  }

  // the binding (pods/binding: spec.nodeName and PodScheduled=True) and the Scheduled event
  private bind(ctx: ControllerContext, pod: Pod, node: string): boolean {
    try {
      const stored = ctx.api.bind(pod.metadata!.namespace!, pod.metadata!.name!, node, {uid: pod.metadata!.uid, resourceVersion: pod.metadata!.resourceVersion})
      ctx.recorder.record({involved: stored, type: 'Normal', reason: 'Scheduled', message: `Successfully assigned ${pod.metadata?.namespace}/${pod.metadata?.name} to ${node}`, source: {component: SCHEDULER_NAME}})
      return true
    } catch (error) {
      if (isStatusError(error, 'Conflict') || isStatusError(error, 'NotFound')) return false
      throw error
    }
  }
}

/** Namespace labels by name, read once per pass when a namespaceSelector asks. */
function namespaceLabels(ctx: ControllerContext): (ns: string) => Record<string, string> | undefined {
  let byName: Map<string, Record<string, string>> | undefined
  return (ns) => {
    byName ??= new Map(ctx.cache.list('Namespace').map((n) => [n.metadata.name ?? '', (n.metadata.labels ?? {}) as Record<string, string>]))
    return byName.get(ns)
  }
}
