// metadata.managedFields as the API server keeps it: one entry per manager (its name, operation,
// subresource, and for Update the apiVersion), the fields it owns as FieldsV1, the second it last changed
// something; entries sorted as fieldmanager's encoder sorts them (Apply before Update, then time, manager,
// apiVersion, subresource). Ownership moves on every Update: what a writer adds or changes becomes its
// own and is taken from everyone else; what it removes nobody owns any more.
import type {KObject} from '../types.js'
import {compare, difference, fromFieldsV1, toFieldsV1, union, SEP, type Comparison, type FieldSet} from './field-set.js'
import {rootShape, zeroObject} from './shape.js'

export type Operation = 'Apply' | 'Update'

/** One manager's entry, decoded. */
export interface Manager {
  manager: string
  operation: Operation
  apiVersion: string
  subresource?: string
  time?: string
  set: FieldSet
}

/** metav1.ManagedFieldsEntry as stored. */
export interface ManagedFieldsEntry {
  apiVersion: string
  fieldsType: 'FieldsV1'
  fieldsV1: Record<string, unknown>
  manager: string
  operation: Operation
  subresource?: string
  time?: string
}

/** The fields fieldmanager's StripMeta leaves out of every set (non-recursively). */
const STRIPPED = new Set(['f:apiVersion', 'f:kind', 'f:metadata', ...['name', 'namespace', 'creationTimestamp', 'selfLink', 'uid', 'clusterName', 'generation', 'managedFields', 'resourceVersion'].map((f) => `f:metadata${SEP}f:${f}`)])

export function stripMeta(set: FieldSet): FieldSet {
  for (const p of set) if (STRIPPED.has(p) || p.startsWith(`f:metadata${SEP}f:managedFields${SEP}`)) set.delete(p)
  return set
}

/** The identity of an entry (BuildManagerIdentifier): Apply entries are one per manager whatever the version. */
export function identity(m: Pick<Manager, 'manager' | 'operation' | 'apiVersion' | 'subresource'>): string {
  return JSON.stringify([m.manager, m.operation, m.subresource ?? '', m.operation === 'Apply' ? '' : m.apiVersion])
}

export function decodeManagers(obj: KObject): Manager[] {
  const entries = (obj.metadata as {managedFields?: ManagedFieldsEntry[]}).managedFields
  return Array.isArray(entries) ? entries.map(decodeOne) : []
}

type Sortable = Pick<Manager, 'operation' | 'time' | 'manager' | 'apiVersion' | 'subresource'>

function sortKey(m: Sortable): string[] {
  return [m.operation, m.time ?? '', m.manager, m.apiVersion, m.subresource ?? '']
}

/** Sorts entries as fieldmanager's encoder does (in place). */
function sortEntries<T extends Sortable>(entries: T[]): T[] {
  return entries.sort((a, b) => {
    const ka = sortKey(a)
    const kb = sortKey(b)
    for (let i = 0; i < ka.length; i++) if (ka[i] !== kb[i]) return ka[i] < kb[i] ? -1 : 1
    return 0
  })
}

function encodeOne(m: Manager): ManagedFieldsEntry {
  return {
    apiVersion: m.apiVersion,
    fieldsType: 'FieldsV1',
    fieldsV1: toFieldsV1(m.set),
    manager: m.manager,
    operation: m.operation,
    ...(m.subresource ? {subresource: m.subresource} : {}),
    ...(m.time ? {time: m.time} : {}),
  }
}

/** The stored form: empty sets dropped, sorted as the API server sorts them. */
export function encodeManagers(managers: Manager[]): ManagedFieldsEntry[] | undefined {
  const kept = sortEntries(managers.filter((m) => m.set.size > 0))
  return kept.length === 0 ? undefined : kept.map(encodeOne)
}

function decodeOne(e: ManagedFieldsEntry): Manager {
  return {manager: e.manager ?? '', operation: e.operation, apiVersion: e.apiVersion, subresource: e.subresource || undefined, time: e.time, set: fromFieldsV1(e.fieldsV1)}
}

/** Whether a FieldsV1 tree reaches any of `paths` (so that taking them may change it). */
function reaches(fieldsV1: unknown, paths: FieldSet): boolean {
  for (const p of paths) {
    let node = fieldsV1 as Record<string, unknown> | undefined
    for (const e of p.split(SEP)) node = node?.[e] as Record<string, unknown> | undefined
    if (node) return true
  }
  return false
}

/** Who writes: the manager's name, the subresource it writes through, the object's apiVersion and the time. */
export interface Writer {
  manager: string
  subresource?: string
  apiVersion: string
  time: string
}

/**
 * Updater.Update: ownership after a write that changed `c`, on the stored entries. Only the entries the
 * change reaches are decoded and encoded again: a kubelet's status write leaves the creator's entry as it is.
 */
export function recordUpdate(entries: ManagedFieldsEntry[], c: Comparison, w: Writer): ManagedFieldsEntry[] {
  const taken = stripMeta(union(c.added, c.modified, c.removed))
  if (taken.size === 0) return entries
  const me = {manager: w.manager, operation: 'Update' as const, apiVersion: w.apiVersion, subresource: w.subresource}
  const id = identity(me)
  const out: ManagedFieldsEntry[] = []
  let mine: FieldSet = new Set()
  for (const e of entries) {
    if (identity({...e, subresource: e.subresource || undefined}) === id) mine = fromFieldsV1(e.fieldsV1)
    else if (!reaches(e.fieldsV1, taken)) out.push(e)
    else {
      const m = decodeOne(e)
      m.set = difference(m.set, taken)
      if (m.set.size > 0) out.push(encodeOne(m))
    }
  }
  const set = stripMeta(union(difference(mine, c.removed), c.added, c.modified))
  if (set.size > 0) out.push(encodeOne({...me, time: w.time, set}))
  return sortEntries(out)
}

/** The comparison a create makes: the new object against its kind's Go zero value. */
export function createComparison(obj: KObject, ignoreStatus: boolean): Comparison {
  const shape = rootShape(obj.apiVersion, obj.kind)
  const zero = zeroObject(shape)
  if (!ignoreStatus) return compare(zero, obj, shape)
  delete zero.status
  return compare(zero, {...obj, status: undefined}, shape)
}
