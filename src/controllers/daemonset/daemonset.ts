// The DaemonSet controller (pkg/controller/daemon): per set, claims its pods and revisions, then on
// every node decides (nodes.ts) whether a daemon pod should run there: creates the missing ones,
// deletes those on nodes they no longer fit (an untolerated NoExecute taint, a changed selector), failed
// ones (recreated on the next pass) and duplicates; never for a node that merely stops — its pods
// tolerate not-ready and unreachable forever. Then RollingUpdate (update.ts), the history trimmed, and
// the status counts.
import type {Node} from 'kubernetes-types/core/v1.js'
import type {KObject, ObjectOf} from '../../api/types.js'
import type {Controller, ControllerContext, ObjectCache, ReconcileResult, Watch} from '../types.js'

import {keysOf, orphanClaimers, ownerKeys, splitKey} from '../keys.js'
import {podType} from '../../api/kinds/pod.js'
import {daemonSetType} from '../../api/kinds/daemonset.js'
import {isStatusError} from '../../api/errors.js'
import {compareText} from '../../api/types.js'
import {sortKeysDeep} from '../../machinery/sort-keys.js'
import {labelSelectorFromObject, matchLabelSelector, type LabelSelector} from '../../machinery/labels.js'
import {controllerRefFor, controllerRefOf} from '../deployment/workload-pods.js'
import {cleanupHistory, constructHistory} from './history.js'
import {newDaemonPod, nodeShouldRunDaemonPod, targetNode} from './nodes.js'
import {allowsSurge, rollingUpdate} from './update.js'
import {daemonSetStatus} from './status.js'

type PodObject = ObjectOf<'Pod'>

const SOURCE = {component: 'daemonset-controller'}
const OWNED_STATUS = ['currentNumberScheduled', 'desiredNumberScheduled', 'numberAvailable', 'numberMisscheduled', 'numberReady', 'numberUnavailable', 'observedGeneration', 'updatedNumberScheduled']

/** podByCreationTimestampAndPhase: oldest first. */
export const byAge = (a: KObject, b: KObject): number => compareText(a.metadata.creationTimestamp ?? '', b.metadata.creationTimestamp ?? '') || compareText(a.metadata.name ?? '', b.metadata.name ?? '')

/** Syncs one DaemonSet per key; a node change wakes every DaemonSet. */
export class DaemonSetController implements Controller {
  readonly name = 'daemonset'
  readonly watches: readonly Watch[] = [
    {kind: 'DaemonSet'},
    {kind: 'Pod', map: (c, cache) => [...ownerKeys(c, 'DaemonSet'), ...orphanClaimers(c, cache, 'DaemonSet')]},
    {kind: 'Node', map: (_c, cache) => keysOf(cache, 'DaemonSet')},
    {kind: 'ControllerRevision', map: (c) => ownerKeys(c, 'DaemonSet')},
  ]

  /** a failed create of the current pass, returned after the status so the key backs off */
  private failure?: Error

  keys(cache: ObjectCache): string[] {
    return keysOf(cache, 'DaemonSet')
  }

  reconcile(ctx: ControllerContext, key: string): ReconcileResult {
    const {namespace, name} = splitKey(key)
    const ds = ctx.cache.get('DaemonSet', namespace, name)
    if (!ds) return {}
    this.failure = undefined
    let selector: LabelSelector
    try {
      selector = labelSelectorFromObject(((ds.spec ?? {}) as {selector?: never}).selector ?? null)
    } catch {
      return {}
    }
    const nodes = [...ctx.cache.list('Node')].sort((a, b) => compareText(a.metadata.name ?? '', b.metadata.name ?? ''))
    const pods = this.claimPods(ctx, ds, selector)
    const {old, hash} = constructHistory(ctx, ds)
    if (!ds.metadata.deletionTimestamp) {
      const wrote = this.manage(ctx, ds, nodes, pods, hash)
      const strategy = ((ds.spec ?? {}) as {updateStrategy?: {type?: string}}).updateStrategy?.type
      // like the controller's expectations: the rolling update waits for the manage step's writes to be seen
      if (!wrote && strategy === 'RollingUpdate') {
        const plan = rollingUpdate(ds, hash, nodes, groupByNode(pods), ctx.clock.now())
        for (const pod of plan.deletes) this.deletePod(ctx, ds, pod)
        for (const node of plan.surgeNodes) this.createPod(ctx, ds, node, hash)
      }
      cleanupHistory(ctx, ds, old, pods)
    }
    const {status, availableAt} = daemonSetStatus(ds, nodes, groupByNode(pods), hash, ctx.clock.now())
    this.writeStatus(ctx, ds, status)
    if (this.failure) throw this.failure
    return availableAt === undefined ? {} : {requeueAfterMs: Math.max(1, availableAt - ctx.clock.now().getTime())}
  }

  /** manage / podsShouldBeOnNode / syncNodes; true when it wrote anything. */
  private manage(ctx: ControllerContext, ds: KObject, nodes: Node[], pods: PodObject[], hash: string): boolean {
    const byNode = groupByNode(pods)
    const surge = allowsSurge(ds)
    const creates: string[] = []
    const deletes: PodObject[] = []
    for (const node of nodes) {
      const nodeName = node.metadata!.name!
      const {shouldRun, shouldContinueRunning} = nodeShouldRunDaemonPod(ds, node)
      const here = byNode.get(nodeName) ?? []
      byNode.delete(nodeName)
      if (shouldRun && here.length === 0) creates.push(nodeName)
      else if (shouldContinueRunning) deletes.push(...this.extraPods(ctx, ds, nodeName, here, hash, surge))
      else deletes.push(...here.filter((p) => !p.metadata.deletionTimestamp))
    }
    // pods for nodes that no longer exist
    for (const rest of byNode.values()) deletes.push(...rest.filter((p) => !p.metadata.deletionTimestamp))
    for (const pod of deletes) this.deletePod(ctx, ds, pod)
    for (const node of creates) this.createPod(ctx, ds, node, hash)
    return creates.length + deletes.length > 0
  }

