// The disruption controller (pkg/controller/disruption): for each PodDisruptionBudget, the pods it
// selects (an empty selector: the whole namespace), how many are expected (expected-scale.ts), how many
// are healthy, and so how many disruptions the eviction handler may allow; the status, with its
// DisruptionAllowed condition, is written only when it changes. A PDB whose count fails (a pod whose
// controller is gone) is failed safe: no disruptions, condition SyncFailed. Entries of disruptedPods
// expire after two minutes (the key runs again then), with a NotDeleted event on the pod.
import type {LabelSelector} from 'kubernetes-types/meta/v1.js'
import type {KObject, ObjectOf} from '../../api/types.js'
import type {Controller, ControllerContext, ObjectCache, ObjectChange, ReconcileResult, Watch} from '../types.js'

import {disruptionAllowedConditions, type MetaCondition, setStatusCondition} from '../../api/disruption-budgets.js'
import {podDisruptionBudgetType} from '../../api/kinds/poddisruptionbudget.js'
import {rfc3339} from '../../api/types.js'
import {labelSelectorFromObject, matchLabelSelector} from '../../machinery/labels.js'
import {sortKeysDeep} from '../../machinery/sort-keys.js'
import {keyOf, keysOf, splitKey} from '../keys.js'
import {lostRace} from '../writes.js'
import {expectedPodCount} from './expected-scale.js'
import {countHealthy, disruptedPodMap, disruptionsAllowed, type PdbCounts} from './pdb-status.js'

const SOURCE = {component: 'controllermanager'}

type Pdb = ObjectOf<'PodDisruptionBudget'>
interface PdbStatus extends Partial<PdbCounts> {
  observedGeneration?: number
  conditions?: MetaCondition[]
}

const statusOf = (pdb: KObject): PdbStatus => (pdb.status ?? {}) as PdbStatus

/** The pods a PDB covers: its namespace's pods its selector matches (nil: none; empty: all). */
function podsOf(cache: ObjectCache, pdb: KObject): ObjectOf<'Pod'>[] {
  const selector = labelSelectorFromObject(((pdb.spec as {selector?: unknown} | undefined)?.selector ?? null) as never)
  return cache.list('Pod', pdb.metadata.namespace).filter((p) => matchLabelSelector(selector, p.metadata.labels))
}

/** A pod's change wakes the PDBs that selected it before or select it now. */
function pdbKeysForPod(c: ObjectChange, cache: ObjectCache): string[] {
  const keys = new Set<string>()
  for (const pdb of cache.list('PodDisruptionBudget', c.namespace)) {
    let selector
    try {
      selector = labelSelectorFromObject(((pdb.spec as {selector?: unknown} | undefined)?.selector ?? null) as never)
    } catch {
      continue
    }
    if ([c.object, c.previous].some((p) => p && matchLabelSelector(selector, p.metadata.labels))) keys.add(keyOf(pdb))
  }
  return [...keys]
}

/** `%v` of a *metav1.LabelSelector: its generated String(), `<nil>` for none. */
function goSelectorString(sel: LabelSelector | null | undefined): string {
  if (!sel) return '<nil>'
  const labels = Object.keys(sel.matchLabels ?? {}).sort().map((k) => `${k}: ${sel.matchLabels![k]},`).join('')
  const exprs = (sel.matchExpressions ?? []).map((e) => `LabelSelectorRequirement{Key:${e.key},Operator:${e.operator},Values:[${(e.values ?? []).join(' ')}],},`).join('')
  return `&LabelSelector{MatchLabels:map[string]string{${labels}},MatchExpressions:[]LabelSelectorRequirement{${exprs}},}`
}

/** A change of a controller's scale wakes every PDB of its namespace. */
const namespacePdbs = (c: ObjectChange, cache: ObjectCache): string[] => cache.list('PodDisruptionBudget', c.namespace).map(keyOf)

export class DisruptionController implements Controller {
  readonly name = 'disruption'
  readonly watches: readonly Watch[] = [
    {kind: 'PodDisruptionBudget'},
    {kind: 'Pod', map: pdbKeysForPod},
    ...['ReplicaSet', 'Deployment', 'StatefulSet', 'ReplicationController'].map((kind) => ({kind, map: namespacePdbs})),
  ]

  keys(cache: ObjectCache): string[] {
    return keysOf(cache, 'PodDisruptionBudget')
  }

