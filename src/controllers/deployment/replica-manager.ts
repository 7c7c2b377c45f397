// What the ReplicaSet controller (pkg/controller/replicaset) and the replication manager
// (pkg/controller/replication, which kube-controller-manager builds from the same code through a
// conversion layer) share: keep `spec.replicas` active pods matching the selector — adopting orphans
// and releasing pods that stopped matching through controller ownerReferences, creating
// `<owner>-<5 chars>` pods from the template, deleting the extras the rank order picks — and report
// replicas / fullyLabeled / ready / available in status. Each kind brings its own selector reading,
// resource type and event source.
import type {KObject, ObjectOf} from '../../api/types.js'
import type {ResourceType} from '../../api/registry.js'
import type {Controller, ControllerContext, ObjectCache, ReconcileResult, Watch} from '../types.js'

import {keysOf, orphanClaimers, ownerKeys, splitKey} from '../keys.js'

import {podType} from '../../api/kinds/pod.js'
import {sortKeysDeep} from '../../machinery/sort-keys.js'
import {clone} from '../../api/meta.js'
import {matchLabelSelector, type LabelSelector} from '../../machinery/labels.js'
import {computeReplicaSetStatus, type ReplicaSetStatus} from './replicaset-status.js'
import {controllerRefFor, controllerRefOf, deletionOrder, isPodActive} from './workload-pods.js'

interface ReplicaSpec {
  replicas?: number
  template?: {metadata?: {labels?: Record<string, string>; annotations?: Record<string, string>}; spec?: unknown} | null
}

/** What differs between the kinds one replica manager keeps. */
export interface ReplicaKind {
  /** the controller's name in logs and the work queue */
  name: string
  type: ResourceType
  /** the recorder's event source (`replicaset-controller`, `replication-controller`) */
  component: string
  /** the owner's selector as a parsed selector; undefined when it cannot be parsed (no sync) */
  selectorOf(owner: KObject): LabelSelector | undefined
}

const OWNED_STATUS = ['availableReplicas', 'fullyLabeledReplicas', 'observedGeneration', 'readyReplicas', 'replicas']
const specOf = (owner: KObject): ReplicaSpec => (owner.spec ?? {}) as ReplicaSpec

/** Syncs one owner per key; a second sync of a settled owner writes nothing. */
export class ReplicaManager implements Controller {
  readonly name: string
  readonly watches: readonly Watch[]
  private readonly kind: string
  private readonly source: {component: string}

  constructor(private readonly k: ReplicaKind) {
    this.name = k.name
    this.kind = k.type.kind
    this.source = {component: k.component}
    const kind = this.kind
    this.watches = [
      {kind},
      // a pod wakes the owner that controls (or controlled) it; an orphan, every owner that may adopt it
      {kind: 'Pod', map: (c, cache) => [...ownerKeys(c, kind), ...orphanClaimers(c, cache, kind, k.selectorOf)]},
    ]
  }

  keys(cache: ObjectCache): string[] {
    return keysOf(cache, this.kind)
  }

  reconcile(ctx: ControllerContext, key: string): ReconcileResult {
    const {namespace, name} = splitKey(key)
    const rs = ctx.cache.get(this.kind, namespace, name)
    const next = rs ? this.sync(ctx, rs) : undefined
    return next === undefined ? {} : {requeueAfterMs: next}
  }

  /** syncReplicaSet: claim pods, create or delete to reach spec.replicas, write status. */
  private sync(ctx: ControllerContext, rs: KObject): number | undefined {
    const ns = rs.metadata.namespace ?? 'default'
    const selector = this.k.selectorOf(rs)
    if (!selector) return undefined
    const owned = this.claimPods(ctx, rs, selector, ctx.cache.list('Pod', ns))
    const active = owned.filter(isPodActive)
    if (!rs.metadata.deletionTimestamp) this.manageReplicas(ctx, rs, active)
    const {status, requeueAfterMs} = computeReplicaSetStatus(rs, active, ctx.clock.now())
    this.writeStatus(ctx, rs, status)
    return requeueAfterMs
  }

