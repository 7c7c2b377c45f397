// The kubelets: one logical kubelet per node whose kubelet is running (no `ksim.io/kubelet-stopped`),
// all inside the reconciler. Each heartbeats (node Lease, node conditions) and syncs the pods bound to
// its node — admission, volumes, sandbox and IP, containers through the Runtime, status, events, and
// graceful termination ending in the final delete. Decisions are made by the pure planners
// (pod.ts and its neighbours in this folder); this file reads the cache and writes through the API.
import type {Pod} from 'kubernetes-types/core/v1.js'
import type {KObject, ObjectOf} from '../../api/types.js'
import type {NodeContext, PodPlan} from './pod.js'
import type {NodeUsage} from '../scheduler/pod-resources.js'
import type {Runtime} from './runtime.js'
import type {Controller, ControllerContext, ReconcileResult} from '../types.js'

import {isStatusError} from '../../api/errors.js'
import {podType} from '../../api/kinds/pod.js'
import {compareText, monotonicOf} from '../../api/types.js'
import {NODE_LEASE_NAMESPACE, kubeletRunning, planHeartbeat} from './heartbeat.js'
import {KubeletMemory} from './memory.js'
import {usedPodIPs} from './network.js'
import {planPod} from './pod.js'
import {nodeUsage} from '../scheduler/pod-resources.js'
import {SimulatedRuntime} from './simulated-runtime.js'
import {lostRace} from '../writes.js'

// a write that lost a race (the object changed or went away) is simply tried again on the next pass

/** a change of the wall clock against the monotonic one this large is a step, not drift */
const CLOCK_STEP_MS = 1000

const hasKubeletStatus = (p: Pod): boolean => (p.status?.conditions ?? []).some((c) => c.type === 'PodReadyToStartContainers')

/** The kubelet controller. Its memory is the kubelets' memory: a new instance is a restarted kubelet. */
export class Kubelet implements Controller {
  readonly name = 'kubelet'
  readonly watches = ['Pod', 'Node', 'ConfigMap', 'Secret']
  readonly memory = new KubeletMemory()

  /** `runtime`: default the simulated runtime with the cluster profile's timings. */
  constructor(private readonly runtime?: Runtime) {}

  // wall clock minus monotonic clock at the last pass: a change is a step of the wall clock
  #skewMs?: number

  reconcile(ctx: ControllerContext): ReconcileResult {
    const now = ctx.clock.now()
    this.followClockSteps(now.getTime() - monotonicOf(ctx.clock))
    const runtime = this.runtime ?? new SimulatedRuntime(ctx.profile)
    const pods = ctx.cache.list('Pod')
    const lookup = (kind: 'ConfigMap' | 'Secret', ns: string, name: string): KObject | undefined => ctx.cache.get(kind, ns, name)
    const configs = this.memory.configEpoch([...ctx.cache.list('ConfigMap'), ...ctx.cache.list('Secret')])
    const byNode = new Map<string, ObjectOf<'Pod'>[]>()
    for (const p of pods) {
      const n = p.spec?.nodeName
      if (!n) continue
      const list = byNode.get(n)
      if (list) list.push(p)
      else byNode.set(n, [p])
    }
    let heartbeatAt: number | undefined
    let workAt: number | undefined
    let retryAt: number | undefined
    const live = new Set<string>()
    for (const node of ctx.cache.list('Node')) {
      if (!kubeletRunning(node)) continue
      const name = node.metadata.name!
      heartbeatAt = Math.min(heartbeatAt ?? Infinity, this.heartbeat(ctx, node, now))
      const images = this.memory.imagesOf(name)
      const nodePods = (byNode.get(name) ?? []).sort(byAge)
      for (const p of nodePods) {
        for (const s of p.status?.initContainerStatuses ?? []) if (s.imageID) images.add(s.image)
        for (const s of p.status?.containerStatuses ?? []) if (s.imageID) images.add(s.image)
      }
      // what the node's pods use is worked out only when a pod is admitted or given an IP in this pass
      let usedIPs: Set<string> | undefined
      let admitted: NodeUsage | undefined
      const context: NodeContext = {
        node,
        now: now.getTime(),
        runtime,
        lookup,
        images,
        get usedIPs() {
          return (usedIPs ??= usedPodIPs(nodePods, name))
        },
        get admitted() {
          return (admitted ??= nodeUsage(nodePods.filter(hasKubeletStatus), name))
        },
      }
      for (const pod of nodePods) {
        const uid = pod.metadata!.uid!
        live.add(uid)
        // nothing is due for a pod whose last sync found nothing to do, until it or what it reads changes
        if (this.memory.isSettled(uid, pod, node, configs)) continue
        const plan = planPod(pod, context, this.memory.pods.get(uid))
        if (!this.apply(ctx, pod, name, plan)) continue
        this.memory.pods.set(uid, plan.memo)
        if (!plan.status && plan.events.length === 0 && !plan.remove && plan.nextAtMs === undefined) this.memory.settle(uid, pod, node, configs)
        if (plan.nextAtMs === undefined) continue
        if (plan.busy) workAt = Math.min(workAt ?? Infinity, plan.nextAtMs)
        else retryAt = Math.min(retryAt ?? Infinity, plan.nextAtMs)
      }
    }
    this.memory.retain(live)
    const next = Math.min(heartbeatAt ?? Infinity, workAt ?? Infinity, retryAt ?? Infinity)
    if (next === Infinity) return {}
    return {requeueAfterMs: Math.max(0, next - now.getTime()), background: workAt === undefined}
  }

