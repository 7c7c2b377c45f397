// The kubelets: one logical kubelet per node whose kubelet is running (no `ksim.io/kubelet-stopped`),
// all inside the reconciler. Each heartbeats (node Lease, node conditions) and syncs the pods bound to
// its node — admission, volumes, sandbox and IP, containers through the Runtime, status, events, and
// graceful termination ending in the final delete. Decisions are made by the pure planners
// (pod.ts and its neighbours in this folder); this file reads the cache and writes through the API.
import type {Pod} from 'kubernetes-types/core/v1.js'
import type {KObject, ObjectOf} from '../../api/types.js'
import {keyOf, objectKey, onlyConditions, splitKey} from '../keys.js'
import type {NodeContext, PodPlan} from './pod.js'
import type {NodeUsage} from '../scheduler/pod-resources.js'
import type {Runtime} from './runtime.js'
import type {Controller, ControllerContext, ObjectCache, ReconcileResult, Watch} from '../types.js'

import {isStatusError} from '../../api/errors.js'
import {podType} from '../../api/kinds/pod.js'
import {compareText, monotonicOf} from '../../api/types.js'
import {NODE_LEASE_NAMESPACE, kubeletRunning, planHeartbeat} from './heartbeat.js'
import {KubeletMemory} from './memory.js'
import {usedPodIPs} from './network.js'
import {planPod} from './pod.js'
import {nodeUsage} from '../scheduler/pod-resources.js'
import {SimulatedRuntime} from './simulated-runtime.js'
import {DEFAULT_HANDLER, HandlerRuntime} from './runtime-handlers.js'
import {reapPod} from './process/reap.js'
import {stopSandbox} from './process/sandbox.js'
import {removePodVolumes, removeOrphanedPods} from './process/pod-volumes.js'
import {lostRace} from '../writes.js'

// a write that lost a race (the object changed or went away) is simply tried again on the next pass

/** how often the heartbeat looks for the folders of pods that are gone */
const ORPHAN_CHECK_MS = 60_000

/** heartbeats are due on whole seconds of the wall clock */
const BEAT_ALIGN_MS = 1000

/** a change of the wall clock against the monotonic one this large is a step, not drift */
const CLOCK_STEP_MS = 1000

const hasKubeletStatus = (p: Pod): boolean => (p.status?.conditions ?? []).some((c) => c.type === 'PodReadyToStartContainers')

/**
 * What the pods of one node share while the node's pods are the same (the cache hands out the same
 * list until one of them changes): allocations made since are added in place.
 */
interface NodeScratch {
  pods: readonly Pod[]
  usedIPs?: Set<string>
  admitted?: NodeUsage
}

/**
 * The kubelet controller. Its keys are node names (the heartbeat) and pod keys `namespace/name` (the
 * pod's sync). Its memory is the kubelets' memory: a new instance is a restarted kubelet.
 */
export class Kubelet implements Controller {
  readonly name = 'kubelet'
  readonly watches: readonly Watch[] = [
    // a node's change concerns its heartbeat and every pod bound to it (kubelet stopped, taints, addresses),
    // except the kubelet's own condition posts, which no pod's sync reads
    {kind: 'Node', map: (c, cache) => (onlyConditions(c) ? [c.name] : [c.name, ...cache.podsOnNode(c.name).map(keyOf)])},
    {kind: 'Pod', map: (c) => (podNode(c.object) ?? podNode(c.previous) ? [objectKey(c.namespace, c.name)] : [])},
    {kind: 'ConfigMap', map: (c, cache) => boundPodKeys(cache, c.namespace)},
    {kind: 'Secret', map: (c, cache) => boundPodKeys(cache, c.namespace)},
  ]
  readonly memory = new KubeletMemory()
  /** pod key → the uid whose memory is kept */
  readonly #uids = new Map<string, string>()
  /** per node, for the list of its pods it was worked out from */
  readonly #scratch = new Map<string, NodeScratch>()
  /** the nodes whose pods' statuses this instance has learned images from */
  readonly #imagesLearned = new Set<string>()
  /** the cache revision `#configs` was worked out at */
  #configsAt = -1
  #configs = 0
  /** when (monotonic) the next look for orphaned pod folders is due */
  #orphansDueMs = -Infinity

