// Graceful deletion as the API server does it (apiserver rest/delete.go, the generic store):
// deletionTimestamp = now + grace, a later delete may only shorten it, finalizers hold removal.
import type {ApiCore} from './api-core.js'

import {StatusError, apiErrors} from './errors.js'
import {clone, forStorage, withResourceVersion} from './meta.js'
import {allTypes, type ResourceType} from './registry.js'
import {deleteCustomResources} from './custom-resources.js'
import {rfc3339, type KObject} from './types.js'

export type PropagationPolicy = 'Background' | 'Foreground' | 'Orphan'

export interface DeleteOptions {
  /** the request's gracePeriodSeconds; undefined = not sent (the kind's default applies) */
  gracePeriodSeconds?: number
  propagationPolicy?: PropagationPolicy
  dryRun?: boolean
  preconditions?: {uid?: string; resourceVersion?: string}
}

export interface DeleteResult {
  /** the object as it was last stored (with deletionTimestamp when it lingers) */
  object: KObject
  /** true when the object is gone from storage */
  removed: boolean
}

/** Namespaces the API server refuses to delete (NamespaceLifecycle admission). */
export const IMMORTAL_NAMESPACES = ['default', 'kube-system', 'kube-public']

export function deleteObject(api: ApiCore, rt: ResourceType, namespace: string, name: string, opts: DeleteOptions): DeleteResult {
  return api.store.transaction(() => {
    const obj = api.get(rt, namespace, name)
    checkPreconditions(rt, obj, opts)
    if (rt.kind === 'Namespace') return deleteNamespace(api, rt, obj, opts)
    if (rt.kind === 'CustomResourceDefinition' && rt.group === 'apiextensions.k8s.io' && !opts.dryRun) deleteCustomResources(api, obj)
    const now = api.clock.now()
    const meta = obj.metadata
    if (opts.propagationPolicy === 'Orphan' && !opts.dryRun) orphanDependents(api, rt, obj)
    // Foreground: the garbage collector deletes the dependents, then removes this finalizer (kinds
    // with a graceful delete of their own, pods, are left to their kubelet and cascade in the background)
    const foreground = opts.propagationPolicy === 'Foreground' && rt.strategy.deleteGracePeriod === undefined && !meta.deletionTimestamp
    const finalizers = foreground ? [...new Set([...(meta.finalizers ?? []), FOREGROUND_FINALIZER])] : (meta.finalizers ?? [])
    const grace = rt.strategy.deleteGracePeriod?.(obj, opts.gracePeriodSeconds)
    const key = {kind: rt.kind, namespace, name}

    if (meta.deletionTimestamp) {
      // already terminating: grace 0 removes; a shorter grace moves the deadline earlier; never later
      if (grace === 0 && finalizers.length === 0) return remove(api, key, obj, opts)
      const current = meta.deletionGracePeriodSeconds ?? 0
      if (grace === undefined || grace >= current) return {object: obj, removed: false}
      const original = Date.parse(meta.deletionTimestamp) - current * 1000
      let deadline = addGraceSeconds(original, grace)
      let newGrace = grace
      if (deadline < now.getTime()) {
        deadline = now.getTime()
        if (grace !== 0) newGrace = 1
      }
      return write(api, key, obj, opts, (o) => {
        o.metadata.deletionTimestamp = rfc3339(new Date(deadline))
        o.metadata.deletionGracePeriodSeconds = newGrace
      })
    }

    if ((grace === undefined || grace === 0) && finalizers.length === 0) return remove(api, key, obj, opts)
    const g = grace ?? 0
    return write(api, key, obj, opts, (o) => {
      o.metadata.deletionTimestamp = rfc3339(new Date(addGraceSeconds(now.getTime(), g)))
      o.metadata.deletionGracePeriodSeconds = g
      if (foreground) o.metadata.finalizers = finalizers
      if ((o.metadata.generation ?? 0) > 0) o.metadata.generation = (o.metadata.generation ?? 0) + 1
    })
  })
}

/**
 * `ms` plus `seconds`, as the API server computes it: Go's time.Second * time.Duration(seconds), an int64
 * of nanoseconds that wraps around for huge grace periods (--grace-period=9223372036854775807 ends up at
 * about "now", never at a time that cannot be printed).
 */
export function addGraceSeconds(ms: number, seconds: number): number {
  const nanos = BigInt.asIntN(64, BigInt(Math.trunc(seconds)) * 1_000_000_000n)
  return ms + Number(nanos / 1_000_000n)
}

/** The finalizer that holds an owner until the garbage collector has deleted its dependents. */
export const FOREGROUND_FINALIZER = 'foregroundDeletion'