  /** The pods to delete on a node the set keeps running on: failed or finished ones, and duplicates. */
  private extraPods(ctx: ControllerContext, ds: KObject, node: string, pods: PodObject[], hash: string, surge: boolean): PodObject[] {
    const out: PodObject[] = []
    const running: PodObject[] = []
    for (const pod of pods) {
      if (pod.metadata.deletionTimestamp) continue
      const phase = pod.status?.phase
      if (phase === 'Failed') {
        const message = `Found failed daemon pod ${pod.metadata.namespace}/${pod.metadata.name} on node ${node}, will try to kill it`
        ctx.recorder.record({involved: ds, type: 'Warning', reason: 'FailedDaemonPod', message, source: SOURCE})
        out.push(pod)
      } else if (phase === 'Succeeded') out.push(pod)
      else running.push(pod)
    }
    running.sort(byAge)
    if (!surge) return [...out, ...running.slice(1)]
    // with surge: the oldest new pod and the oldest old pod may both stay while the new one is not ready
    let newest: PodObject | undefined
    let oldest: PodObject | undefined
    for (const pod of running) {
      const isNew = pod.metadata.labels?.['controller-revision-hash'] === hash
      if (isNew && !newest) newest = pod
      else if (!isNew && !oldest) oldest = pod
      else out.push(pod)
    }
    const ready = (p: PodObject): boolean => (p.status?.conditions ?? []).some((c) => c.type === 'Ready' && c.status === 'True')
    if (newest && oldest && (!ready(oldest) || ready(newest))) out.push(oldest)
    return out
  }

  private createPod(ctx: ControllerContext, ds: KObject, node: string, hash: string): void {
    try {
      const pod = ctx.api.create(newDaemonPod(ds, node, hash)).object
      ctx.recorder.record({involved: ds, type: 'Normal', reason: 'SuccessfulCreate', message: `Created pod: ${pod.metadata.name}`, source: SOURCE})
    } catch (error) {
      ctx.recorder.record({involved: ds, type: 'Warning', reason: 'FailedCreate', message: `Error creating: ${(error as Error).message}`, source: SOURCE})
      this.failure ??= error as Error
    }
  }

  private deletePod(ctx: ControllerContext, ds: KObject, pod: KObject): void {
    try {
      ctx.api.delete(podType, pod.metadata.namespace ?? 'default', pod.metadata.name!, {})
      ctx.recorder.record({involved: ds, type: 'Normal', reason: 'SuccessfulDelete', message: `Deleted pod: ${pod.metadata.name}`, source: SOURCE})
    } catch (error) {
      if (!isStatusError(error, 'NotFound')) ctx.log(`deleting pod ${pod.metadata.name}: ${(error as Error).message}`)
    }
  }

  /** ClaimPods: adopts matching orphans, releases owned pods that stopped matching. */
  private claimPods(ctx: ControllerContext, ds: KObject, selector: LabelSelector): PodObject[] {
    const owned: PodObject[] = []
    for (const pod of ctx.cache.list('Pod', ds.metadata.namespace ?? 'default')) {
      const ref = controllerRefOf(pod)
      const matches = matchLabelSelector(selector, pod.metadata.labels)
      if (ref) {
        if (ref.uid !== ds.metadata.uid) continue
        if (matches || ds.metadata.deletionTimestamp) owned.push(pod)
        else this.patchPod(ctx, pod, (p) => void (p.metadata.ownerReferences = (p.metadata.ownerReferences ?? []).filter((r) => r.uid !== ds.metadata.uid)))
        continue
      }
      if (!matches || ds.metadata.deletionTimestamp || pod.metadata.deletionTimestamp) continue
      const adopted = this.patchPod(ctx, pod, (p) => {
        if (controllerRefOf(p)) return false
        p.metadata.ownerReferences = [...(p.metadata.ownerReferences ?? []), controllerRefFor(ds)]
      })
      if (adopted && controllerRefOf(adopted)?.uid === ds.metadata.uid) owned.push(adopted)
    }
    return owned
  }

  private patchPod(ctx: ControllerContext, pod: KObject, change: (p: KObject) => boolean | void): PodObject | undefined {
    try {
      return ctx.api.modify<PodObject>(podType, pod.metadata.namespace ?? 'default', pod.metadata.name!, change)
    } catch (error) {
      if (isStatusError(error, 'NotFound') || isStatusError(error, 'Conflict')) return undefined
      throw error
    }
  }

  private writeStatus(ctx: ControllerContext, ds: KObject, status: Record<string, number>): void {
    ctx.api.modify(daemonSetType, ds.metadata.namespace ?? 'default', ds.metadata.name!, (o) => {
      if (o.metadata.uid !== ds.metadata.uid) return false
      const merged: Record<string, unknown> = {...(o.status as Record<string, unknown> | undefined)}
      for (const k of OWNED_STATUS) delete merged[k]
      Object.assign(merged, status)
      const sorted = sortKeysDeep(merged)
      if (JSON.stringify(sorted) === JSON.stringify(sortKeysDeep(o.status ?? {}))) return false
      o.status = sorted
    })
  }
}

/** getNodesToDaemonPods: the pods by the node they are for. */
export function groupByNode(pods: PodObject[]): Map<string, PodObject[]> {
  const out = new Map<string, PodObject[]>()
  for (const pod of pods) {
    const node = targetNode(pod)
    if (node !== undefined) out.set(node, [...(out.get(node) ?? []), pod])
  }
  return out
}
