// `create <kind> NAME ...` generators: build the object, create it (or not, for --dry-run=client) and
// print kubectl's line or the object.
import type {Api} from '../../api/server.js'
import type {KObject} from '../../api/types.js'

import {isStatusError} from '../../api/errors.js'
import {lookupKind} from '../../api/registry.js'
import {CliError} from '../errors.js'
import {printerFor} from '../print/print-flags.js'
import {asGenerated, typedJson} from '../print/typed-print.js'

export interface GeneratedRun {
  api?: Api
  dryRun: 'none' | 'client' | 'server'
  output?: string
  out(text: string): void
  err(line: string): void
  /** kubectl's wrapping of the server's error (`failed to create configmap: `), when it has one */
  failPrefix?: string
  /** -n's namespace when -n was given: a client dry run prints metadata.namespace only then */
  explicitNamespace?: string
}

export function createGenerated(obj: KObject, run: GeneratedRun): void {
  const rt = lookupKind(obj.apiVersion, obj.kind)!
  let result = obj
  if (run.api && run.dryRun !== 'client') {
    let r: ReturnType<Api['create']>
    try {
      r = run.api.create(obj, {dryRun: run.dryRun === 'server'})
    } catch (error) {
      if (run.failPrefix !== undefined && isStatusError(error)) throw new CliError(`${run.failPrefix}${error.message}`)
      throw error
    }
    for (const w of r.warnings) run.err(`Warning: ${w}`)
    result = r.object
  }
  const printer = printerFor(run.output, {operation: 'created', dryRun: run.dryRun})
  if (run.dryRun === 'client' && (run.output === 'yaml' || run.output === 'json')) {
    // nothing reached a server: kubectl prints the typed object it built
    const generated = asGenerated(result, rt, run.explicitNamespace)
    run.out(run.output === 'json' ? typedJson(generated) : printer.print(generated))
    return
  }
  run.out(printer.print(result))
}

/** `--from-literal`, `--from-file` and `--from-env-file` sources folded into one key → bytes map. */
export function collectData(kind: 'ConfigMap' | 'Secret', name: string, sources: {literals: string[]; files: string[]; envFiles: string[]}, readFile: (p: string) => Buffer, listDir: (p: string) => string[] | undefined): Map<string, Buffer> {
  const data = new Map<string, Buffer>()
  const add = (key: string, value: Buffer) => {
    if (data.has(key)) throw new Error(`cannot add key "${key}", another key by that name already exists in ${kind === 'ConfigMap' ? 'Data' : 'data'} for ${kind} "${name}"`)
    data.set(key, value)
  }
  for (const lit of sources.literals) {
    const i = lit.indexOf('=')
    if (i <= 0) throw new Error(`invalid literal source ${lit}, expected key=value`)
    add(lit.slice(0, i), Buffer.from(lit.slice(i + 1)))
  }
  for (const spec of sources.files) {
    const i = spec.indexOf('=')
    const key = i > 0 ? spec.slice(0, i) : undefined
    const file = i > 0 ? spec.slice(i + 1) : spec
    const entries = listDir(file)
    if (entries) {
      if (key) throw new Error(`cannot give a key name for a directory path`)
      for (const e of entries) add(e, readFile(`${file}/${e}`))
    } else {
      add(key ?? file.split('/').pop()!, readFile(file))
    }
  }
  for (const envFile of sources.envFiles) {
    for (const raw of readFile(envFile).toString('utf8').split(/\r?\n/)) {
      const line = raw.trimStart()
      if (line === '' || line.startsWith('#')) continue
      const i = line.indexOf('=')
      if (i < 0) {
        const v = process.env[line]
        if (v !== undefined) add(line, Buffer.from(v))
        continue
      }
      add(line.slice(0, i), Buffer.from(line.slice(i + 1)))
    }
  }
  return data
}
