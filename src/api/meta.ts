// System-set metadata: uid, generated names, timestamps, and the resourceVersion mapping.
import {randomInt, randomUUID} from 'node:crypto'

import type {KObject, ObjectMeta} from './types.js'

/** Kubernetes' name-suffix alphabet: no vowels, no `y`, no 0/1/3 (apimachinery util/rand). */
export const NAME_ALPHABET = 'bcdfghjklmnpqrstvwxz2456789'
const MAX_GENERATED_PREFIX = 58
/** apiserver retries a colliding generated name this many times */
export const MAX_NAME_GENERATION_ATTEMPTS = 8

/** A random string of `n` characters from Kubernetes' alphabet. */
export function randomSuffix(n = 5): string {
  let s = ''
  for (let i = 0; i < n; i++) s += NAME_ALPHABET[randomInt(NAME_ALPHABET.length)]
  return s
}

/** generateName → name: the prefix cut to 58 characters, then 5 random characters. */
export function generateName(prefix: string): string {
  return prefix.slice(0, MAX_GENERATED_PREFIX) + randomSuffix(5)
}

export function newUID(): string {
  return randomUUID()
}

/** Deep copy of a JSON-shaped object. */
export function clone<T>(o: T): T {
  return structuredClone(o)
}

/** Returns the stored document with metadata.resourceVersion set from the store revision. */
export function withResourceVersion<T extends KObject>(obj: T, rev: number): T {
  obj.metadata = {...obj.metadata, resourceVersion: String(rev)}
  return obj
}

/**
 * The stored form: everything but resourceVersion, which the store revision supplies on read. A
 * shallow copy: the caller hands over an object it built for this write and changes no part of it after.
 */
export function forStorage(obj: KObject): KObject {
  if (!obj.metadata || obj.metadata.resourceVersion === undefined) return {...obj}
  const {resourceVersion: _, ...metadata} = obj.metadata
  return {...obj, metadata}
}

/**
 * Decoding a body into ObjectMeta's Go struct turns a `null` field into its zero value, which the
 * server's JSON then omits: `labels: null` in a manifest leaves an object without labels.
 */
export function dropNullFields(meta: ObjectMeta): ObjectMeta {
  const m = meta as Record<string, unknown>
  for (const k of Object.keys(m)) if (m[k] === null) delete m[k]
  return meta
}

/** Orders metadata fields as the API server's JSON does, so -o yaml/json read like kubectl's. */
export function orderMetadata(meta: KObject['metadata']): KObject['metadata'] {
  const out: Record<string, unknown> = {}
  const m = meta as Record<string, unknown>
  for (const k of ['name', 'generateName', 'namespace', 'uid', 'resourceVersion', 'generation', 'creationTimestamp', 'deletionTimestamp', 'deletionGracePeriodSeconds', 'labels', 'annotations', 'ownerReferences', 'finalizers']) {
    if (m[k] !== undefined) out[k] = m[k]
  }
  for (const k of Object.keys(m)) if (!(k in out)) out[k] = m[k]
  return out as KObject['metadata']
}

/**
 * What the API server keeps from the stored object on every update whatever the client sent (rest.BeforeUpdate):
 * the uid when none is given, the creation and deletion timestamps once set, a grace period the client dropped.
 * (A manifest ksim wrote with `creationTimestamp: null` can so be applied again.)
 */
export function keepSystemFields(meta: ObjectMeta, old: ObjectMeta): void {
  if (!meta.uid) meta.uid = old.uid
  if (old.creationTimestamp) meta.creationTimestamp = old.creationTimestamp
  if (old.deletionTimestamp) meta.deletionTimestamp = old.deletionTimestamp
  if (old.deletionGracePeriodSeconds !== undefined && old.deletionGracePeriodSeconds !== null && (meta.deletionGracePeriodSeconds === undefined || meta.deletionGracePeriodSeconds === null)) {
    meta.deletionGracePeriodSeconds = old.deletionGracePeriodSeconds
  }
}
