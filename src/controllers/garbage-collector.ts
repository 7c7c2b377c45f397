// The garbage collector (pkg/controller/garbagecollector): deletes objects all of whose owners are
// gone (background cascading), drops references to owners that are gone when others remain, and
// for an owner deleted in the foreground deletes its dependents first, removing its
// `foregroundDeletion` finalizer once no blocking dependent is left.
import type {OwnerReference} from 'kubernetes-types/meta/v1.js'
import type {KObject} from '../api/types.js'
import type {Controller, ControllerContext, ReconcileResult, Watch} from './types.js'
import {clusterKeys, clusterWatches} from './keys.js'

import {FOREGROUND_FINALIZER} from '../api/delete.js'
import {allTypes, lookupKind} from '../api/registry.js'

const key = (kind: string, uid: string): string => `${kind}\u0000${uid}`

/** Cascading deletion through ownerReferences. */
export class GarbageCollector implements Controller {
  readonly name = 'garbage-collector'
  readonly watches: readonly Watch[]
  readonly keys = clusterKeys

  constructor() {
    // Events own nothing and are owned by nothing; Leases change with every heartbeat
    this.watches = clusterWatches(allTypes().filter((t) => t.kind !== 'Event' && t.kind !== 'Lease').map((t) => t.kind))
  }

  reconcile(ctx: ControllerContext): ReconcileResult {
    const objects: KObject[] = []
    for (const t of allTypes()) if (t.kind !== 'Event') for (const o of ctx.cache.list(t.kind)) objects.push(o)
    // nothing to collect while no object has an owner and no owner waits for its dependents
    if (!objects.some((o) => (o.metadata.ownerReferences ?? []).length > 0 || (o.metadata.finalizers ?? []).includes(FOREGROUND_FINALIZER))) return {}
    const byUid = new Map<string, KObject>()
    const dependents = new Map<string, KObject[]>()
    for (const o of objects) {
      byUid.set(key(o.kind, o.metadata.uid ?? ''), o)
      for (const r of o.metadata.ownerReferences ?? []) dependents.set(r.uid, [...(dependents.get(r.uid) ?? []), o])
    }
    // an owner of a kind ksim does not serve cannot be checked: it counts as present
    const present = (r: OwnerReference): boolean => !lookupKind(r.apiVersion, r.kind) || byUid.has(key(r.kind, r.uid))
    for (const o of objects) {
      const refs = o.metadata.ownerReferences ?? []
      if (refs.length === 0) continue
      const gone = refs.filter((r) => !present(r))
      if (gone.length === 0) continue
      try {
        if (gone.length === refs.length) {
          if (!o.metadata.deletionTimestamp) this.deleteObject(ctx, o, 'Background')
        } else this.dropRefs(ctx, o, new Set(gone.map((r) => r.uid)))
      } catch (error) {
        ctx.log(`collecting ${o.kind} ${o.metadata.namespace ?? ''}/${o.metadata.name}: ${(error as Error).message}`)
      }
    }
    for (const owner of objects) {
      if (!owner.metadata.deletionTimestamp || !(owner.metadata.finalizers ?? []).includes(FOREGROUND_FINALIZER)) continue
      try {
        this.foreground(ctx, owner, dependents)
      } catch (error) {
        ctx.log(`foreground deletion of ${owner.kind} ${owner.metadata.name}: ${(error as Error).message}`)
      }
    }
    return {}
  }

  /** Deletes the owner's dependents; drops its finalizer once no blocking dependent remains. */
  private foreground(ctx: ControllerContext, owner: KObject, dependents: Map<string, KObject[]>): void {
    const uid = owner.metadata.uid!
    const deps = dependents.get(uid) ?? []
    for (const d of deps) {
      if (d.metadata.deletionTimestamp) continue
      this.deleteObject(ctx, d, (dependents.get(d.metadata.uid!) ?? []).length > 0 ? 'Foreground' : 'Background')
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
