// Recording events as the client-go event recorder does: one Event per (object, reason, message,
// source); a repeat bumps count and lastTimestamp instead of adding a row.
import {createHash} from 'node:crypto'

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

/** The dedupe key: a repeat of the same event on the same object from the same source. */
export function eventKey(e: EventInput): string {
  const key = [e.involved.metadata.uid, e.fieldPath ?? '', e.type, e.reason, e.message, e.source.component, e.source.host ?? ''].join('\u0000')
  return createHash('sha256').update(key).digest('hex').slice(0, 32)
}

/**
 * The recorder's name, `<object>.<unix nanos in hex>`: names sort in the order events happened, which
 * is the order `get events` lists them and describe shows same-second events in.
 */
export function eventName(objectName: string, at: Date, bump = 0): string {
  return `${objectName}.${(BigInt(at.getTime()) * 1_000_000n + BigInt(bump)).toString(16)}`
}

/** Where the dedupe key points to its event (an internal store kind, never served). */
const INDEX_KIND = 'ksim.io/EventIndex'

/** Records (or repeats) an event; returns the stored Event. */
export function recordEvent(api: Api, e: EventInput): KObject {
  const now = rfc3339(api.clock.now())
  const namespace = e.involved.metadata.namespace || 'default'
  const key = {kind: INDEX_KIND, namespace, name: eventKey(e)}
  const indexed = api.store.get<{event: string}>(key)
  const existing = indexed ? api.peek('Event', namespace, indexed.value.event) : undefined
  if (existing) {
    const next = {...existing, count: ((existing.count as number | undefined) ?? 1) + 1, lastTimestamp: now}
    try {
      return api.update(next)
    } catch {
      // lost a race with another writer of the same event: its count stands
      return existing
    }
  }
  const involvedObject: Record<string, unknown> = {
    apiVersion: e.involved.apiVersion,
    kind: e.involved.kind,
    name: e.involved.metadata.name,
    uid: e.involved.metadata.uid,
  }
  if (e.involved.metadata.namespace) involvedObject.namespace = e.involved.metadata.namespace
  if (e.involved.metadata.resourceVersion) involvedObject.resourceVersion = e.involved.metadata.resourceVersion
  if (e.fieldPath) involvedObject.fieldPath = e.fieldPath
  let name = eventName(e.involved.metadata.name ?? '', api.clock.now())
  for (let bump = 1; api.peek('Event', namespace, name); bump++) name = eventName(e.involved.metadata.name ?? '', api.clock.now(), bump)
  const ev: KObject = {
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
  try {
    return api.store.transaction(() => {
      const created = api.create(ev).object
      if (indexed) api.store.update(key, indexed.rev, () => ({event: name}))
      else api.store.create(key, () => ({event: name}))
      return created
    })
  } catch {
    return api.peek('Event', namespace, name) ?? ev
  }
}
