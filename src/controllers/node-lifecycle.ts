// The node lifecycle controller (kube-controller-manager's nodelifecycle): watches the kubelets'
// heartbeats; after --node-monitor-grace-period without one it marks the node's conditions Unknown,
// taints it node.kubernetes.io/unreachable (NoSchedule and NoExecute) and sets its pods' Ready
// condition False. When the kubelet posts Ready again the taints go. Staleness is judged as upstream,
// from when this process last saw the heartbeat change (its probe time), so time the reconciler was
// not running never counts against a node; a node whose kubelet runs counts as heartbeating.
import type {PodCondition} from 'kubernetes-types/core/v1.js'
import type {KObject, ObjectOf} from '../api/types.js'
import type {LeaseSpec} from '../api/kinds/lease.js'
import type {Controller, ControllerContext, ObjectCache, ObjectChange, ReconcileResult, Watch} from './types.js'

import {keysOf, mergeResults} from './keys.js'

import {rfc3339} from '../api/types.js'
import {NODE_LEASE_NAMESPACE, kubeletRunning} from './kubelet/heartbeat.js'
import {readyCondition, reconcileTaints, unknownConditions, wantedTaintKey} from './node-health.js'
import {lostRace} from './writes.js'


/** A write lost to another writer is retried this soon. */
const RETRY_MS = 1000

// the node of a changed pod when that node's Ready condition is not True
function notReadyNodeOf(c: ObjectChange, cache: ObjectCache): string[] {
  const node = (c.object?.spec as {nodeName?: string} | undefined)?.nodeName
  if (!node) return []
  const status = readyCondition(cache.get('Node', '', node) ?? {apiVersion: 'v1', kind: 'Node', metadata: {}})?.status
  return status === undefined || status === 'True' ? [] : [node]
}

/** Node events are filed under the node's name as uid, as the recorders of node-controller and kubelet do. */
export function nodeEventRef(node: KObject): KObject {
  return {...node, metadata: {...node.metadata, uid: node.metadata.name, namespace: undefined}}
}

/** The node lifecycle controller. Its memory (probe times) starts empty with each process. */
export class NodeLifecycleController implements Controller {
  readonly name = 'node-lifecycle'
  readonly watches: readonly Watch[] = [
    {kind: 'Node'},
    // a node Lease renewal is its heartbeat
    {kind: 'Lease', map: (c) => (c.namespace === NODE_LEASE_NAMESPACE ? [c.name] : [])},
    // a pod matters only on a node that is not Ready (its Ready condition goes False)
    {kind: 'Pod', map: (c, cache) => notReadyNodeOf(c, cache)},
  ]
  /** per node: the heartbeat last seen and when this process first saw it */
  private readonly probes = new Map<string, {seen: string; atMs: number; running: boolean}>()

  keys(cache: ObjectCache): string[] {
    return keysOf(cache, 'Node')
  }

  reconcile(ctx: ControllerContext, name: string): ReconcileResult {
    const now = ctx.clock.now()
    const nowMs = now.getTime()
    const cached = ctx.cache.get('Node', '', name)
    if (!cached) {
      this.probes.delete(name)
      return {}
    }
    const graceMs = ctx.profile.nodeMonitorGracePeriodSeconds * 1000
    const lease = ctx.cache.get('Lease', NODE_LEASE_NAMESPACE, name)
    const seen = `${(lease?.spec as LeaseSpec | undefined)?.renewTime ?? ''}|${readyCondition(cached)?.lastHeartbeatTime ?? ''}`
    // a running simulated kubelet always heartbeats in time (its 10 s lease renewals would otherwise
    // trip a grace period shorter than that): staleness counts from when this process saw it stop
    const running = kubeletRunning(cached)
    let probe = this.probes.get(name)
    if (!probe || probe.seen !== seen || running || probe.running !== running) {
      probe = {seen, atMs: nowMs, running}
      this.probes.set(name, probe)
    }
    const staleAt = probe.atMs + graceMs
    const retry = {requeueAfterMs: RETRY_MS}
    let next: ReconcileResult = {}
    let node: ObjectOf<'Node'> | undefined = cached
    if (nowMs >= staleAt) node = this.markUnknown(ctx, cached, now)
    // a stopped kubelet is work in progress: the reconciler stays up to notice the silence
    else next = {requeueAfterMs: staleAt - nowMs, background: running}
    if (!node) return retry
    if (!this.syncTaints(ctx, node, now) || !this.markPodsNotReady(ctx, node, ctx.cache.podsOnNode(name), now)) return mergeResults(next, retry)
    return next
  }

  // the grace period has passed: conditions Unknown and the NodeNotReady event; the node as written
  private markUnknown(ctx: ControllerContext, cached: ObjectOf<'Node'>, now: Date): ObjectOf<'Node'> | undefined {
    const conditions = unknownConditions(cached, now)
    if (!conditions) return cached
    const wasReady = readyCondition(cached)?.status === 'True'
    const next: KObject = structuredClone(cached)
    next.status = {...(next.status as object), conditions}
    let written: ObjectOf<'Node'>
    try {
      written = ctx.api.update(next) as ObjectOf<'Node'>
    } catch (error) {
      if (lostRace(error)) return undefined
      throw error
    }
    if (wasReady) {
      const name = cached.metadata.name!
      ctx.recorder.record({involved: nodeEventRef(written), type: 'Normal', reason: 'NodeNotReady', message: `Node ${name} status is now: NodeNotReady`, source: {component: 'node-controller'}})
    }
    return written
  }

  // unreachable / not-ready taints as the Ready condition says; NodeReady when they go because it is True
  private syncTaints(ctx: ControllerContext, node: ObjectOf<'Node'>, now: Date): boolean {
    const key = wantedTaintKey(node)
    const taints = reconcileTaints(node, key, now)
    if (!taints) return true
    const next: KObject = structuredClone(node)
    const spec = (next.spec ?? {}) as Record<string, unknown>
    if (taints.length > 0) spec.taints = taints
    else delete spec.taints
    next.spec = spec
    let written: KObject
    try {
      written = ctx.api.update(next)
    } catch (error) {
      if (lostRace(error)) return false
      throw error
    }
    if (!key) {
      const name = node.metadata.name!
      ctx.recorder.record({involved: nodeEventRef(written), type: 'Normal', reason: 'NodeReady', message: `Node ${name} status is now: NodeReady`, source: {component: 'kubelet', host: name}})
    }
    return true
  }

  // MarkPodsNotReady: on a node that is not Ready, each pod's Ready condition becomes False
  private markPodsNotReady(ctx: ControllerContext, node: ObjectOf<'Node'>, pods: readonly ObjectOf<'Pod'>[], now: Date): boolean {
    const status = readyCondition(node)?.status
    if (status === undefined || status === 'True') return true
    let ok = true
    for (const pod of pods) {
      const conditions = pod.status?.conditions ?? []
      if (!conditions.some((c) => c.type === 'Ready' && c.status === 'True')) continue
      const next: KObject = structuredClone(pod)
      const st = next.status as {conditions: PodCondition[]}
      st.conditions = conditions.map((c) => (c.type === 'Ready' ? {...c, status: 'False', lastTransitionTime: rfc3339(now)} : c))
      let written: KObject
      try {
        written = ctx.api.update(next)
      } catch (error) {
        if (!lostRace(error)) throw error
        ok = false
        continue
      }
      ctx.recorder.record({involved: written, type: 'Warning', reason: 'NodeNotReady', message: 'Node is not ready', source: {component: 'node-controller'}})
    }
    return ok
  }
}
