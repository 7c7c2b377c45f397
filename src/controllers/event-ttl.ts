// Events expire: the API server stores each with a TTL (--event-ttl, default 1 h) renewed by every
// write, so an event disappears that long after its lastTimestamp. This controller deletes expired
// ones and wakes when the next one is due.
import type {KObject} from '../api/types.js'
import type {Controller, ControllerContext, ReconcileResult} from './types.js'

import {isStatusError} from '../api/errors.js'
import {eventType} from '../api/kinds/event.js'

/** When an event was last written: lastTimestamp, else eventTime, else firstTimestamp, else creation. */
export function lastWritten(e: KObject): number {
  for (const f of [e.lastTimestamp, e.eventTime, e.firstTimestamp, e.metadata.creationTimestamp]) {
    const t = typeof f === 'string' ? Date.parse(f) : NaN
    if (!Number.isNaN(t)) return t
  }
  return 0
}

/**
 * All the reconciler's cache keeps of an Event: its key and the timestamp lastWritten() reads. No other
 * controller reads Events, and a cluster's events outnumber everything else.
 */
export function eventExpiryView(e: KObject): KObject {
  const meta = e.metadata
  const view: KObject = {apiVersion: 'v1', kind: 'Event', metadata: {namespace: meta.namespace, name: meta.name, resourceVersion: meta.resourceVersion}}
  for (const f of [e.lastTimestamp, e.eventTime, e.firstTimestamp, meta.creationTimestamp]) {
    if (typeof f === 'string' && !Number.isNaN(Date.parse(f))) {
      view.lastTimestamp = f
      break
    }
  }
  return view
}

// an unchanged (frozen) event is parsed once, not on every pass
const writtenMemo = new WeakMap<KObject, number>()
const lastWrittenOf = (e: KObject): number => {
  if (!Object.isFrozen(e)) return lastWritten(e)
  let t = writtenMemo.get(e)
  if (t === undefined) writtenMemo.set(e, (t = lastWritten(e)))
  return t
}

/** The events expired at `nowMs` and when the next one expires. */
export function expiredEvents(events: KObject[], ttlMs: number, nowMs: number): {expired: KObject[]; nextMs?: number} {
  const expired: KObject[] = []
  let nextMs: number | undefined
  for (const e of events) {
    const at = lastWrittenOf(e) + ttlMs
    if (at <= nowMs) expired.push(e)
    else nextMs = Math.min(nextMs ?? Infinity, at)
  }
  return {expired, nextMs}
}

/** Deletes events older than the profile's eventTTLSeconds. */
export class EventTTLController implements Controller {
  readonly name = 'event-ttl'
  readonly watches = ['Event']

  reconcile(ctx: ControllerContext): ReconcileResult {
    const now = ctx.clock.now().getTime()
    const {expired, nextMs} = expiredEvents(ctx.cache.list('Event'), ctx.profile.eventTTLSeconds * 1000, now)
    for (const e of expired) {
      try {
        ctx.api.delete(eventType, e.metadata.namespace ?? '', e.metadata.name!)
      } catch (error) {
        if (!isStatusError(error, 'NotFound')) throw error
      }
    }
    return nextMs === undefined ? {} : {requeueAfterMs: Math.max(0, nextMs - now), background: true}
  }
}
