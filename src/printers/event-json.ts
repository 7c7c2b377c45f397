// `kubectl events -o json` prints a typed corev1.EventList (not the unstructured objects `get` prints):
// encoding/json writes struct fields in their Go declaration order, map keys sorted. These are the
// orders of EventList, Event and the structs inside it (k8s.io/api/core/v1, apimachinery's meta/v1).

const ORDERS: Record<string, readonly string[]> = {
  list: ['kind', 'apiVersion', 'metadata', 'items'],
  listMeta: ['selfLink', 'resourceVersion', 'continue', 'remainingItemCount'],
  event: ['kind', 'apiVersion', 'metadata', 'involvedObject', 'reason', 'message', 'source', 'firstTimestamp', 'lastTimestamp', 'count', 'type', 'eventTime', 'series', 'action', 'related', 'reportingComponent', 'reportingInstance'],
  objectMeta: ['name', 'generateName', 'namespace', 'selfLink', 'uid', 'resourceVersion', 'generation', 'creationTimestamp', 'deletionTimestamp', 'deletionGracePeriodSeconds', 'labels', 'annotations', 'ownerReferences', 'finalizers', 'managedFields'],
  objectReference: ['kind', 'namespace', 'name', 'uid', 'apiVersion', 'resourceVersion', 'fieldPath'],
  source: ['component', 'host'],
  series: ['count', 'lastObservedTime'],
  ownerReference: ['apiVersion', 'kind', 'name', 'uid', 'controller', 'blockOwnerDeletion'],
  managedField: ['manager', 'operation', 'apiVersion', 'time', 'fieldsType', 'fieldsV1', 'subresource'],
}

const GO_ESCAPES: Record<string, string> = {'<': '\\u003c', '>': '\\u003e', '&': '\\u0026', '\u2028': '\\u2028', '\u2029': '\\u2029'}

type Json = Record<string, unknown>
const isMap = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v)

/** A copy of a Go map's value: keys sorted, as encoding/json writes maps (values are plain JSON here). */
function sortedMap(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(sortedMap)
  if (!isMap(v)) return v
  return Object.fromEntries(Object.keys(v).sort().map((k) => [k, sortedMap(v[k])]))
}

/** `obj` with the struct's fields first in `order`, each shaped by `inner` when it names one; unknown keys after, sorted. */
function struct(obj: unknown, order: readonly string[], inner: Record<string, (v: unknown) => unknown> = {}): unknown {
  if (!isMap(obj)) return obj
  const out: Json = {}
  for (const k of order) if (k in obj) out[k] = inner[k] ? inner[k](obj[k]) : sortedMap(obj[k])
  for (const k of Object.keys(obj).sort()) if (!(k in out)) out[k] = sortedMap(obj[k])
  return out
}

const each = (f: (v: unknown) => unknown) => (v: unknown) => (Array.isArray(v) ? v.map(f) : v)
const ref = (v: unknown) => struct(v, ORDERS.objectReference!)
const objectMeta = (v: unknown) => struct(v, ORDERS.objectMeta!, {ownerReferences: each((o) => struct(o, ORDERS.ownerReference!)), managedFields: each((m) => struct(m, ORDERS.managedField!))})
const event = (v: unknown) =>
  struct(v, ORDERS.event!, {metadata: objectMeta, involvedObject: ref, related: ref, source: (s) => struct(s, ORDERS.source!), series: (s) => struct(s, ORDERS.series!)})

/** One Event as kubectl's JSON printer writes the typed object (what `events -w -o json` prints per event). */
export function printEventJson(ev: unknown): string {
  return JSON.stringify(event(ev), null, 4).replace(/[<>&\u2028\u2029]/g, (c) => GO_ESCAPES[c]!) + '\n'
}

/** An EventList as kubectl's JSON printer writes the typed list: four-space indent, Go's escapes, a final newline. */
export function printEventListJson(list: unknown): string {
  const shaped = struct(list, ORDERS.list!, {metadata: (m) => struct(m, ORDERS.listMeta!), items: each(event)})
  return JSON.stringify(shaped, null, 4).replace(/[<>&\u2028\u2029]/g, (c) => GO_ESCAPES[c]!) + '\n'
}
