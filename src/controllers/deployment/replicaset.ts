// The ReplicaSet controller (pkg/controller/replicaset): keeps `spec.replicas` active pods matching
// the selector — adopting orphans and releasing pods that stopped matching through controller
// ownerReferences, creating `<rs>-<5 chars>` pods from the template, deleting the extras the
// rank order picks — and reports replicas / fullyLabeled / ready / available in status.
import type {KObject, ObjectOf} from '../../api/types.js'
import type {Controller, ControllerContext, ObjectCache, ReconcileResult, Watch} from '../types.js'

import {keysOf, orphanClaimers, ownerKeys, splitKey} from '../keys.js'

import {podType} from '../../api/kinds/pod.js'
import {replicaSetType} from '../../api/kinds/replicaset.js'
import {sortKeysDeep} from '../../machinery/sort-keys.js'
import {clone} from '../../api/meta.js'
import {labelSelectorFromObject, matchLabelSelector, type LabelSelector} from '../../machinery/labels.js'
import {computeReplicaSetStatus, type ReplicaSetStatus} from './replicaset-status.js'
import {controllerRefFor, controllerRefOf, deletionOrder, isPodActive} from './workload-pods.js'

interface RSSpec {
  replicas?: number
  minReadySeconds?: number
  selector?: {matchLabels?: Record<string, string>}
  template?: {metadata?: {labels?: Record<string, string>; annotations?: Record<string, string>}; spec?: unknown}
}

const SOURCE = {component: 'replicaset-controller'}
const OWNED_STATUS = ['availableReplicas', 'fullyLabeledReplicas', 'observedGeneration', 'readyReplicas', 'replicas']
const specOf = (rs: KObject): RSSpec => (rs.spec ?? {}) as RSSpec

function selectorOf(rs: KObject): LabelSelector | undefined {
  try {
    return labelSelectorFromObject(specOf(rs).selector ?? null)
  } catch {
    return undefined
  }
}

/** Syncs one ReplicaSet per key; a second sync of a settled set writes nothing. */
export class ReplicaSetController implements Controller {
  readonly name = 'replicaset'
  readonly watches: readonly Watch[] = [
    {kind: 'ReplicaSet'},
    // a pod wakes the set that controls (or controlled) it; an orphan, every set that may adopt it
    {kind: 'Pod', map: (c, cache) => [...ownerKeys(c, 'ReplicaSet'), ...orphanClaimers(c, cache, 'ReplicaSet')]},
  ]

  keys(cache: ObjectCache): string[] {
    return keysOf(cache, 'ReplicaSet')
  }

  reconcile(ctx: ControllerContext, key: string): ReconcileResult {
    const {namespace, name} = splitKey(key)
    const rs = ctx.cache.get('ReplicaSet', namespace, name)
    const next = rs ? this.sync(ctx, rs) : undefined
    return next === undefined ? {} : {requeueAfterMs: next}
  }

  /** syncReplicaSet: claim pods, create or delete to reach spec.replicas, write status. */
  private sync(ctx: ControllerContext, rs: KObject): number | undefined {
    const ns = rs.metadata.namespace ?? 'default'
    const selector = selectorOf(rs)
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
          ctx.recorder.record({involved: rs, type: 'Warning', reason: 'FailedCreate', message: `Error creating: ${(error as Error).message}`, source: SOURCE})
          throw error
        }
      }
    } else if (diff > 0) {
      for (const pod of deletionOrder(active).slice(0, diff)) {
        try {
          ctx.api.delete(podType, pod.metadata.namespace ?? 'default', pod.metadata.name!, {})
          ctx.recorder.record({involved: rs, type: 'Normal', reason: 'SuccessfulDelete', message: `Deleted pod: ${pod.metadata.name}`, source: SOURCE})
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
    ctx.recorder.record({involved: rs, type: 'Normal', reason: 'SuccessfulCreate', message: `Created pod: ${pod.metadata.name}`, source: SOURCE})
  }

  private writeStatus(ctx: ControllerContext, rs: KObject, status: ReplicaSetStatus): void {
    ctx.api.modify(replicaSetType, rs.metadata.namespace ?? 'default', rs.metadata.name!, (o) => {
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