  reconcile(ctx: ControllerContext, key: string): ReconcileResult {
    const {namespace, name} = splitKey(key)
    const pdb = ctx.cache.get('PodDisruptionBudget', namespace, name)
    if (!pdb || pdb.metadata.deletionTimestamp) return {}
    try {
      return this.trySync(ctx, pdb)
    } catch (error) {
      if (lostRace(error)) throw error
      this.failSafe(ctx, pdb, (error as Error).message)
      throw error
    }
  }

  /** trySync: count, then write the status when it differs; requeue when a disruptedPods entry expires. */
  private trySync(ctx: ControllerContext, pdb: Pdb): ReconcileResult {
    const now = ctx.clock.now()
    const pods = podsOf(ctx.cache, pdb)
    let counted
    try {
      counted = expectedPodCount(ctx.cache, (pdb.spec ?? {}) as never, pods)
    } catch (error) {
      this.event(ctx, pdb, 'Warning', 'CalculateExpectedPodCountFailed', `Failed to calculate the number of expected pods: ${(error as Error).message}`)
      throw error
    }
    const {kept, expired, recheckAt} = disruptedPodMap(pods, statusOf(pdb).disruptedPods, now)
    const currentHealthy = countHealthy(pods, kept, now)
    const counts: PdbCounts = {
      currentHealthy,
      desiredHealthy: counted.desired,
      expectedPods: counted.expected,
      disruptionsAllowed: disruptionsAllowed(currentHealthy, counted.desired, counted.expected),
      disruptedPods: kept,
    }
    if (this.writeStatus(ctx, pdb, counts)) {
      if (pods.length === 0) this.event(ctx, pdb, 'Normal', 'NoPods', 'No matching pods found')
      if (counted.unmanaged.length > 0) this.unmanagedEvent(ctx, pdb)
      for (const pod of expired) {
        // sic: the controller names the PDB's namespace twice
        this.event(ctx, pod, 'Warning', 'NotDeleted', `Pod was expected by PDB ${pdb.metadata.namespace}/${pdb.metadata.namespace} to be deleted but it wasn't`)
      }
    }
    return recheckAt === undefined ? {} : {requeueAfterMs: Math.max(1, recheckAt - now.getTime())}
  }

  /** updatePdbStatus: writes the counts (and the condition they imply) unless status already says so; true when written. */
  private writeStatus(ctx: ControllerContext, pdb: Pdb, counts: PdbCounts): boolean {
    const old = statusOf(pdb)
    const generation = pdb.metadata.generation ?? 1
    const now = rfc3339(ctx.clock.now())
    const conditions = disruptionAllowedConditions(old.conditions, counts.disruptionsAllowed, generation, now)
    const next: PdbStatus = {...counts, observedGeneration: generation, conditions}
    if (Object.keys(counts.disruptedPods).length === 0) delete next.disruptedPods
    const same = JSON.stringify(sortKeysDeep(next)) === JSON.stringify(sortKeysDeep({...old, conditions: old.conditions ?? []}))
    if (same) return false
    ctx.api.updateStatus({...pdb, status: sortKeysDeep(next)})
    return true
  }

  /** failSafe: no disruptions allowed, condition DisruptionAllowed False / SyncFailed with the error. */
  private failSafe(ctx: ControllerContext, pdb: Pdb, message: string): void {
    const old = statusOf(pdb)
    const now = rfc3339(ctx.clock.now())
    const conditions = setStatusCondition(old.conditions, {type: 'DisruptionAllowed', status: 'False', reason: 'SyncFailed', message, observedGeneration: old.observedGeneration}, now)
    const next = {...old, disruptionsAllowed: 0, conditions}
    if (JSON.stringify(sortKeysDeep(next)) === JSON.stringify(sortKeysDeep(old))) return
    ctx.api.updateStatus({...pdb, status: sortKeysDeep(next)})
  }

  private unmanagedEvent(ctx: ControllerContext, pdb: Pdb): void {
    const selector = goSelectorString((pdb.spec as {selector?: LabelSelector | null} | undefined)?.selector)
    this.event(ctx, pdb, 'Warning', 'UnmanagedPods',
      `Pods selected by this PodDisruptionBudget (selector: ${selector}) were found to be unmanaged. As a result, the status of the PDB cannot be calculated correctly, which may result in undefined behavior. To account for these pods please set ".spec.minAvailable" field of the PDB to an integer value.`)
  }

  private event(ctx: ControllerContext, involved: KObject, type: 'Normal' | 'Warning', reason: string, message: string): void {
    ctx.recorder.record({involved, type, reason, message, source: SOURCE})
  }
}