  /** ClaimPods: the pods this set controls after adopting matching orphans and releasing non-matching pods. */
  private claimPods(ctx: ControllerContext, rs: KObject, selector: LabelSelector, pods: ObjectOf<'Pod'>[]): ObjectOf<'Pod'>[] {
    const owned: ObjectOf<'Pod'>[] = []
    for (const pod of pods) {
      const ref = controllerRefOf(pod)
      const matches = matchLabelSelector(selector, pod.metadata.labels)
      if (ref) {
        if (ref.uid !== rs.metadata.uid) continue
        if (matches || rs.metadata.deletionTimestamp) {
          owned.push(pod)
          continue
        }
        this.patchPod(ctx, pod, (p) => {
          p.metadata.ownerReferences = (p.metadata.ownerReferences ?? []).filter((r) => r.uid !== rs.metadata.uid)
          if (p.metadata.ownerReferences.length === 0) delete p.metadata.ownerReferences
        })
        continue
      }
      if (!matches || rs.metadata.deletionTimestamp || pod.metadata.deletionTimestamp) continue
      const adopted = this.patchPod(ctx, pod, (p) => {
        if (controllerRefOf(p)) return false
        p.metadata.ownerReferences = [...(p.metadata.ownerReferences ?? []), controllerRefFor(rs)]
      })
      if (adopted && controllerRefOf(adopted)?.uid === rs.metadata.uid) owned.push(adopted)
    }
    return owned
  }

  private patchPod(ctx: ControllerContext, pod: KObject, change: (p: KObject) => boolean | void): ObjectOf<'Pod'> | undefined {
    try {
      return ctx.api.modify<ObjectOf<'Pod'>>(podType, pod.metadata.namespace ?? 'default', pod.metadata.name!, change)
    } catch {
      return undefined
    }
  }

  /** manageReplicas: create the missing pods or delete the extras. */
  private manageReplicas(ctx: ControllerContext, rs: KObject, active: ObjectOf<'Pod'>[]): void {
    const diff = active.length - (specOf(rs).replicas ?? 1)
    if (diff < 0) {
      for (let i = 0; i < -diff; i++) {
        try {
          this.createPod(ctx, rs)
        } catch (error) {
          // the slow-start batch stops at the first failure; the next pass tries again
          ctx.recorder.record({involved: rs, type: 'Warning', reason: 'FailedCreate', message: `Error creating: ${(error as Error).message}`, source: this.source})
          throw error
        }
      }
    } else if (diff > 0) {
      for (const pod of deletionOrder(active).slice(0, diff)) {
        try {
          ctx.api.delete(podType, pod.metadata.namespace ?? 'default', pod.metadata.name!, {})
          ctx.recorder.record({involved: rs, type: 'Normal', reason: 'SuccessfulDelete', message: `Deleted pod: ${pod.metadata.name}`, source: this.source})
        } catch (error) {
          ctx.log(`deleting pod ${pod.metadata.name}: ${(error as Error).message}`)
        }
      }
    }
  }

  private createPod(ctx: ControllerContext, rs: KObject): void {
    const template = specOf(rs).template ?? {}
    const metadata: KObject['metadata'] = {
      generateName: `${rs.metadata.name}-`,
      namespace: rs.metadata.namespace,
      ...(template.metadata?.labels ? {labels: clone(template.metadata.labels)} : {}),
      ...(template.metadata?.annotations ? {annotations: clone(template.metadata.annotations)} : {}),
      ownerReferences: [controllerRefFor(rs)],
    }
    const pod = ctx.api.create({apiVersion: 'v1', kind: 'Pod', metadata, spec: clone(template.spec ?? {})}).object
    ctx.recorder.record({involved: rs, type: 'Normal', reason: 'SuccessfulCreate', message: `Created pod: ${pod.metadata.name}`, source: this.source})
  }

  private writeStatus(ctx: ControllerContext, rs: KObject, status: ReplicaSetStatus): void {
    ctx.api.modify(this.k.type, rs.metadata.namespace ?? 'default', rs.metadata.name!, (o) => {
      if (o.metadata.uid !== rs.metadata.uid) return false
      const merged: Record<string, unknown> = {...(o.status as Record<string, unknown> | undefined)}
      for (const k of OWNED_STATUS) delete merged[k]
      Object.assign(merged, status)
      const sorted = sortKeysDeep(merged)
      if (JSON.stringify(sorted) === JSON.stringify(sortKeysDeep(o.status ?? {}))) return false
      o.status = sorted
    })
  }
}
