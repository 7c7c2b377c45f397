// Ownership recorded on every write through Api (fieldmanager's Update path): create compares the object
// with its kind's zero value, update with the stored object, a status write only the status. A write to
// the main resource of a kind with a status subresource records its status changes under
// `subresource: status`, as the status writes of kube-controller-manager and the kubelet show on a cluster.
import type {KObject, ObjectMeta} from '../types.js'
import {rfc3339} from '../types.js'
import {STATUS_KINDS} from '../patch/subresources.js'
import {isMap} from '../patch/apply-patch.js'
import {compare, join, SEP, type Comparison, type FieldSet} from './field-set.js'
import {createComparison, recordUpdate, type ManagedFieldsEntry, type Writer} from './entries.js'
import {childShape, rootShape} from './shape.js'

/** Names the manager of a write the request did not name one for: kind, subresource, the object written. */
export type ManagerOf = (kind: string, subresource: string | undefined, obj: KObject) => string

/**
 * What a cluster shows for the writes of its own components (kube-controller-manager, kubelet, scheduler,
 * apiserver). ksim records it for the objects they create; their updates and status writes carry the
 * managedFields over unchanged instead: recording them (the kubelet's status writes above all) made the
 * 10k-pod benchmark 1.7x slower to Running and its reconciler 28 MB larger, so `--show-managed-fields` lacks
 * the `kubelet`/`kube-scheduler`/`kube-controller-manager` Update entries a real cluster has.
 */
export const componentManager: ManagerOf = (kind, subresource, obj) => {
  const spec = obj.spec as {nodeName?: string} | undefined
  if (kind === 'Pod' && subresource === 'status') return spec?.nodeName ? 'kubelet' : 'kube-scheduler'
  if (kind === 'Node' && subresource === 'status') return 'kubelet'
  if (kind === 'Lease' && obj.metadata.namespace === 'kube-node-lease') return 'kubelet'
  if (kind === 'Namespace' || (kind === 'Service' && obj.metadata.name === 'kubernetes')) return 'kube-apiserver'
  if (kind === 'Node') return 'kubelet'
  return 'kube-controller-manager'
}

type Split = {main: Comparison; status: Comparison}

function split(c: Comparison): Split {
  const main: Comparison = {added: new Set(), modified: new Set(), removed: new Set()}
  const status: Comparison = {added: new Set(), modified: new Set(), removed: new Set()}
  for (const k of ['added', 'modified', 'removed'] as const) {
    for (const p of c[k]) (p === 'f:status' || p.startsWith(`f:status${SEP}`) ? status : main)[k].add(p)
  }
  return {main, status}
}

function writer(obj: KObject, manager: string, time: Date, subresource?: string): Writer {
  return {manager, subresource, apiVersion: obj.apiVersion, time: rfc3339(time)}
}

const empty = (c: Comparison): boolean => c.added.size === 0 && c.modified.size === 0 && c.removed.size === 0

function record(managers: ManagedFieldsEntry[], c: Comparison, obj: KObject, managerOf: ManagerOf, time: Date, subresource?: string): ManagedFieldsEntry[] {
  if (subresource || !STATUS_KINDS.has(obj.kind)) return recordUpdate(managers, c, writer(obj, managerOf(obj.kind, subresource, obj), time, subresource))
  const {main, status} = split(c)
  let out = empty(main) ? managers : recordUpdate(managers, main, writer(obj, managerOf(obj.kind, undefined, obj), time))
  if (!empty(status)) out = recordUpdate(out, status, writer(obj, managerOf(obj.kind, 'status', obj), time, 'status'))
  return out
}

/**
 * Kinds whose writes record no ownership in ksim: Events, the most numerous writes by far, which no one
 * applies (a cluster does record them; the cost per event is not worth it here).
 */
const UNTRACKED = new Set(['Event'])

/**
 * Fields admission plugins set on create (ServiceAccount, Priority, DefaultTolerationSeconds), which ksim
 * sets with its defaults: the API server records ownership before admission, so a creator owns them only
 * when its body set them.
 */
const ADMITTED: Record<string, string[]> = {Pod: ['serviceAccountName', 'serviceAccount', 'priority', 'preemptionPolicy', 'tolerations']}

/** The admitted fields a create body leaves out, read before defaulting (see managedOnCreate). */
export function admittedAbsent(input: KObject): string[] {
  const spec = (input.spec ?? {}) as Record<string, unknown>
  return (ADMITTED[input.kind] ?? []).filter((f) => spec[f] === undefined || spec[f] === null)
}

/** The managedFields of a new object (compared before the create strategy sets its status). */
export function managedOnCreate(obj: KObject, absent: string[], managerOf: ManagerOf, time: Date): ManagedFieldsEntry[] | undefined {
  if (UNTRACKED.has(obj.kind)) return undefined
  const c = createComparison(obj, STATUS_KINDS.has(obj.kind))
  for (const f of absent) c.added.delete(join('f:spec', `f:${f}`))
  const out = record(givenOf(obj) ?? [], c, obj, managerOf, time)
  return out.length > 0 ? out : undefined
}

/** The managedFields after an update of `old` to `obj` (the ones stored when nothing changed). */
export function managedOnUpdate(old: KObject, obj: KObject, managerOf: ManagerOf, time: Date, subresource?: string): ManagedFieldsEntry[] | undefined {
  if (managerOf === componentManager) return storedOf(old)
  if (UNTRACKED.has(old.kind)) return storedOf(old)
  const c = compare(old, obj, rootShape(obj.apiVersion, obj.kind))
  // managedFields a request sets are taken as given (how a client resets them), then this write recorded
  return managedAfter(subresource ? storedOf(old) : givenOf(obj) ?? storedOf(old), c, obj, managerOf, time, subresource)
}

/** The managedFields after a status write: only the status is compared. */
export function managedOnStatus(old: KObject, status: unknown, managerOf: ManagerOf, time: Date): ManagedFieldsEntry[] | undefined {
  if (managerOf === componentManager) return storedOf(old)
  if (UNTRACKED.has(old.kind)) return storedOf(old)
  const shape = childShape(rootShape(old.apiVersion, old.kind), 'status').shape
  const c = compare(old.status, status, shape, 'f:status')
  return managedAfter(storedOf(old), c, old, managerOf, time, 'status')
}

function managedAfter(base: ManagedFieldsEntry[] | undefined, c: Comparison, obj: KObject, managerOf: ManagerOf, time: Date, subresource?: string): ManagedFieldsEntry[] | undefined {
  if (empty(c)) return base
  const out = record(base ?? [], c, obj, managerOf, time, subresource)
  return out.length > 0 ? out : undefined
}

/** The managedFields a request body carries, when they decode (non-empty entries with a manager and FieldsV1). */
function givenOf(obj: KObject): ManagedFieldsEntry[] | undefined {
  const given = storedOf(obj)
  if (!Array.isArray(given) || given.length === 0) return undefined
  const ok = given.every((e) => isMap(e) && (e.operation === 'Apply' || e.operation === 'Update') && (e.fieldsV1 === undefined || isMap(e.fieldsV1)))
  return ok ? given : undefined
}

function storedOf(obj: KObject): ManagedFieldsEntry[] | undefined {
  return (obj.metadata as {managedFields?: ManagedFieldsEntry[]}).managedFields
}

/** `meta` with these managedFields (none: without the field). */
export function withManagedFields(meta: ObjectMeta, entries: ManagedFieldsEntry[] | undefined): ObjectMeta {
  const {managedFields: _, ...rest} = meta
  return entries ? {...rest, managedFields: entries as ObjectMeta['managedFields']} : rest
}

export type {FieldSet}
