// Recording events as the client-go event recorder does: one Event per (object, reason, message,
// source); a repeat the recorder remembers bumps count and lastTimestamp instead of adding a row.
import type {Api} from './server.js'

import {rfc3339, type KObject} from './types.js'

export interface EventSource {
  component: string
  host?: string
}

export interface EventInput {
  /** the object the event is about */
  involved: KObject
  /** e.g. `spec.containers{web}` */
  fieldPath?: string
  type: 'Normal' | 'Warning'
  reason: string
  message: string
  source: EventSource
}

/**
 * The dedupe key: a repeat of the same event on the same object from the same source. A 53-bit hash
 * rather than the text, as a recorder remembers thousands of them; with 4096 per source a collision
 * (which would count an event as a repeat of another) has a chance of about 1 in 10^9.
 */
export function eventKey(e: EventInput): number {
  const key = [e.involved.metadata.uid, e.fieldPath ?? '', e.type, e.reason, e.message, e.source.component, e.source.host ?? ''].join('\u0000')
  // two FNV-1a hashes of 32 bits with different offsets: 21 bits of one and 32 of the other
  let a = 0x811c9dc5
  let b = 0x01000193
  for (let i = 0; i < key.length; i++) {
    const c = key.charCodeAt(i)
    a = Math.imul(a ^ c, 0x01000193)
    b = Math.imul(b ^ c, 0x0100019d)
  }
  return (a >>> 11) * 0x1_0000_0000 + (b >>> 0)
}

/**
 * The recorder's name, `<object>.<unix nanos in hex>`: names sort in the order events happened, which
 * is the order `get events` lists them and describe shows same-second events in.
 */
export function eventName(objectName: string, atMs: number, bump = 0): string {
  return `${objectName}.${(BigInt(atMs) * 1_000_000n + BigInt(bump)).toString(16)}`
}

/** an event's name as a recorder remembers it: the time and the bump, in one number */
const stampOf = (atMs: number, bump: number): number => atMs * MAX_BUMP + bump
const MAX_BUMP = 1024

/** client-go's maxLruCacheEntries: how many distinct events each recorder remembers for deduplication */
export const EVENT_CACHE_ENTRIES = 4096

/**
 * A process's event recorder (client-go's EventRecorder with its EventCorrelator). It remembers, per
 * source (one kubelet, the scheduler, ...), the events it recorded: dedupe key to event name, least
 * recently used first. That memory lives in the recording process, not in the API: a new recorder (a
 * restarted process) starts with none, as a restarted kubelet does, and its first repeat of an old
 * event is a new Event. The reconciler makes one and hands it to every controller in their context.
 */
export class EventRecorder {
  readonly #bySource = new Map<string, Map<number, number>>()
  /**
   * The name this recorder gave last: the next event about the same object in the same millisecond
   * (the kubelet's Pulled, Created and Started) takes the next number without trying the ones before it.
   */
  #last?: {object: string; atMs: number; bump: number}

  constructor(readonly api: Api) {}

  /** Records (or repeats) an event; returns the stored Event. */
  record(e: EventInput): KObject {
    const api = this.api
    const now = rfc3339(api.clock.now())
    const namespace = e.involved.metadata.namespace || 'default'
    const lru = this.lruOf(e.source)
    const key = eventKey(e)
    const objectName = e.involved.metadata.name ?? ''
    const known = lru.get(key)
    const existing = known === undefined ? undefined : api.peek('Event', namespace, eventName(objectName, Math.floor(known / MAX_BUMP), known % MAX_BUMP))
    if (existing) {
      remember(lru, key, known!)
      const next = {...existing, count: ((existing.count as number | undefined) ?? 1) + 1, lastTimestamp: now}
      try {
        return api.update(next)
      } catch {
        // lost a race with another writer of the same event: its count stands
        return existing
      }
    }
    const atMs = api.clock.now().getTime()
    const object = `${namespace}/${objectName}`
    const last = this.#last
    let bump = last && last.object === object && last.atMs === atMs ? last.bump + 1 : 0
    let name = eventName(objectName, atMs, bump)
    while (api.store.get({kind: 'Event', namespace, name})) name = eventName(objectName, atMs, ++bump)
    this.#last = {object, atMs, bump}
    const ev = newEvent(e, name, namespace, now)
    try {
      // the recorder builds its events whole: the API server takes this one over as it is
      const created = api.create(ev, {owned: true}).object
      if (bump < MAX_BUMP) remember(lru, key, stampOf(atMs, bump))
      return created
    } catch {
      return api.peek('Event', namespace, name) ?? ev
    }
  }

  private lruOf(source: EventSource): Map<number, number> {
    const id = `${source.component}\u0000${source.host ?? ''}`
    let lru = this.#bySource.get(id)
    if (!lru) this.#bySource.set(id, (lru = new Map()))
    return lru
  }
}

function remember(lru: Map<number, number>, key: number, stamp: number): void {
  lru.delete(key)
  lru.set(key, stamp)
  if (lru.size > EVENT_CACHE_ENTRIES) lru.delete(lru.keys().next().value!)
}

// a new Event as the recorder writes it
function newEvent(e: EventInput, name: string, namespace: string, now: string): KObject {
  const involvedObject: Record<string, unknown> = {
    apiVersion: e.involved.apiVersion,
    kind: e.involved.kind,
    name: e.involved.metadata.name,
    uid: e.involved.metadata.uid,
  }
  if (e.involved.metadata.namespace) involvedObject.namespace = e.involved.metadata.namespace
  if (e.involved.metadata.resourceVersion) involvedObject.resourceVersion = e.involved.metadata.resourceVersion
  if (e.fieldPath) involvedObject.fieldPath = e.fieldPath
  return {
    apiVersion: 'v1',
    kind: 'Event',
    metadata: {name, namespace},
    involvedObject,
    reason: e.reason,
    message: e.message,
    source: {component: e.source.component, ...(e.source.host ? {host: e.source.host} : {})},
    firstTimestamp: now,
    lastTimestamp: now,
    count: 1,
    type: e.type,
    eventTime: null,
    reportingComponent: e.source.component,
    reportingInstance: e.source.host ?? '',
  }
}
