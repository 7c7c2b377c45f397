// The contract between the reconciler process and its controllers.
import type {ClusterProfile} from '../api/cluster-profile.js'
import type {EventRecorder} from '../api/events.js'
import type {Api} from '../api/server.js'
import type {Clock, ObjectOf} from '../api/types.js'

/** A read-only view of the cluster, kept current by the reconciler from the store's change log. */
export interface ObjectCache {
  /** every object of a kind (optionally in one namespace), in store order */
  list<K extends string>(kind: K, namespace?: string): ObjectOf<K>[]
  get<K extends string>(kind: K, namespace: string, name: string): ObjectOf<K> | undefined
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
  /** run again after this many milliseconds even if nothing changes (a timer: grace period, back-off...) */
  requeueAfterMs?: number
  /**
   * true when that requeue is routine upkeep (node heartbeats, expiry sweeps) rather than work in
   * progress: it still runs, but does not keep an otherwise idle reconciler from exiting
   */
  background?: boolean
}

/**
 * A level-triggered controller: reads the current state, writes only what differs from what it should
 * be, and says when it next needs to run. A second pass over an unchanged state writes nothing.
 */
export interface Controller {
  readonly name: string
  /** kinds whose changes wake this controller */
  readonly watches: readonly string[]
  reconcile(ctx: ControllerContext): ReconcileResult
}