/** Orphan propagation: every dependent loses its ownerReference to `owner`. */
function orphanDependents(api: ApiCore, rt: ResourceType, owner: KObject): void {
  const uid = owner.metadata.uid
  for (const t of allTypes()) {
    if (t.kind === 'Event') continue
    const namespace = rt.namespaced ? owner.metadata.namespace : undefined
    if (rt.namespaced && !t.namespaced) continue
    for (const item of api.store.list<KObject>(t.kind, namespace).items) {
      if (!(item.value.metadata.ownerReferences ?? []).some((r) => r.uid === uid)) continue
      api.modify(t, item.value.metadata.namespace ?? '', item.name, (o) => {
        const refs = (o.metadata.ownerReferences ?? []).filter((r) => r.uid !== uid)
        if (refs.length > 0) o.metadata.ownerReferences = refs
        else delete o.metadata.ownerReferences
      })
    }
  }
}

function checkPreconditions(rt: ResourceType, obj: KObject, opts: DeleteOptions): void {
  const pre = opts.preconditions
  if (pre?.uid && pre.uid !== obj.metadata.uid) {
    throw new StatusError(
      409,
      'Conflict',
      `Operation cannot be fulfilled on ${rt.kind} "${obj.metadata.name}": the UID in the precondition (${pre.uid}) does not match the UID in record (${obj.metadata.uid}). The object might have been deleted and then recreated`,
      {name: obj.metadata.name, kind: rt.kind},
    )
  }
  if (pre?.resourceVersion && pre.resourceVersion !== obj.metadata.resourceVersion) {
    throw new StatusError(
      409,
      'Conflict',
      `Operation cannot be fulfilled on ${rt.kind} "${obj.metadata.name}": the ResourceVersion in the precondition (${pre.resourceVersion}) does not match the ResourceVersion in record (${obj.metadata.resourceVersion}). The object might have been modified`,
      {name: obj.metadata.name, kind: rt.kind},
    )
  }
}

type Key = {kind: string; namespace: string; name: string}

function remove(api: ApiCore, key: Key, obj: KObject, opts: DeleteOptions): DeleteResult {
  if (opts.dryRun) return {object: obj, removed: true}
  const sv = api.store.delete<KObject>(key)
  return {object: withResourceVersion(sv.value, sv.rev), removed: true}
}

function write(api: ApiCore, key: Key, obj: KObject, opts: DeleteOptions, change: (o: KObject) => void): DeleteResult {
  const next = clone(obj)
  change(next)
  if (opts.dryRun) return {object: next, removed: false}
  const sv = api.store.update<KObject>(key, Number(obj.metadata.resourceVersion), () => forStorage(next))
  return {object: withResourceVersion(sv.value, sv.rev), removed: false}
}

/** Deleting a namespace: Terminating at once, its contents deleted, removed when empty. */
function deleteNamespace(api: ApiCore, rt: ResourceType, ns: KObject, opts: DeleteOptions): DeleteResult {
  const name = ns.metadata.name!
  if (IMMORTAL_NAMESPACES.includes(name)) {
    throw apiErrors.forbidden('namespaces', '', name, 'this namespace may not be deleted')
  }
  if (opts.dryRun) return {object: ns, removed: false}
  let current = ns
  if (!ns.metadata.deletionTimestamp) {
    current = write(api, {kind: 'Namespace', namespace: '', name}, ns, opts, (o) => {
      o.metadata.deletionTimestamp = rfc3339(api.clock.now())
      o.metadata.deletionGracePeriodSeconds = 0
      o.status = {...(o.status as object), phase: 'Terminating'}
    }).object
  }
  return finalizeNamespace(api, rt, current)
}

/**
 * The namespace controller's work: delete everything in a Terminating namespace and remove the
 * namespace once nothing is left. Safe to call again (the reconciler does, until it is gone).
 */
export function finalizeNamespace(api: ApiCore, rt: ResourceType, ns: KObject): DeleteResult {
  const name = ns.metadata.name!
  let remaining = 0
  for (const t of allTypes()) {
    if (!t.namespaced) continue
    for (const item of api.store.list<KObject>(t.kind, name).items) {
      if (t.kind === 'Event') {
        api.store.delete({kind: t.kind, namespace: name, name: item.name})
        continue
      }
      const r = item.value.metadata.deletionTimestamp
        ? {removed: false}
        : deleteObject(api, t, name, item.name, {propagationPolicy: 'Background'})
      if (!r.removed) remaining++
    }
  }
  if (remaining > 0) return {object: ns, removed: false}
  const sv = api.store.delete<KObject>({kind: rt.kind, namespace: '', name})
  return {object: withResourceVersion(sv.value, sv.rev), removed: true}
}
