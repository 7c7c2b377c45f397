// Events expire: the API server stores each with a TTL (--event-ttl, default 1 h) renewed by every
// write, so an event disappears that long after its lastTimestamp. This controller deletes expired
// ones and wakes when the next one is due. Events outnumber every other kind, so it holds none of
// them: it follows their changes in the store's change log for the earliest expiry, and reads them
// all only when that time has come. When compaction has passed its place in the log, the events it
// missed were written after its last look, so none expires before that look plus the TTL: it waits
// for that time (or an earlier known one) instead of reading every event again at once, which grew with
// the cluster (8 s a compaction at 30,000 pods).
import type {KObject} from '../api/types.js'
import type {Backend} from '../store/backend.js'
import {readChanges} from '../store/changes.js'
import type {Controller, ControllerContext, ReconcileResult} from './types.js'
import {clusterKeys, clusterWatches} from './keys.js'

import {isStatusError} from '../api/errors.js'
import {eventType} from '../api/kinds/event.js'
import {isStoreError} from '../store/errors.js'

/** When an event was last written: lastTimestamp, else eventTime, else firstTimestamp, else creation. */
export function lastWritten(e: KObject): number {
  for (const f of [e.lastTimestamp, e.eventTime, e.firstTimestamp, e.metadata.creationTimestamp]) {
    const t = typeof f === 'string' ? Date.parse(f) : NaN
    if (!Number.isNaN(t)) return t
  }
  return 0
}

/** The events expired at `nowMs` and when the next one expires. */
export function expiredEvents(events: KObject[], ttlMs: number, nowMs: number): {expired: KObject[]; nextMs?: number} {
  const expired: KObject[] = []
  let nextMs: number | undefined
  for (const e of events) {
    const at = lastWritten(e) + ttlMs
    if (at <= nowMs) expired.push(e)
    else nextMs = Math.min(nextMs ?? Infinity, at)
  }
  return {expired, nextMs}
}

/** change-log entries read per query */
const PAGE = 1000

/** Deletes events older than the profile's eventTTLSeconds. Its memory (two numbers) starts empty. */
export class EventTTLController implements Controller {
  readonly name = 'event-ttl'
  readonly watches = clusterWatches(['Event'])
  readonly keys = clusterKeys
  /** the change-log revision read up to; undefined before the first sweep */
  #revision?: number
  /** the earliest expiry among the events seen (early when that one was rewritten or deleted since) */
  #nextMs?: number
  /** the clock time of the last look at the log */
  #lookedMs = 0

  reconcile(ctx: ControllerContext): ReconcileResult {
    const now = ctx.clock.now().getTime()
    const ttlMs = ctx.profile.eventTTLSeconds * 1000
    if (this.#revision !== undefined) this.follow(ctx.api.store, ttlMs, now)
    if (this.#revision === undefined || (this.#nextMs !== undefined && this.#nextMs <= now)) this.sweep(ctx, ttlMs, now)
    return this.#nextMs === undefined ? {} : {requeueAfterMs: Math.max(0, this.#nextMs - now), background: true}
  }

  // the events written since the last look can only bring the next expiry forward
  private follow(store: Backend, ttlMs: number, now: number): void {
    try {
      this.#revision = readChanges<KObject>(store, this.#revision!, {kind: eventType.kind, limit: PAGE}, (c) => {
        if (c.type !== 'DELETED') this.#nextMs = Math.min(this.#nextMs ?? Infinity, lastWritten(c.value) + ttlMs)
      })
    } catch (error) {
      if (!isStoreError(error, 'Compacted')) throw error
      // the log no longer reaches back that far: what it held was written since the last look
      this.#nextMs = Math.min(this.#nextMs ?? Infinity, this.#lookedMs + ttlMs)
      this.#revision = store.revision()
    }
    this.#lookedMs = now
  }

  // reads every event: deletes the expired ones and finds the next expiry
  private sweep(ctx: ControllerContext, ttlMs: number, now: number): void {
    const {items, revision} = ctx.api.store.list<KObject>(eventType.kind)
    const {expired, nextMs} = expiredEvents(items.map((sv) => sv.value), ttlMs, now)
    for (const e of expired) {
      try {
        ctx.api.delete(eventType, e.metadata.namespace ?? '', e.metadata.name!)
      } catch (error) {
        if (!isStatusError(error, 'NotFound')) throw error
      }
    }
    this.#revision = revision
    this.#nextMs = nextMs
    this.#lookedMs = now
  }
}
