// The field descriptions of ksim's schema, as the OpenAPI documents of Kubernetes carry them:
// scripts/gen-descriptions.js writes descriptions.json at build time from the doc comments of the
// `kubernetes-types` declarations, and the overlay's fields (added to Kubernetes after that package)
// take theirs from overlay-descriptions.ts. Read only by `explain` and serve's OpenAPI documents, on
// first use: no other command pays for the file.
import fs from 'node:fs'

import {ADDED_STRUCTS} from './overlay.js'
import {ADDED_DESCRIPTIONS, ADDED_STRUCT_DESCRIPTIONS} from './overlay-descriptions.js'

/** One struct's description, its fields' descriptions and its required fields. */
export interface StructDoc {
  description: string
  fields: Record<string, string>
  required: string[]
}

const CANDIDATES = ['./descriptions.json', '../../../../src/api/schema/descriptions.json']

let cached: Map<string, StructDoc> | undefined

function load(): Map<string, StructDoc> {
  for (const rel of CANDIDATES) {
    const url = new URL(rel, import.meta.url)
    if (fs.existsSync(url)) {
      const json = JSON.parse(fs.readFileSync(url, 'utf8')) as {structs: Record<string, StructDoc>}
      return new Map(Object.entries(json.structs))
    }
  }
  throw new Error('ksim field descriptions not generated: run `npm run build`')
}

/** The descriptions of a struct (`core/v1.PodSpec`), with the overlay's fields; undefined if it has none. */
export function structDoc(id: string): StructDoc | undefined {
  cached ??= load()
  const base = cached.get(id)
  const added = ADDED_DESCRIPTIONS[id]
  const addedStruct = ADDED_STRUCTS[id]
  if (!base && !added && !addedStruct && ADDED_STRUCT_DESCRIPTIONS[id] === undefined) return undefined
  const required = base?.required ?? Object.entries(addedStruct ?? {}).filter(([, f]) => !f.optional).map(([k]) => k)
  return {
    description: base?.description ?? ADDED_STRUCT_DESCRIPTIONS[id] ?? '',
    fields: {...base?.fields, ...added},
    required,
  }
}
