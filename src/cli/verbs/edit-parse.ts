// Reading back what the editor saved: kubectl's client-side check of the file (it must parse, and name
// its apiVersion and kind), then the objects in it, a List flattened into its items.
import type {KObject} from '../../api/types.js'

import {lookupKind} from '../../api/registry.js'
import {noKindMatch} from '../resource/manifests.js'
import {decodeDocuments} from '../resource/yaml-docs.js'

const isMap = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v)

/** The text of kubectl's schema check of the edited file (only its first document), or undefined when it passes. */
export function validationError(text: string): string | undefined {
  const docs = decodeDocuments(text)
  const first = docs[0]
  if (first?.error) return first.error
  if (!first || !isMap(first.value)) return 'invalid object to validate'
  const missing: string[] = []
  if (typeof first.value.apiVersion !== 'string' || first.value.apiVersion === '') missing.push('apiVersion not set')
  if (typeof first.value.kind !== 'string' || first.value.kind === '') missing.push('kind not set')
  if (missing.length === 0) return undefined
  return missing.length === 1 ? missing[0] : `[${missing.join(', ')}]`
}

/** The objects of the edited file, or the text of the error that stopped reading it. */
export function editedObjects(text: string): KObject[] | string {
  const out: KObject[] = []
  for (const doc of decodeDocuments(text)) {
    if (doc.error) return `error parsing edited-file: error converting YAML to JSON: ${doc.error}`
    if (!isMap(doc.value)) return `error parsing edited-file: error converting YAML to JSON: yaml: cannot unmarshal ${Array.isArray(doc.value) ? '!!seq' : '!!str'} into Go value of type map[string]interface {}`
    const obj = doc.value as unknown as KObject
    if (typeof obj.kind !== 'string' || obj.kind === '') return `unable to decode "edited-file": Object 'Kind' is missing in '${JSON.stringify(doc.value)}'`
    const items = obj.kind === 'List' && Array.isArray(obj.items) ? (obj.items as unknown[]).filter(isMap).map((i) => normalised(i as unknown as KObject)) : [normalised(obj)]
    for (const item of items) {
      // an object of a kind the server does not serve (a Scale, say) cannot be mapped back
      if (!lookupKind(String(item.apiVersion ?? ''), String(item.kind ?? ''))) return noKindMatch(item, 'edited-file')
      out.push(item)
    }
  }
  return out
}

function normalised(obj: KObject): KObject {
  return {...obj, metadata: (obj.metadata ?? {}) as KObject['metadata']}
}
