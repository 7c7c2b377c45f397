// The StatefulSet controller (pkg/controller/statefulset): per set, claims its pods (selector and the
// `<set>-<ordinal>` name) and revisions, finds the current and update revisions, runs the pods toward
// the spec (control.ts), writes the status and trims the revision history to revisionHistoryLimit.
import type {KObject, ObjectOf} from '../../api/types.js'
import type {Controller, ControllerContext, ObjectCache, ReconcileResult, Watch} from '../types.js'

import {keysOf, orphanClaimers, ownerKeys, splitKey} from '../keys.js'
import {podType} from '../../api/kinds/pod.js'
import {statefulSetType} from '../../api/kinds/statefulset.js'
import {isStatusError} from '../../api/errors.js'
import {sortKeysDeep} from '../../machinery/sort-keys.js'
import {labelSelectorFromObject, matchLabelSelector, type LabelSelector} from '../../machinery/labels.js'
import {controllerRefFor, controllerRefOf} from '../deployment/workload-pods.js'
import {truncateHistory} from '../history.js'
import {manageStatefulSet} from './control.js'
import {parentAndOrdinal, revisionOfPod, specOf, type PodObject} from './pods.js'
import {statefulSetRevisions} from './revisions.js'
import {computeStatus, type StatefulSetStatus} from './status.js'

const OWNED_STATUS = ['availableReplicas', 'collisionCount', 'currentReplicas', 'currentRevision', 'observedGeneration', 'readyReplicas', 'replicas', 'updateRevision', 'updatedReplicas']

function selectorOf(set: KObject): LabelSelector | undefined {
  try {
    return labelSelectorFromObject(((set.spec ?? {}) as {selector?: never}).selector ?? null)
  } catch {
    return undefined
  }
}

/** Syncs one StatefulSet per key; a second sync of a settled set writes nothing. */
export class StatefulSetController implements Controller {
  readonly name = 'statefulset'
  readonly watches: readonly Watch[] = [
    {kind: 'StatefulSet'},
    {kind: 'Pod', map: (c, cache) => [...ownerKeys(c, 'StatefulSet'), ...orphanClaimers(c, cache, 'StatefulSet')]},
    {kind: 'ControllerRevision', map: (c) => ownerKeys(c, 'StatefulSet')},
  ]

  keys(cache: ObjectCache): string[] {
    return keysOf(cache, 'StatefulSet')
  }

  reconcile(ctx: ControllerContext, key: string): ReconcileResult {
    const {namespace, name} = splitKey(key)
    const set = ctx.cache.get('StatefulSet', namespace, name)
    if (!set) return {}
    const selector = selectorOf(set)
    if (!selector) return {}
    const pods = this.claimPods(ctx, set, selector)
    const revs = statefulSetRevisions(ctx, set)
    const sorted = manageStatefulSet(ctx, set, revs, pods)
    const status = computeStatus(set, revs, sorted, ctx.clock.now())
    this.writeStatus(ctx, set, status)
    const live = new Set([revs.current.metadata.name!, revs.update.metadata.name!, String(status.currentRevision), ...pods.map(revisionOfPod)])
    truncateHistory(ctx, revs.revisions, live, specOf(set).revisionHistoryLimit ?? 10)
    // a failed pod write: the runner retries the key with back-off (and the event repeats, counted)
    if (sorted.error) throw sorted.error
    return sorted.availableAt === undefined ? {} : {requeueAfterMs: Math.max(1, sorted.availableAt - ctx.clock.now().getTime())}
  }

  /** ClaimPods with isMemberOf: adopts matching orphans named `<set>-<n>`, releases pods that stopped matching. */
  private claimPods(ctx: ControllerContext, set: KObject, selector: LabelSelector): PodObject[] {
    const owned: PodObject[] = []
    const member = (p: KObject): boolean => matchLabelSelector(selector, p.metadata.labels) && parentAndOrdinal(p).parent === set.metadata.name
    for (const pod of ctx.cache.list('Pod', set.metadata.namespace ?? 'default')) {
      const ref = controllerRefOf(pod)
      if (ref) {
        if (ref.uid !== set.metadata.uid) continue
        if (member(pod) || set.metadata.deletionTimestamp) owned.push(pod)
        else this.patchPod(ctx, pod, (p) => void (p.metadata.ownerReferences = (p.metadata.ownerReferences ?? []).filter((r) => r.uid !== set.metadata.uid)))
        continue
      }
      if (!member(pod) || set.metadata.deletionTimestamp || pod.metadata.deletionTimestamp) continue
      const adopted = this.patchPod(ctx, pod, (p) => {
        if (controllerRefOf(p)) return false
        p.metadata.ownerReferences = [...(p.metadata.ownerReferences ?? []), controllerRefFor(set)]
      })
      if (adopted && controllerRefOf(adopted)?.uid === set.metadata.uid) owned.push(adopted)
    }
    return owned
  }

  private patchPod(ctx: ControllerContext, pod: KObject, change: (p: KObject) => boolean | void): ObjectOf<'Pod'> | undefined {
    try {
      return ctx.api.modify<ObjectOf<'Pod'>>(podType, pod.metadata.namespace ?? 'default', pod.metadata.name!, change)
    } catch (error) {
      if (isStatusError(error, 'NotFound') || isStatusError(error, 'Conflict')) return undefined
      throw error
    }
  }

  private writeStatus(ctx: ControllerContext, set: KObject, status: StatefulSetStatus): void {
    ctx.api.modify(statefulSetType, set.metadata.namespace ?? 'default', set.metadata.name!, (o) => {
      if (o.metadata.uid !== set.metadata.uid) return false
      const merged: Record<string, unknown> = {...(o.status as Record<string, unknown> | undefined)}
      for (const k of OWNED_STATUS) delete merged[k]
      Object.assign(merged, status)
      const sorted = sortKeysDeep(merged)
      if (JSON.stringify(sorted) === JSON.stringify(sortKeysDeep(o.status ?? {}))) return false
      o.status = sorted
    })
  }
}