  /**
   * `runtime`: default the node's handlers (runtime-handlers.ts): the simulated runtime with the cluster
   * profile's timings, and the process runtime keeping its instances in `opts.containersDir`.
   */
  constructor(
    private readonly runtime?: Runtime,
    private readonly opts: {containersDir?: string} = {},
  ) {}

  // wall clock minus monotonic clock at the last pass: a change is a step of the wall clock
  #skewMs?: number

  keys(cache: ObjectCache): string[] {
    const keys: string[] = []
    for (const node of cache.list('Node')) {
      keys.push(node.metadata.name!)
      for (const p of [...cache.podsOnNode(node.metadata.name!)].sort(byAge)) keys.push(keyOf(p))
    }
    return keys
  }

  reconcile(ctx: ControllerContext, key: string): ReconcileResult {
    const now = ctx.clock.now()
    this.followClockSteps(now.getTime() - monotonicOf(ctx.clock))
    const {namespace, name} = splitKey(key)
    if (!namespace) {
      const node = ctx.cache.get('Node', '', name)
      if (!node || !kubeletRunning(node)) return {}
      // housekeeping: the folders and processes of pods that went while no reconciler ran (at the first
      // beat, then once a minute: a pod deleted while this instance runs is reaped by its own sync)
      const nowMs = monotonicOf(ctx.clock)
      if (this.opts.containersDir && nowMs >= this.#orphansDueMs) {
        this.#orphansDueMs = nowMs + ORPHAN_CHECK_MS
        removeOrphanedPods(this.opts.containersDir, () => new Set(ctx.cache.list('Pod').map((p) => p.metadata.uid!)))
      }
      // beats falling due within the same second run together, in one write transaction: at 500 nodes,
      // one commit a second instead of 50 separate ones (most of an idle reconciler's time)
      const due = Math.ceil(this.heartbeat(ctx, node, now) / BEAT_ALIGN_MS) * BEAT_ALIGN_MS
      return {requeueAfterMs: Math.max(0, due - now.getTime()), background: true}
    }
    return this.syncPod(ctx, key, ctx.cache.get('Pod', namespace, name), now)
  }

