// The garbage collector (pkg/controller/garbagecollector): deletes objects all of whose owners are
// gone (background cascading), drops references to owners that are gone when others remain, and
// for an owner deleted in the foreground deletes its dependents first, removing its
// `foregroundDeletion` finalizer once no blocking dependent is left.
//
// One key per object (`Kind/namespace/name`), as kube-controller-manager's GC works through a graph of
// nodes rather than over every object: a change makes dirty the object itself when it has owners or waits
// for its dependents, the dependents of an object that went (the cache's owner-uid index), and the owners
// of a dependent that wait for it in the foreground. An owner is looked up as the real GC does: by name in
// the dependent's namespace (or cluster-wide for a cluster-scoped kind), present only with the same uid.
import type {OwnerReference} from 'kubernetes-types/meta/v1.js'
import type {KObject} from '../api/types.js'
import type {Controller, ControllerContext, ObjectCache, ObjectChange, ReconcileResult, Watch} from './types.js'

import {FOREGROUND_FINALIZER} from '../api/delete.js'
import {allTypes, lookupKind} from '../api/registry.js'

const RETRY_MS = 1000

/** the kinds the collector follows: Events own nothing and are owned by nothing; Leases change with every heartbeat */
const followed = (kind: string): boolean => kind !== 'Event' && kind !== 'Lease'

const gcKey = (o: KObject): string => `${o.kind}/${o.metadata.namespace ?? ''}/${o.metadata.name ?? ''}`

function splitGcKey(key: string): {kind: string; namespace: string; name: string} {
  const [kind = '', namespace = '', ...name] = key.split('/')
  return {kind, namespace, name: name.join('/')}
}

const waitsForDependents = (o: KObject): boolean => Boolean(o.metadata.deletionTimestamp) && (o.metadata.finalizers ?? []).includes(FOREGROUND_FINALIZER)

/** Whether the collector has anything to check on this object itself. */
const needsCheck = (o: KObject): boolean => (o.metadata.ownerReferences ?? []).length > 0 || waitsForDependents(o)

/**
 * The owner a reference names, as the cache holds it: undefined when it is gone (or replaced by another
 * object of the same name); null when it cannot be checked (a kind ksim does not serve, or a namespaced
 * owner named by a cluster-scoped dependent), which counts as present.
 */
function ownerOf(cache: ObjectCache, dependent: KObject, r: OwnerReference): KObject | undefined | null {
  const rt = lookupKind(r.apiVersion, r.kind)
  if (!rt) return null
  const namespace = dependent.metadata.namespace ?? ''
  if (rt.namespaced && namespace === '') return null
  const owner = cache.get(r.kind, rt.namespaced ? namespace : '', r.name)
  return owner?.metadata.uid === r.uid ? owner : undefined
}

// the cache shares an unchanged part of an object with its previous version: most writes compare by reference
const refsChanged = (a: KObject, b: KObject): boolean =>
  a.metadata.ownerReferences !== b.metadata.ownerReferences && JSON.stringify(a.metadata.ownerReferences ?? []) !== JSON.stringify(b.metadata.ownerReferences ?? [])

/** The keys a change makes dirty. */
function affected(c: ObjectChange, cache: ObjectCache): string[] {
  const keys = new Set<string>()
  // the object itself: when it gained owners (or is new), or waits for its dependents; a write that
  // leaves its owners alone (a pod's status) cannot make them absent
  const o = c.object
  if (o && (waitsForDependents(o) || (needsCheck(o) && (!c.previous || refsChanged(c.previous, o))))) keys.add(gcKey(o))
  // an object that went, or was replaced under the same name: its dependents may be orphans now
  const gone = c.previous && (!c.object || c.object.metadata.uid !== c.previous.metadata.uid) ? c.previous : undefined
  if (gone?.metadata.uid) for (const d of cache.dependents(gone.metadata.uid)) keys.add(gcKey(d))
  // an owner deleted in the foreground waits for this dependent
  for (const x of [c.object, c.previous]) {
    for (const r of x?.metadata.ownerReferences ?? []) {
      const owner = ownerOf(cache, x!, r)
      if (owner && waitsForDependents(owner)) keys.add(gcKey(owner))
    }
  }
  return [...keys]
}

