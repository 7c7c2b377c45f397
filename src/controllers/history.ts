// Controller history (pkg/controller/history), shared by the StatefulSet and DaemonSet controllers:
// the ControllerRevisions a parent owns, their hash (FNV-1 of the stored patch plus the collision
// count, SafeEncodeString'd) and name `<parent>-<hash>`, creating one (a name taken by a different
// revision bumps the collision count), renumbering one on a roll back, and trimming old ones.
import type {KObject, ObjectOf} from '../api/types.js'
import type {ControllerContext} from './types.js'

import {controllerRevisionType} from '../api/kinds/controllerrevision.js'
import {isStatusError} from '../api/errors.js'
import {NAME_ALPHABET, clone} from '../api/meta.js'
import {compareText} from '../api/types.js'
import {sortKeysDeep} from '../machinery/sort-keys.js'
import {labelSelectorFromObject, matchLabelSelector} from '../machinery/labels.js'
import {semanticEqual} from '../api/validation/pod-update.js'
import {controllerRefFor, controllerRefOf} from './deployment/workload-pods.js'

export type Revision = ObjectOf<'ControllerRevision'>

/** The label NewControllerRevision puts the hash in. */
export const REVISION_HASH_LABEL = 'controller.kubernetes.io/hash'

/** encoding/json's bytes of a map-typed value: keys sorted, <, > and & escaped. */
export function goJSON(v: unknown): string {
  return JSON.stringify(sortKeysDeep(v)).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)
}

function fnv1(text: string): number {
  let h = 0x811c9dc5
  for (const b of Buffer.from(text, 'utf8')) h = (Math.imul(h, 0x01000193) ^ b) >>> 0
  return h >>> 0
}

/** HashControllerRevision: FNV-1 over the data's JSON and the collision count, in the name alphabet. */
export function hashRevision(data: unknown, collisionCount: number): string {
  const sum = fnv1(goJSON(data) + String(collisionCount))
  return [...String(sum)].map((c) => NAME_ALPHABET[c.charCodeAt(0) % NAME_ALPHABET.length]).join('')
}

/** ControllerRevisionName: `<prefix>-<hash>`, the prefix cut to 223 characters. */
export const revisionName = (parent: string, hash: string): string => `${parent.slice(0, 223)}-${hash}`

/** The patch a revision stores: `{"spec":{"template":{..., "$patch":"replace"}}}`. */
export function templatePatch(parent: KObject): {spec: {template: Record<string, unknown>}} {
  const template = clone(((parent.spec ?? {}) as {template?: Record<string, unknown>}).template ?? {})
  return {spec: {template: {...template, $patch: 'replace'}}}
}

/** The template a revision holds (ApplyRevision's view of it). */
export function revisionTemplate(rev: KObject): Record<string, unknown> {
  const t = {...(((rev.data ?? {}) as {spec?: {template?: Record<string, unknown>}}).spec?.template ?? {})}
  delete t.$patch
  return t
}

/** SortControllerRevisions: by revision number, then creation time, then name. */
export function sortRevisions(revs: Revision[]): Revision[] {
  const n = (r: Revision): number => (r.revision as number | undefined) ?? 0
  return [...revs].sort((a, b) => n(a) - n(b) || compareText(a.metadata.creationTimestamp ?? '', b.metadata.creationTimestamp ?? '') || compareText(a.metadata.name ?? '', b.metadata.name ?? ''))
}

/** The revisions `parent` controls: owned ones, and orphans its selector matches (adopted here). */
export function ownedRevisions(ctx: ControllerContext, parent: KObject): Revision[] {
  const ns = parent.metadata.namespace ?? 'default'
  let selector
  try {
    selector = labelSelectorFromObject(((parent.spec ?? {}) as {selector?: never}).selector ?? null)
  } catch {
    return []
  }
  const out: Revision[] = []
  for (const rev of ctx.cache.list('ControllerRevision', ns)) {
    const ref = controllerRefOf(rev)
    if (ref) {
      if (ref.uid === parent.metadata.uid) out.push(rev)
      continue
    }
    if (parent.metadata.deletionTimestamp || !matchLabelSelector(selector, rev.metadata.labels)) continue
    try {
      out.push(
        ctx.api.modify<Revision>(controllerRevisionType, ns, rev.metadata.name!, (r) => {
          if (controllerRefOf(r)) return false
          r.metadata.ownerReferences = [...(r.metadata.ownerReferences ?? []), controllerRefFor(parent)]
        }),
      )
    } catch (error) {
      if (!isStatusError(error, 'NotFound')) throw error
    }
  }
  return out
}

/** What a new revision carries besides its data: its number, labels and annotations. */
export interface RevisionSpec {
  data: unknown
  revision: number
  labels: Record<string, string>
  annotations?: Record<string, string>
}

/** NewControllerRevision at a collision count. */
export function newRevision(parent: KObject, spec: RevisionSpec, collisionCount: number): Revision {
  const hash = hashRevision(spec.data, collisionCount)
  const metadata: KObject['metadata'] = {
    name: revisionName(parent.metadata.name ?? '', hash),
    namespace: parent.metadata.namespace,
    labels: {...spec.labels, [REVISION_HASH_LABEL]: hash},
    ownerReferences: [controllerRefFor(parent)],
  }
  if (spec.annotations && Object.keys(spec.annotations).length > 0) metadata.annotations = {...spec.annotations}
  return {apiVersion: 'apps/v1', kind: 'ControllerRevision', metadata, data: clone(spec.data), revision: spec.revision} as Revision
}

/** EqualRevision: the same data. */
export const equalRevision = (a: KObject, b: KObject): boolean => semanticEqual(a.data ?? null, b.data ?? null)

/**
 * CreateControllerRevision: creates the revision at `collision.count`; a name already held by an equal
 * revision returns that one, by a different one bumps the count and tries the next name.
 */
export function createRevision(ctx: ControllerContext, parent: KObject, spec: RevisionSpec, collision: {count: number}): Revision {
  for (;;) {
    const rev = newRevision(parent, spec, collision.count)
    const existing = ctx.api.peek('ControllerRevision', rev.metadata.namespace ?? 'default', rev.metadata.name!) as Revision | undefined
    if (!existing) return ctx.api.create(rev).object as Revision
    if (equalRevision(existing, rev)) return existing
    collision.count++
  }
}

/** UpdateControllerRevision: a former revision becomes the newest by taking a new number. */
export function renumberRevision(ctx: ControllerContext, rev: Revision, revision: number): Revision {
  if (rev.revision === revision) return rev
  return ctx.api.modify<Revision>(controllerRevisionType, rev.metadata.namespace ?? 'default', rev.metadata.name!, (r) => {
    r.revision = revision
  })
}

/** nextRevision: one more than the highest. */
export function nextRevisionNumber(sorted: Revision[]): number {
  return sorted.length === 0 ? 1 : ((sorted[sorted.length - 1].revision as number | undefined) ?? 0) + 1
}

/** truncateHistory: deletes the oldest revisions no pod or status names, keeping `limit` of them. */
export function truncateHistory(ctx: ControllerContext, sorted: Revision[], live: Set<string>, limit: number): void {
  const history = sorted.filter((r) => !live.has(r.metadata.name ?? ''))
  for (const rev of history.slice(0, Math.max(0, history.length - limit))) {
    try {
      ctx.api.delete(controllerRevisionType, rev.metadata.namespace ?? 'default', rev.metadata.name!, {})
    } catch (error) {
      if (!isStatusError(error, 'NotFound')) throw error
    }
  }
}
