// The MERGED side of `diff`: the object as apply would leave it, computed by the API as a dry run and never
// written (kubectl's InfoObject.Merged). Client-side: a dry-run create when the object is absent, else the
// three-way merge of the last-applied configuration, the file (without the last-applied annotation, as
// kubectl's GetModifiedConfiguration(annotate=false) gives it) and the live object, sent as a dry-run
// update held to the live resourceVersion. Server-side: a dry-run apply patch under the field manager.
import type {Api} from '../../api/server.js'
import type {ResourceType} from '../../api/registry.js'
import type {KObject} from '../../api/types.js'

import {LAST_APPLIED} from './create.js'
import {jsonOf, objectOf, threeWayMerge, unchanged, type Obj} from './three-way-merge.js'

export interface MergeOptions {
  serverSide: boolean
  fieldManager: string
  force: boolean
}

/** The file's object as kubectl's client-side patcher sends it: the last-applied annotation left out. */
function modifiedConfiguration(obj: KObject): KObject {
  const annotations = {...obj.metadata.annotations}
  delete annotations[LAST_APPLIED]
  const {annotations: _dropped, ...metadata} = obj.metadata
  // kubectl sends an empty map here, which a typed API server drops (omitempty): leave it out
  return {...obj, metadata: Object.keys(annotations).length > 0 ? {...metadata, annotations} : metadata}
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
  if (unchanged(jsonOf(merged), current)) return live
  merged.metadata = {...merged.metadata, resourceVersion: live.metadata.resourceVersion}
  return api.update(merged, {dryRun: true})
}
