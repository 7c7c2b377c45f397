// The MERGED side of `diff`: the object as apply would leave it, computed by the API as a dry run and never
// written (kubectl's InfoObject.Merged). Client-side: a dry-run create when the object is absent, else the
// three-way merge of the last-applied configuration, the file (without the last-applied annotation, as
// kubectl's GetModifiedConfiguration(annotate=false) gives it) and the live object, sent as a dry-run
// update held to the live resourceVersion. Server-side: a dry-run apply patch under the field manager.
import type {Api} from '../../api/server.js'
import type {ResourceType} from '../../api/registry.js'
import type {KObject} from '../../api/types.js'

import {LAST_APPLIED} from './last-applied.js'
import {jsonOf, objectOf, threeWayMerge, unchanged, type Obj} from './three-way-merge.js'

export interface MergeOptions {
  serverSide: boolean
  fieldManager: string
  force: boolean
}

/**
 * The file's object as kubectl's client-side patcher sends it: the last-applied annotation left out, the
 * annotations map kept even when empty, as the last-applied configuration has it (so the merge keeps the
 * live annotation rather than dropping a map the file seems to have lost).
 */
function modifiedConfiguration(obj: KObject): KObject {
  const annotations = {...obj.metadata.annotations}
  delete annotations[LAST_APPLIED]
  return {...obj, metadata: {...obj.metadata, annotations}}
}

/** The merged object for `obj` (from the file), given the live one (undefined when absent). */
export function mergedObject(api: Api, rt: ResourceType, obj: KObject, live: KObject | undefined, opts: MergeOptions): KObject {
  const namespace = rt.namespaced ? (obj.metadata.namespace ?? '') : ''
  if (opts.serverSide) {
    return api.patch(rt, namespace, obj.metadata.name ?? '', 'apply', JSON.stringify(obj), {fieldManager: opts.fieldManager, force: opts.force, dryRun: true})
  }
  if (!live) return api.create(obj, {dryRun: true}).object
  const prev = live.metadata.annotations?.[LAST_APPLIED]
  let original: Obj | undefined
  try {
    original = prev ? (JSON.parse(prev) as Obj) : undefined
  } catch {
    original = undefined
  }
  const current = jsonOf(live)
  const merged = objectOf(threeWayMerge(original, jsonOf(modifiedConfiguration(obj)), current))
  // an empty annotations map is dropped by a typed API server (omitempty)
  if (merged.metadata.annotations && Object.keys(merged.metadata.annotations).length === 0) {
    const {annotations: _empty, ...metadata} = merged.metadata
    merged.metadata = metadata
  }
  if (unchanged(jsonOf(merged), current)) return live
  merged.metadata = {...merged.metadata, resourceVersion: live.metadata.resourceVersion}
  return api.update(merged, {dryRun: true})
}