/** Cascading deletion through ownerReferences. */
export class GarbageCollector implements Controller {
  readonly name = 'garbage-collector'
  readonly watches: readonly Watch[]

  constructor() {
    this.watches = allTypes()
      .filter((t) => followed(t.kind))
      .map((t) => ({kind: t.kind, map: affected}))
  }

  keys(cache: ObjectCache): string[] {
    const keys: string[] = []
    for (const t of allTypes()) if (t.kind !== 'Event') for (const o of cache.list(t.kind)) if (needsCheck(o)) keys.push(gcKey(o))
    return keys
  }

  reconcile(ctx: ControllerContext, key: string): ReconcileResult {
    const {kind, namespace, name} = splitGcKey(key)
    const o = ctx.cache.get(kind, namespace, name)
    if (!o) return {}
    const refs = o.metadata.ownerReferences ?? []
    const gone = refs.filter((r) => ownerOf(ctx.cache, o, r) === undefined)
    let failed = false
    try {
      if (gone.length > 0 && gone.length === refs.length) {
        if (!o.metadata.deletionTimestamp) this.deleteObject(ctx, o, 'Background')
      } else if (gone.length > 0) this.dropRefs(ctx, o, new Set(gone.map((r) => r.uid)))
    } catch (error) {
      ctx.log(`collecting ${o.kind} ${o.metadata.namespace ?? ''}/${o.metadata.name}: ${(error as Error).message}`)
      failed = true
    }
    if (waitsForDependents(o)) {
      try {
        this.foreground(ctx, o)
      } catch (error) {
        ctx.log(`foreground deletion of ${o.kind} ${o.metadata.name}: ${(error as Error).message}`)
        failed = true
      }
    }
    // a write that failed (a conflict, an object replaced meanwhile) is tried again once the cache has moved on
    return failed ? {requeueAfterMs: RETRY_MS} : {}
  }

  /** Deletes the owner's dependents; drops its finalizer once no blocking dependent remains. */
  private foreground(ctx: ControllerContext, owner: KObject): void {
    const uid = owner.metadata.uid!
    const deps = ctx.cache.dependents(uid)
    for (const d of deps) {
      if (d.metadata.deletionTimestamp) continue
      this.deleteObject(ctx, d, ctx.cache.dependents(d.metadata.uid!).length > 0 ? 'Foreground' : 'Background')
    }
    const blocking = deps.some((d) => (d.metadata.ownerReferences ?? []).some((r) => r.uid === uid && r.blockOwnerDeletion === true))
    if (blocking) return
    const rt = lookupKind(owner.apiVersion, owner.kind)
    if (!rt) return
    ctx.api.modify(rt, owner.metadata.namespace ?? '', owner.metadata.name!, (o) => {
      if (o.metadata.uid !== uid || !(o.metadata.finalizers ?? []).includes(FOREGROUND_FINALIZER)) return false
      const rest = (o.metadata.finalizers ?? []).filter((f) => f !== FOREGROUND_FINALIZER)
      if (rest.length > 0) o.metadata.finalizers = rest
      else delete o.metadata.finalizers
    })
  }

  private deleteObject(ctx: ControllerContext, o: KObject, propagationPolicy: 'Background' | 'Foreground'): void {
    const rt = lookupKind(o.apiVersion, o.kind)
    if (!rt) return
    ctx.api.delete(rt, o.metadata.namespace ?? '', o.metadata.name!, {propagationPolicy, preconditions: {uid: o.metadata.uid}})
  }

  private dropRefs(ctx: ControllerContext, o: KObject, uids: Set<string>): void {
    const rt = lookupKind(o.apiVersion, o.kind)
    if (!rt) return
    ctx.api.modify(rt, o.metadata.namespace ?? '', o.metadata.name!, (x) => {
      const refs = (x.metadata.ownerReferences ?? []).filter((r) => !uids.has(r.uid))
      if (refs.length === (x.metadata.ownerReferences ?? []).length) return false
      if (refs.length > 0) x.metadata.ownerReferences = refs
      else delete x.metadata.ownerReferences
    })
  }
}
