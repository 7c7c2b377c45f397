// The contract between the reconciler process and its controllers, in controller-runtime's shape: a
// controller says which kinds it watches and maps each change to keys; the runner keeps the dirty keys,
// their requeue timers and their back-off, and calls `reconcile(ctx, key)` for one key at a time.
import type {ClusterProfile} from '../api/cluster-profile.js'
import type {EventRecorder} from '../api/events.js'
import type {Api} from '../api/server.js'
import type {Clock, KObject, ObjectOf} from '../api/types.js'

/** A read-only view of the cluster, kept current by the reconciler from the store's change log. */
export interface ObjectCache {
  /** every object of a kind (optionally in one namespace), in store order */
  list<K extends string>(kind: K, namespace?: string): ObjectOf<K>[]
  get<K extends string>(kind: K, namespace: string, name: string): ObjectOf<K> | undefined
  /** the pods bound to a node, in store order (an index: no scan of every pod); a shared list: do not modify */
  podsOnNode(node: string): readonly ObjectOf<'Pod'>[]
  /** the objects whose ownerReferences name the owner with this uid (an index: no scan of every object) */
  dependents(uid: string): readonly KObject[]
  /** the store revision the cache reflects */
  revision(): number
}

export interface ControllerContext {
  api: Api
  cache: ObjectCache
  /** the process's event recorder: one for every controller, so repeats of an event are counted */
  recorder: EventRecorder
  clock: Clock
  profile: ClusterProfile
  log(message: string): void
}

export interface ReconcileResult {
  /** run this key again after this many milliseconds even if nothing changes (a timer: grace period, back-off...) */
  requeueAfterMs?: number
  /**
   * true when that requeue is routine upkeep (node heartbeats, expiry sweeps) rather than work in
   * progress: it still runs, but does not keep an otherwise idle reconciler from exiting
   */
  background?: boolean
}

/** One object that changed: as it is now (absent once deleted) and as the cache held it before. */
export interface ObjectChange {
  kind: string
  namespace: string
  name: string
  object?: KObject
  previous?: KObject
}

/** A kind a controller follows, and the keys a change of it makes dirty. */
export interface Watch {
  kind: string
  /** the keys to reconcile after `change`; default the object's own key (`objectKey`) */
  map?(change: ObjectChange, cache: ObjectCache): Iterable<string>
}

/**
 * A level-triggered controller: `reconcile(ctx, key)` reads the current state of one key's object,
 * writes only what differs from what it should be, and says when that key next needs to run. A second
 * reconcile of an unchanged key writes nothing. An exception fails that key alone: the runner retries
 * it with back-off while every other key goes on.
 */
export interface Controller {
  readonly name: string
  /** what wakes this controller; a kind name alone maps a change to the object's own key */
  readonly watches: readonly (string | Watch)[]
  /** every key there is to reconcile (start-up, and a relist after the change log was compacted) */
  keys(cache: ObjectCache): Iterable<string>
  reconcile(ctx: ControllerContext, key: string): ReconcileResult
}
