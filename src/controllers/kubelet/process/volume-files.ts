// The files of a pod's configMap, secret, downwardAPI and projected volumes, as the kubelet's volume
// plugins compute them before the atomic writer puts them on disk (MakePayload of each plugin): without
// `items` every key of the object becomes a file named by the key; with `items` only the listed keys,
// each at its `path`; the mode is the item's `mode`, else the volume's `defaultMode` (0644 when unset).
// A missing key fails the volume unless it is optional; a missing optional object gives no files.
// Pure: the pod, the volume and a lookup in, the files (path → data and mode) or the plugin's error out.
import type {Container, DownwardAPIVolumeFile, KeyToPath, Pod, Volume} from 'kubernetes-types/core/v1.js'
import type {ObjectLookup} from '../config.js'

import {goQuote} from '../../../machinery/go-format.js'
import {fieldValue, resourceValue} from './env.js'

/** One file of a volume's payload: its data and permission bits. */
export interface FileProjection {
  data: Buffer
  mode: number
}

/** A volume's files by their path inside the volume, or why they cannot be made. */
export type Payload = {files: Map<string, FileProjection>} | {error: string}

/** The API server's default for defaultMode (0644). */
export const DEFAULT_MODE = 0o644

/** The volume kinds whose files the kubelet writes (the others are directories). */
export const isFileVolume = (v: Volume): boolean => !!(v.configMap || v.secret || v.downwardAPI || v.projected)

// the keys of a ConfigMap (data, binaryData) or Secret (data, base64), as bytes
function objectData(obj: Record<string, unknown>, secret: boolean): Map<string, Buffer> {
  const out = new Map<string, Buffer>()
  for (const [k, v] of Object.entries((obj.data as Record<string, string> | undefined) ?? {})) out.set(k, secret ? Buffer.from(v, 'base64') : Buffer.from(v, 'utf8'))
  if (!secret) for (const [k, v] of Object.entries((obj.binaryData as Record<string, string> | undefined) ?? {})) out.set(k, Buffer.from(v, 'base64'))
  return out
}

// configmap.MakePayload / secret.MakePayload, adding to `files`
function keyFiles(kind: 'ConfigMap' | 'Secret', name: string, items: KeyToPath[] | undefined, defaultMode: number, optional: boolean, pod: Pod, lookup: ObjectLookup, files: Map<string, FileProjection>): string | undefined {
  const obj = lookup(kind, pod.metadata?.namespace ?? 'default', name)
  if (!obj) return optional ? undefined : `${kind === 'ConfigMap' ? 'configmap' : 'secret'} "${name}" not found`
  const data = objectData(obj, kind === 'Secret')
  if (!items?.length) {
    for (const [k, v] of data) files.set(k, {data: v, mode: defaultMode})
    return undefined
  }
  for (const item of items) {
    const v = data.get(item.key)
    if (v === undefined) {
      if (optional) continue
      return kind === 'ConfigMap' ? `configmap references non-existent config key: ${item.key}` : `references non-existent secret key: ${item.key}`
    }
    files.set(item.path, {data: v, mode: item.mode ?? defaultMode})
  }
  return undefined
}

// fieldpath.FormatMap: sorted `key="value"` lines, no newline at the end
const formatMap = (m: Record<string, string> | undefined): string =>
  Object.keys(m ?? {}).sort().map((k) => `${k}=${goQuote(m![k])}`).join('\n')

// downwardapi.CollectData, adding to `files`
function downwardFiles(items: DownwardAPIVolumeFile[] | undefined, defaultMode: number, pod: Pod, files: Map<string, FileProjection>): string | undefined {
  for (const item of items ?? []) {
    let value: string
    if (item.fieldRef) {
      const fp = item.fieldRef.fieldPath
      value = fp === 'metadata.labels' ? formatMap(pod.metadata?.labels) : fp === 'metadata.annotations' ? formatMap(pod.metadata?.annotations) : fieldValue(pod, fp)
    } else if (item.resourceFieldRef) {
      const c = [...(pod.spec?.containers ?? []), ...(pod.spec?.initContainers ?? [])].find((x: Container) => x.name === item.resourceFieldRef!.containerName)
      if (!c) return `unable to find container named "${item.resourceFieldRef.containerName ?? ''}"`
      value = resourceValue(c, item.resourceFieldRef)
    } else continue
    files.set(item.path, {data: Buffer.from(value, 'utf8'), mode: item.mode ?? defaultMode})
  }
  return undefined
}

/** The payload of one file volume of the pod (an emptyDir or hostPath volume has none: undefined). */
export function volumePayload(pod: Pod, v: Volume, lookup: ObjectLookup): Payload | undefined {
  const files = new Map<string, FileProjection>()
  let error: string | undefined
  if (v.configMap) error = keyFiles('ConfigMap', v.configMap.name ?? '', v.configMap.items, v.configMap.defaultMode ?? DEFAULT_MODE, !!v.configMap.optional, pod, lookup, files)
  else if (v.secret) error = keyFiles('Secret', v.secret.secretName ?? '', v.secret.items, v.secret.defaultMode ?? DEFAULT_MODE, !!v.secret.optional, pod, lookup, files)
  else if (v.downwardAPI) error = downwardFiles(v.downwardAPI.items, v.downwardAPI.defaultMode ?? DEFAULT_MODE, pod, files)
  else if (v.projected) {
    const mode = v.projected.defaultMode ?? DEFAULT_MODE
    for (const s of v.projected.sources ?? []) {
      // a projected source's files use the source's item modes, else the projected volume's defaultMode
      if (s.configMap) error = keyFiles('ConfigMap', s.configMap.name ?? '', s.configMap.items, mode, !!s.configMap.optional, pod, lookup, files)
      else if (s.secret) error = keyFiles('Secret', s.secret.name ?? '', s.secret.items, mode, !!s.secret.optional, pod, lookup, files)
      else if (s.downwardAPI) error = downwardFiles(s.downwardAPI.items, mode, pod, files)
      // serviceAccountToken: ksim issues no tokens, so the volume has no token file
      if (error) break
    }
  } else return undefined
  return error ? {error} : {files}
}
