// Server-side apply (PATCH with application/apply-patch+yaml): the applied configuration is merged into
// the live object, the manager's Apply entry becomes exactly the configuration's field set, fields it
// applied before and leaves out now are removed unless someone else owns them, and changing a field
// another manager owns is a 409 Conflict unless forced (then the field changes hands).
import yaml from 'js-yaml'

import type {ApiCore, WriteOptions} from '../api-core.js'
import type {ResourceType} from '../registry.js'
import {rfc3339, type KObject} from '../types.js'
import {apiErrors, StatusError} from '../errors.js'
import {isMap, sameJson} from '../patch/apply-patch.js'
import type {Json} from '../patch/merge-patch.js'
import {rootStruct} from '../patch/patch-meta.js'
import {strategicMergePatch} from '../patch/strategic.js'
import {STATUS_KINDS} from '../patch/subresources.js'
import {compare, difference, intersection, pathString, toFieldSet, union, type FieldSet} from './field-set.js'
import {decodeManagers, encodeManagers, identity, stripMeta, type Manager} from './entries.js'
import {prune} from './prune.js'
import {rootShape} from './shape.js'

export interface ApplyOptions extends WriteOptions {
  /** take the conflicting fields from their managers instead of failing */
  force?: boolean
}

type Obj = Record<string, Json>

/** The body as YAML (JSON is YAML); a map, with the URL's name and namespace. */
function decodeConfig(rt: ResourceType, namespace: string, name: string, body: string): KObject {
  let config: unknown
  try {
    config = yaml.load(body, {schema: yaml.JSON_SCHEMA})
  } catch (error) {
    throw apiErrors.badRequest(`error decoding YAML: ${(error as Error).message.split('\n')[0]}`)
  }
  if (!isMap(config)) throw apiErrors.badRequest('error decoding YAML: the applied configuration is not an object')
  const obj = config as unknown as KObject
  obj.metadata ??= {}
  if (obj.metadata.managedFields !== undefined) throw apiErrors.badRequest('metadata.managedFields must be nil')
  obj.metadata.name ??= name
  if (obj.metadata.name !== name) throw apiErrors.badRequest(`the name of the object (${obj.metadata.name}) does not match the name on the URL (${name})`)
  if (rt.namespaced) {
    obj.metadata.namespace ??= namespace
    if (obj.metadata.namespace !== namespace) throw apiErrors.badRequest('the namespace of the provided object does not match the namespace sent on the request')
  }
  // the main resource's apply leaves the status alone (the strategy's reset fields)
  if (STATUS_KINDS.has(rt.kind)) delete obj.status
  return obj
}

/** fieldmanager's printManager: `"name"` for an applier, `"name" using v1` for an updater, with its subresource. */
function printManager(m: Manager): string {
  const sub = m.subresource ? ` with subresource ${JSON.stringify(m.subresource)}` : ''
  return `${JSON.stringify(m.manager)}${sub}${m.operation === 'Update' ? ` using ${m.apiVersion}` : ''}`
}

/** The 409 of NewConflictError: one line for one conflict, else the paths grouped by manager. */
export function conflictError(conflicts: {manager: Manager; paths: FieldSet}[]): StatusError {
  const all = conflicts.flatMap((c) => [...c.paths].sort().map((p) => ({who: printManager(c.manager), path: pathString(p)})))
  let message: string
  if (all.length === 1) {
    message = `Apply failed with 1 conflict: conflict with ${all[0].who}: ${all[0].path}`
  } else {
    const lines = [...conflicts].sort((a, b) => (printManager(a.manager) < printManager(b.manager) ? -1 : 1)).flatMap((c) => [
      `conflicts with ${printManager(c.manager)}:`,
      ...[...c.paths].sort().map((p) => `- ${pathString(p)}`),
    ])
    message = `Apply failed with ${all.length} conflicts: ${lines.join('\n')}`
  }
  const causes = all.map((c) => ({reason: 'FieldManagerConflict' as const, message: `conflict with ${c.who}`, field: c.path}))
  return new StatusError(409, 'Conflict', message, {causes})
}