  // one pod's sync: plan, write, remember; when it next needs one
  private syncPod(ctx: ControllerContext, key: string, pod: ObjectOf<'Pod'> | undefined, now: Date): ReconcileResult {
    const uid = pod?.metadata.uid
    const known = this.#uids.get(key)
    if (known !== undefined && known !== uid) {
      this.memory.forget(known)
      // a pod gone (or replaced by another of its name): whatever of it still runs is killed
      if (this.opts.containersDir) reapPod(this.opts.containersDir, known)
      if (this.opts.containersDir) removePodVolumes(this.opts.containersDir, known)
    }
    const nodeName = pod?.spec?.nodeName
    const node = nodeName ? ctx.cache.get('Node', '', nodeName) : undefined
    if (!pod || !uid || !node || !kubeletRunning(node)) {
      if (uid) this.memory.forget(uid)
      this.#uids.delete(key)
      return {}
    }
    this.#uids.set(key, uid)
    // a finished pod's sandbox (its namespaces' holder) ends, as the kubelet stops a finished pod's sandbox
    if (this.opts.containersDir && finishedForGood(pod)) stopSandbox(this.opts.containersDir, uid)
    const scratch = this.scratchOf(ctx, node.metadata.name!)
    const images = this.imagesOf(ctx, node.metadata.name!)
    // nothing is due for a pod whose last sync found nothing to do, until it or what it reads changes
    if (this.memory.isSettled(uid, pod, node, this.#configs)) return {}
    addImages(images, pod)
    const plan = planPod(pod, this.nodeContext(ctx, node, scratch, images, now), this.memory.pods.get(uid))
    if (!this.apply(ctx, pod, node.metadata.name!, plan)) return {}
    this.memory.pods.set(uid, plan.memo)
    if (!plan.status && plan.events.length === 0 && !plan.remove && plan.nextAtMs === undefined) this.memory.settle(uid, pod, node, this.#configs)
    if (plan.nextAtMs === undefined) return {}
    return {requeueAfterMs: Math.max(0, plan.nextAtMs - now.getTime()), background: !plan.busy}
  }

  // what the node's pods share; worked out again once the node's pods changed in the cache (a write
  // of ours among them once the cache has caught up with it). At every cache revision, as it was, the
  // 200 pods of a node were read again for each pod's sync.
  private scratchOf(ctx: ControllerContext, node: string): NodeScratch {
    const revision = ctx.cache.revision()
    if (revision !== this.#configsAt) {
      this.#configsAt = revision
      this.#configs = this.memory.configEpoch([...ctx.cache.list('ConfigMap'), ...ctx.cache.list('Secret')])
    }
    const pods = ctx.cache.podsOnNode(node)
    let s = this.#scratch.get(node)
    if (s?.pods !== pods) this.#scratch.set(node, (s = {pods}))
    return s
  }

  // the images present on the node: a restarted kubelet (a new instance) learns them from its pods'
  // statuses once; after that its memory has every image it pulled (each sync adds its pod's)
  private imagesOf(ctx: ControllerContext, node: string): Set<string> {
    const images = this.memory.imagesOf(node)
    if (!this.#imagesLearned.has(node)) {
      this.#imagesLearned.add(node)
      for (const p of ctx.cache.podsOnNode(node)) addImages(images, p)
    }
    return images
  }

  private nodeContext(ctx: ControllerContext, node: ObjectOf<'Node'>, scratch: NodeScratch, images: Set<string>, now: Date): NodeContext {
    const name = node.metadata.name!
    const pods = scratch.pods
    return {
      node,
      now: now.getTime(),
      runtime: this.runtime ?? this.handlers(ctx),
      lookup: (kind, ns, n) => ctx.cache.get(kind, ns, n),
      images,
      // what the node's pods use is worked out only when a pod is admitted or given an IP
      get usedIPs() {
        return (scratch.usedIPs ??= usedPodIPs(pods, name))
      },
      get admitted() {
        return (scratch.admitted ??= nodeUsage(pods.filter(hasKubeletStatus), name))
      },
    }
  }

  // the node's runtime handlers, reading RuntimeClasses, ConfigMaps and Secrets from the cache
  private handlers(ctx: ControllerContext): Runtime {
    const lookup: NodeContext['lookup'] = (kind, ns, n) => ctx.cache.get(kind, ns, n)
    return new HandlerRuntime(new SimulatedRuntime(ctx.profile), lookup, ctx.profile.defaultRuntimeHandler ?? DEFAULT_HANDLER, this.opts.containersDir, (ns) => ctx.cache.list('Service', ns))
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

// a pod in a terminal phase whose containers all stopped (a pod past its deadline is Failed before they are killed)
function finishedForGood(p: Pod): boolean {
  if (p.status?.phase !== 'Succeeded' && p.status?.phase !== 'Failed') return false
  return ![...(p.status.initContainerStatuses ?? []), ...(p.status.containerStatuses ?? [])].some((s) => s.state?.running)
}

function addImages(images: Set<string>, p: Pod): void {
  for (const s of p.status?.initContainerStatuses ?? []) if (s.imageID) images.add(s.image)
  for (const s of p.status?.containerStatuses ?? []) if (s.imageID) images.add(s.image)
}

const podNode = (o: KObject | undefined): string | undefined => (o?.spec as {nodeName?: string} | undefined)?.nodeName || undefined

// the keys of the pods of a namespace that are bound to a node
const boundPodKeys = (cache: ObjectCache, namespace: string): string[] => cache.list('Pod', namespace).filter((p) => p.spec?.nodeName).map(keyOf)

/** Pods in the order a kubelet admits them: oldest first. */
function byAge(a: Pod, b: Pod): number {
  return compareText(a.metadata?.creationTimestamp ?? '', b.metadata?.creationTimestamp ?? '') || compareText(a.metadata?.name ?? '', b.metadata?.name ?? '')
}
