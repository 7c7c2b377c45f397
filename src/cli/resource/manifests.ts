// Reads `-f FILE|DIR|-` as kubectl's resource builder does: files in order, directories in lexical
// order (recursively with -R), only .json/.yaml/.yml inside directories, http(s) URLs, multi-document
// streams, `kind: List`.
import fs from 'node:fs'
import path from 'node:path'

import {builtinKind, notServedYet} from '../../api/builtin-kinds.js'
import type {KObject} from '../../api/types.js'

import {goJson} from '../../machinery/go-format.js'
import {CliError} from '../errors.js'
import {isInputTooLarge, readFileLimited, TOO_LARGE_MESSAGE} from './read-limited.js'
import {checkUrl, isUrlSource, readUrl} from './url-source.js'
import {decodeDocuments} from './yaml-docs.js'

export interface ManifestItem {
  /** the file as the user named it (`-` is shown as `STDIN`) */
  source: string
  object?: KObject
  /** kubectl's text for a document that could not be read */
  error?: string
}

const EXTENSIONS = new Set(['.json', '.yaml', '.yml'])

/** Expands the -f arguments into the files to read, or throws kubectl's error for a missing path. */
export function expandPaths(args: string[], recursive: boolean): string[] {
  const files: string[] = []
  for (const arg of args) {
    if (arg === '-') {
      files.push('-')
      continue
    }
    if (isUrlSource(arg)) {
      checkUrl(arg)
      files.push(arg)
      continue
    }
    let st: fs.Stats
    try {
      st = fs.statSync(arg)
    } catch {
      throw new CliError(`the path "${arg}" does not exist`)
    }
    if (!st.isDirectory()) {
      files.push(arg)
      continue
    }
    walk(arg, recursive, files)
  }
  return files
}

function walk(dir: string, recursive: boolean, out: string[]): void {
  for (const name of fs.readdirSync(dir).sort()) {
    const p = path.join(dir, name)
    const st = fs.statSync(p)
    if (st.isDirectory()) {
      if (recursive) walk(p, recursive, out)
    } else if (EXTENSIONS.has(path.extname(name))) {
      out.push(p)
    }
  }
}

// the text of a file, a URL or stdin; `tooLarge` when reading stopped at a document too large to send
function readSource(file: string, stdin: () => string): {text: string; tooLarge: boolean} {
  if (isUrlSource(file)) return {text: readUrl(file), tooLarge: false}
  try {
    return {text: file === '-' ? stdin() : readFileLimited(file), tooLarge: false}
  } catch (error) {
    if (isInputTooLarge(error)) return {text: error.text, tooLarge: true}
    if (file === '-') throw error
    throw new CliError(`open ${file}: ${(error as NodeJS.ErrnoException).code === 'EACCES' ? 'permission denied' : (error as Error).message}`)
  }
}

/** Reads every document of every file. Errors in one file stop that file only. */
export function readManifests(args: string[], opts: {recursive: boolean; validate: boolean; stdin: () => string}): ManifestItem[] {
  const items: ManifestItem[] = []
  for (const file of expandPaths(args, opts.recursive)) {
    const source = file === '-' ? 'STDIN' : file
    const {text, tooLarge} = readSource(file, opts.stdin)
    let broken = false
    for (const doc of decodeDocuments(text)) {
      if (doc.error) {
        items.push({source, error: `error: error parsing ${source}: error converting YAML to JSON: ${doc.error}`})
        broken = true
        break
      }
      const problem = checkTypeMeta(doc.value, source, opts.validate, doc.json)
      if (problem) {
        items.push({source, error: problem})
        broken = true
        break
      }
      const obj = doc.value as KObject
      if (obj.kind === 'List' || (obj.kind.endsWith('List') && Array.isArray(obj.items))) {
        for (const item of (obj.items as unknown[]) ?? []) {
          const p = checkTypeMeta(item, source, opts.validate)
          items.push(p ? {source, error: p} : {source, object: normalise(item as KObject)})
        }
        continue
      }
      items.push({source, object: normalise(obj)})
    }
    // the document reading stopped at: the API server would refuse its body
    if (tooLarge && !broken) items.push({source, error: `Error from server (RequestEntityTooLarge): error when creating "${source}": ${TOO_LARGE_MESSAGE}`})
  }
  return items
}

function normalise(obj: KObject): KObject {
  return {...obj, metadata: (obj.metadata ?? {}) as KObject['metadata']}
}

/**
 * kubectl's client-side check that apiVersion and kind are set: its schema validation where the verb
 * validates, else its decoder's error, which quotes the document as JSON (a JSON document's own text;
 * a YAML one as sigs.k8s.io/yaml turns it into JSON, keys sorted).
 */
function checkTypeMeta(value: unknown, source: string, validate: boolean, json?: string): string | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return `error: error parsing ${source}: error converting YAML to JSON: yaml: cannot unmarshal ${Array.isArray(value) ? '!!seq' : '!!str'} into Go value of type map[string]interface {}`
  }
  const v = value as Record<string, unknown>
  const missing: string[] = []
  if (typeof v.apiVersion !== 'string' || v.apiVersion === '') missing.push('apiVersion not set')
  if (typeof v.kind !== 'string' || v.kind === '') missing.push('kind not set')
  if (missing.length === 0) return undefined
  if (!validate) {
    return `error: unable to decode "${source}": Object 'Kind' is missing in '${json ?? goJson(value)}'`
  }
  const what = missing.length === 1 ? missing[0] : `[${missing.join(', ')}]`
  return `error: error validating "${source}": error validating data: ${what}; if you choose to ignore these errors, turn validation off with --validate=false`
}

/**
 * kubectl's REST-mapper error for a document of a kind the server does not serve, with its hint line
 * (without the `error: ` prefix, which the caller's error printing adds).
 */
export function noKindMatch(obj: KObject, source: string): string {
  const builtin = builtinKind(obj.apiVersion, obj.kind)
  if (builtin) return `${notServedYet(builtin)}; from "${source}": name: "${obj.metadata.name ?? ''}"`
  return `resource mapping not found for name: "${obj.metadata.name ?? ''}" namespace: "${obj.metadata.namespace ?? ''}" from "${source}": no matches for kind "${obj.kind}" in version "${obj.apiVersion}"\nensure CRDs are installed first`
}
