// kubectl drain's pod filters (kubectl pkg/drain/filters.go), in its order: long-deleted (with
// --skip-wait-for-delete-timeout), DaemonSet-managed, mirror, local storage (emptyDir), unreplicated.
// The first filter that keeps a pod decides; otherwise the last one's warning stands. Errors and
// warnings are grouped by message as kubectl groups them.
import type {Api} from '../../api/server.js'
import type {KObject} from '../../api/types.js'

import {lookupKind} from '../../api/registry.js'
import type {DrainFlags} from './drain-flags.js'

const DAEMONSET_FATAL = 'DaemonSet-managed Pods (use --ignore-daemonsets to ignore)'
const DAEMONSET_WARNING = 'ignoring DaemonSet-managed Pods'
const LOCAL_STORAGE_FATAL = 'Pods with local storage (use --delete-emptydir-data to override)'
const LOCAL_STORAGE_WARNING = 'deleting Pods with local storage'
const UNMANAGED_FATAL = 'cannot delete Pods that declare no controller (use --force to override)'
const UNMANAGED_WARNING = 'deleting Pods that declare no controller'

/** The flags the filters read (of `drain`'s, as parsed). */
type FilterFlags = Pick<DrainFlags, 'force' | 'ignore-daemonsets' | 'delete-emptydir-data' | 'skip-wait-for-delete-timeout'>

/** Whether a pod's deletionTimestamp (the end of its grace period) passed more than `seconds` (> 0) whole seconds before `now`. */
export function shouldSkipPod(pod: KObject, seconds: number | undefined, now: Date): boolean {
  const since = pod.metadata.deletionTimestamp
  return (seconds ?? 0) > 0 && since !== undefined && Math.trunc((now.getTime() - Date.parse(since)) / 1000) > seconds!
}

/** One pod's verdict. */
interface Verdict {
  delete: boolean
  kind: 'ok' | 'skip' | 'warning' | 'error'
  message?: string
}

/** What GetPodsForDeletion returns: the pods to evict, the grouped warnings and errors. */
export interface DrainPlan {
  pods: KObject[]
  /** `msg: ns/a, ns/b` joined by "; " (empty when none) */
  warnings: string
  /** `cannot delete msg: ns/a, ns/b`, one per message */
  errors: string[]
}

const finished = (p: KObject): boolean => ['Succeeded', 'Failed'].includes((p.status as {phase?: string} | undefined)?.phase ?? '')
const controllerOf = (p: KObject) => (p.metadata.ownerReferences ?? []).find((r) => r.controller)

function daemonSetFilter(api: Api, pod: KObject, f: FilterFlags): Verdict {
  const ref = controllerOf(pod)
  if (!ref || ref.kind !== 'DaemonSet' || finished(pod)) return {delete: true, kind: 'ok'}
  const rt = lookupKind('apps/v1', 'DaemonSet')
  if (!rt || !api.peek('DaemonSet', pod.metadata.namespace ?? '', ref.name)) {
    const msg = `daemonsets.apps "${ref.name}" not found`
    return f.force ? {delete: true, kind: 'warning', message: msg} : {delete: false, kind: 'error', message: msg}
  }
  return f['ignore-daemonsets'] ? {delete: false, kind: 'warning', message: DAEMONSET_WARNING} : {delete: false, kind: 'error', message: DAEMONSET_FATAL}
}

function mirrorFilter(pod: KObject): Verdict {
  return pod.metadata.annotations?.['kubernetes.io/config.mirror'] !== undefined ? {delete: false, kind: 'skip'} : {delete: true, kind: 'ok'}
}

function localStorageFilter(pod: KObject, f: FilterFlags): Verdict {
  const volumes = ((pod.spec as {volumes?: {emptyDir?: unknown}[]} | undefined)?.volumes ?? [])
  if (!volumes.some((v) => v.emptyDir) || finished(pod)) return {delete: true, kind: 'ok'}
  return f['delete-emptydir-data'] ? {delete: true, kind: 'warning', message: LOCAL_STORAGE_WARNING} : {delete: false, kind: 'error', message: LOCAL_STORAGE_FATAL}
}

function unreplicatedFilter(pod: KObject, f: FilterFlags): Verdict {
  if (finished(pod) || controllerOf(pod)) return {delete: true, kind: 'ok'}
  return f.force ? {delete: true, kind: 'warning', message: UNMANAGED_WARNING} : {delete: false, kind: 'error', message: UNMANAGED_FATAL}
}

/** Sorts a node's pods into those to evict, warnings and errors. */
export function podsForDeletion(api: Api, pods: KObject[], f: FilterFlags): DrainPlan {
  const now = api.clock.now()
  const skipDeleted = (p: KObject): Verdict => (shouldSkipPod(p, f['skip-wait-for-delete-timeout'], now) ? {delete: false, kind: 'skip'} : {delete: true, kind: 'ok'})
  const filters = [skipDeleted, (p: KObject) => daemonSetFilter(api, p, f), mirrorFilter, (p: KObject) => localStorageFilter(p, f), (p: KObject) => unreplicatedFilter(p, f)]
  const warnings = new Map<string, string[]>()
  const errors = new Map<string, string[]>()
  const out: KObject[] = []
  for (const pod of pods) {
    let v: Verdict = {delete: true, kind: 'ok'}
    for (const filter of filters) {
      v = filter(pod)
      if (!v.delete) break
    }
    const id = `${pod.metadata.namespace}/${pod.metadata.name}`
    if (v.kind === 'warning') warnings.set(v.message!, [...(warnings.get(v.message!) ?? []), id])
    if (v.kind === 'error') errors.set(v.message!, [...(errors.get(v.message!) ?? []), id])
    if (v.delete) out.push(pod)
  }
  return {
    pods: out,
    warnings: [...warnings].map(([m, ids]) => `${m}: ${ids.join(', ')}`).join('; '),
    errors: [...errors].map(([m, ids]) => `cannot delete ${m}: ${ids.join(', ')}`),
  }
}

/** utilerrors.NewAggregate(...).Error(): one message alone, several in brackets. */
export function aggregate(messages: string[]): string {
  return messages.length === 1 ? messages[0] : `[${messages.join(', ')}]`
}
