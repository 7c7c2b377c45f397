// Keys, as client-go's MetaNamespaceKeyFunc makes them (`namespace/name`, `name` when cluster-scoped),
// and the mappings controllers share: an object to its own key, a pod to its node, an object to its
// controller owner. `reconcileAll` runs every key of a controller once (a relist), as tests do.
import type {KObject} from '../api/types.js'
import {labelSelectorFromObject, matchLabelSelector, type LabelSelector} from '../machinery/labels.js'
import type {Controller, ControllerContext, ObjectCache, ObjectChange, ReconcileResult, Watch} from './types.js'

/** `namespace/name`, or `name` for a cluster-scoped object. */
export const objectKey = (namespace: string | undefined, name: string): string => (namespace ? `${namespace}/${name}` : name)

/** The key of an object. */
export const keyOf = (o: KObject): string => objectKey(o.metadata.namespace, o.metadata.name ?? '')

/** A key's namespace ('' when cluster-scoped) and name. */
export function splitKey(key: string): {namespace: string; name: string} {
  const i = key.indexOf('/')
  return i < 0 ? {namespace: '', name: key} : {namespace: key.slice(0, i), name: key.slice(i + 1)}
}

/** The object a change is about: as it is now, or as it was before it went. */
export const changed = (c: ObjectChange): KObject | undefined => c.object ?? c.previous

/**
 * Whether an object changed only in status.conditions (and its resourceVersion): a node's condition
 * posts, every 5 minutes from each kubelet, which most watchers of nodes need not hear of. The cache shares the
 * unchanged parts of an object between its versions, so comparing each part by identity is enough.
 */
export function onlyConditions(c: ObjectChange): boolean {
  const {previous, object: next} = c
  if (!previous || !next) return false
  const same = (a: unknown, b: unknown, except: readonly string[]): boolean => {
    if (a === b) return true
    if (!a || !b || typeof a !== 'object' || typeof b !== 'object') return false
    const ra = a as Record<string, unknown>
    const rb = b as Record<string, unknown>
    const keys = new Set([...Object.keys(ra), ...Object.keys(rb)])
    for (const k of keys) if (!except.includes(k) && ra[k] !== rb[k]) return false
    return true
  }
  const p = previous as Record<string, unknown>
  const n = next as Record<string, unknown>
  return (
    same(p, n, ['metadata', 'spec', 'status']) &&
    same(p.metadata, n.metadata, ['resourceVersion', 'managedFields']) &&
    same(p.spec, n.spec, []) &&
    same(p.status, n.status, ['conditions'])
  )
}

/** The keys of every object of a kind. */
export function keysOf(cache: ObjectCache, kind: string): string[] {
  return cache.list(kind).map(keyOf)
}

/** The namespace/name keys of the controller owners of kind `kind` the change's object had or has. */
export function ownerKeys(c: ObjectChange, kind: string): string[] {
  const keys = new Set<string>()
  for (const o of [c.object, c.previous]) {
    const ref = o?.metadata.ownerReferences?.find((r) => r.controller)
    if (ref && ref.kind === kind) keys.add(objectKey(c.namespace, ref.name))
  }
  return [...keys]
}

/** An owner's `spec.selector` as a metav1.LabelSelector; undefined when it does not parse. */
function labelSelectorOf(owner: KObject): LabelSelector | undefined {
  try {
    return labelSelectorFromObject(((owner.spec as {selector?: unknown} | undefined)?.selector ?? null) as never)
  } catch {
    return undefined
  }
}

/**
 * For an object without a controller owner: the keys of every `ownerKind` object of its namespace whose
 * selector matches its labels (they may adopt it). `selectorOf` reads an owner's selector (a
 * metav1.LabelSelector at `spec.selector` unless given).
 */
export function orphanClaimers(c: ObjectChange, cache: ObjectCache, ownerKind: string, selectorOf: (owner: KObject) => LabelSelector | undefined = labelSelectorOf): string[] {
  const o = c.object
  if (!o || o.metadata.ownerReferences?.some((r) => r.controller)) return []
  const keys: string[] = []
  for (const owner of cache.list(ownerKind, c.namespace)) {
    const selector = selectorOf(owner)
    if (selector && matchLabelSelector(selector, o.metadata.labels)) keys.push(keyOf(owner))
  }
  return keys
}

/** The one key of a controller that handles the whole cluster in one reconcile. */
export const CLUSTER_KEY = ''

/**
 * Watches for a controller whose work is one queue over the whole cluster (the scheduler's queue, a
 * sweep): every change of these kinds makes its single key dirty.
 */
export function clusterWatches(kinds: readonly string[]): Watch[] {
  return kinds.map((kind) => ({kind, map: () => [CLUSTER_KEY]}))
}

/** The keys of a controller with a single cluster-wide key. */
export const clusterKeys = (): string[] => [CLUSTER_KEY]

/** The earlier of two requeues; background only when both are. */
export function mergeResults(a: ReconcileResult, b: ReconcileResult): ReconcileResult {
  if (b.requeueAfterMs === undefined) return a
  if (a.requeueAfterMs === undefined) return b
  return {requeueAfterMs: Math.min(a.requeueAfterMs, b.requeueAfterMs), background: Boolean(a.background && b.background)}
}

/** Reconciles every key of `c` once, in `keys` order; the earliest requeue of them all. */
export function reconcileAll(c: Controller, ctx: ControllerContext): ReconcileResult {
  let result: ReconcileResult = {}
  for (const key of [...c.keys(ctx.cache)]) result = mergeResults(result, c.reconcile(ctx, key))
  return result
}