  // the wall clock stepped (NTP, a manual change) since the last pass: deadlines move with it, so each
  // still ends its own duration after it began, and nothing ends early or hangs on until the clock returns
  private followClockSteps(skewMs: number): void {
    const before = this.#skewMs
    this.#skewMs = skewMs
    if (before !== undefined && Math.abs(skewMs - before) >= CLOCK_STEP_MS) this.memory.shiftDeadlines(skewMs - before)
    else this.#skewMs = before ?? skewMs
  }

  // renews the node's lease and posts its conditions when due; returns when the next beat is due
  private heartbeat(ctx: ControllerContext, node: ObjectOf<'Node'>, now: Date): number {
    const lease = ctx.cache.get('Lease', NODE_LEASE_NAMESPACE, node.metadata.name!)
    const plan = planHeartbeat(node, lease, now)
    try {
      if (plan.lease) {
        if (plan.lease.metadata.resourceVersion) ctx.api.update(plan.lease)
        else ctx.api.create(plan.lease)
      }
      if (plan.node) ctx.api.update(plan.node)
    } catch (error) {
      if (!lostRace(error) && !isStatusError(error, 'AlreadyExists')) throw error
    }
    return plan.nextAtMs
  }

  // posts the status, records the events, deletes a finished pod; false when the pod changed under us
  private apply(ctx: ControllerContext, pod: ObjectOf<'Pod'>, node: string, plan: PodPlan): boolean {
    let involved: KObject = pod
    if (plan.status) {
      const next = {...pod, status: plan.status}
      try {
        involved = ctx.api.updateStatus(next)
      } catch (error) {
        if (lostRace(error)) return false
        throw error
      }
    }
    for (const e of plan.events) {
      ctx.recorder.record({involved, fieldPath: e.fieldPath, type: e.type, reason: e.reason, message: e.message, source: {component: 'kubelet', host: node}})
    }
    if (plan.remove) {
      try {
        ctx.api.delete(podType, pod.metadata!.namespace!, pod.metadata!.name!, {gracePeriodSeconds: 0, preconditions: {uid: pod.metadata!.uid}})
      } catch (error) {
        if (!lostRace(error)) throw error
      }
    }
    return true
  }
}

/** Pods in the order a kubelet admits them: oldest first. */
function byAge(a: Pod, b: Pod): number {
  return compareText(a.metadata?.creationTimestamp ?? '', b.metadata?.creationTimestamp ?? '') || compareText(a.metadata?.name ?? '', b.metadata?.name ?? '')
}