/** PATCH type apply of `namespace/name`: creates the object when absent; returns it as stored. */
export function serverSideApply(api: ApiCore, rt: ResourceType, namespace: string, name: string, body: string, opts: ApplyOptions): KObject {
  const manager = opts.fieldManager
  if (!manager) {
    throw apiErrors.invalid('PatchOptions', 'meta.k8s.io', '', [{type: 'FieldValueRequired', field: 'fieldManager', detail: 'is required for apply patch'}])
  }
  const config = decodeConfig(rt, namespace, name, body)
  const set = stripMeta(toFieldSet(config, rootShape(config.apiVersion, config.kind)))
  const me: Manager = {manager, operation: 'Apply', apiVersion: config.apiVersion, time: rfc3339(api.clock.now()), set}
  const write = {dryRun: opts.dryRun, fieldValidation: opts.fieldValidation}
  return api.store.transaction(() => {
    const live = api.peek(rt.kind, namespace, name)
    if (!live) return api.create(config, {...write, managedFields: encodeManagers([me])}).object
    return applyToLive(api, live, config, me, opts.force ?? false, write)
  })
}

/** The fields of the live object's last-applied-configuration that still hold the values it applied. */
function lastAppliedFields(live: KObject, shape: ReturnType<typeof rootShape>): FieldSet | undefined {
  const text = live.metadata.annotations?.['kubectl.kubernetes.io/last-applied-configuration']
  if (!text) return undefined
  let last: unknown
  try {
    last = JSON.parse(text)
  } catch {
    return undefined
  }
  if (!isMap(last)) return undefined
  const c = compare(last, live, shape)
  return difference(difference(difference(toFieldSet(last, shape), c.modified), c.added), c.removed)
}

function applyToLive(api: ApiCore, live: KObject, config: KObject, me: Manager, force: boolean, write: WriteOptions): KObject {
  const shape = rootShape(live.apiVersion, live.kind)
  const managers = decodeManagers(live)
  const myId = identity(me)
  const previous = managers.find((m) => identity(m) === myId)
  const others = managers.filter((m) => identity(m) !== myId)
  const merged = strategicMergePatch(live as unknown as Obj, config as unknown as Obj, rootStruct(live.apiVersion, live.kind)) as unknown as KObject
  if (previous) prune(merged, shape, difference(previous.set, me.set), union(me.set, ...others.map((m) => m.set)))
  const c = compare(live, merged, shape)
  const changed = stripMeta(union(c.added, c.modified))
  const conflicts = others.map((m) => ({manager: m, paths: intersection(m.set, changed)})).filter((x) => x.paths.size > 0)
  if (conflicts.length > 0 && !force) {
    // lastAppliedManager: kubectl's server-side apply takes over, without conflicts, the fields its
    // client-side apply last applied with the values they still have (upgrading an object to SSA)
    const allowed = me.manager === 'kubectl' ? lastAppliedFields(live, shape) : undefined
    const left = conflicts.map((c) => ({manager: c.manager, paths: allowed ? difference(c.paths, allowed) : c.paths})).filter((x) => x.paths.size > 0)
    if (left.length > 0) throw conflictError(left)
  }
  const taken = union(changed, c.removed)
  const objectChanged = !sameJson(merged, live)
  const mine: Manager = {...me, time: objectChanged || !previous ? me.time : previous.time}
  const entries = encodeManagers([...others.map((m) => ({...m, set: difference(m.set, taken)})), mine])
  if (!objectChanged && sameJson(entries, live.metadata.managedFields)) return live
  merged.metadata.resourceVersion = config.metadata.resourceVersion ?? live.metadata.resourceVersion
  return api.update(merged, {...write, managedFields: entries})
}
