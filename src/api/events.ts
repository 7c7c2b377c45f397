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

/**
 * The event's name: `<object>.<16 hex>` like the recorder's `<object>.<unix nanos hex>`, but derived
 * from the dedupe key, so the repeat of an event finds the same object without a scan.
 */
export function eventName(e: EventInput): string {
  const key = [e.involved.metadata.uid, e.fieldPath ?? '', e.type, e.reason, e.message, e.source.component, e.source.host ?? ''].join('\u0000')
  return `${e.involved.metadata.name}.${createHash('sha256').update(key).digest('hex').slice(0, 16)}`
}

/** Records (or repeats) an event; returns the stored Event. */
export function recordEvent(api: Api, e: EventInput): KObject {
  const now = rfc3339(api.clock.now())
  const namespace = e.involved.metadata.namespace || 'default'
  const name = eventName(e)
  const existing = api.peek('Event', namespace, name)
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
    return api.create(ev).object
  } catch {
    return api.peek('Event', namespace, name) ?? ev
  }
}
