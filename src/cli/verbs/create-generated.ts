// `create <kind> NAME ...` generators: build the object, create it (or not, for --dry-run=client) and
// print kubectl's line or the object.
import {type Interfaces} from '@oclif/core'

import type {Api} from '../../api/server.js'
import type {KObject} from '../../api/types.js'
import type {Target} from '../../cluster/clusters.js'

import {isStatusError} from '../../api/errors.js'
import {lookupKind} from '../../api/registry.js'
import {CliError} from '../errors.js'
import {dryRunFlag} from '../flags.js'
import {printFlags, printerFor, printOptionsOf, type PrintFlagValues} from '../print/print-flags.js'
import {asGenerated, typedJson} from '../print/typed-print.js'
import {isInputTooLarge, TOO_LARGE_MESSAGE} from '../resource/read-limited.js'
import {listDataDir, readDataFile} from './data-files.js'
import type {Sinks} from './sinks.js'

/** The flags every `create <kind> NAME` generator has. */
export const generatorFlags = {
  'dry-run': dryRunFlag,
  ...printFlags,
}

/** A generator's --dry-run and -o, as parsed. */
export type GeneratorFlags = Pick<Interfaces.InferredFlags<typeof generatorFlags>, 'dry-run' | 'output'> & PrintFlagValues

/**
 * Creates the object a generator built (through `api`; none for --dry-run=client) and prints kubectl's
 * line or the object (-o); an API error is wrapped after `failPrefix` (`failed to create configmap: `)
 * when kubectl wraps it.
 */
export function createGenerated(api: Api | undefined, target: Target, obj: KObject, flags: GeneratorFlags, sinks: Sinks, failPrefix?: string): void {
  const rt = lookupKind(obj.apiVersion, obj.kind)!
  const {'dry-run': dryRun, output} = flags
  let result = obj
  if (api && dryRun !== 'client') {
    let r: ReturnType<Api['create']>
    try {
      r = api.create(obj, {dryRun: dryRun === 'server'})
    } catch (error) {
      if (failPrefix !== undefined && isStatusError(error)) throw new CliError(`${failPrefix}${error.message}`)
      throw error
    }
    for (const w of r.warnings) sinks.err(`Warning: ${w}`)
    result = r.object
  }
  const printer = printerFor(output, {operation: 'created', dryRun, ...printOptionsOf(flags)})
  if (dryRun === 'client') {
    // nothing reached a server: kubectl prints the typed object it built, with metadata.namespace only when
    // -n was given (a context's namespace does not enforce it), whatever the printer (jsonpath too)
    const generated = asGenerated(result, rt, target.namespaceExplicit ? target.namespace : undefined)
    sinks.out(output === 'json' ? typedJson(generated) : printer.print(generated))
    return
  }
  sinks.out(printer.print(result))
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

/** The flags `create configmap` and `create secret generic` read their keys from. */
export interface DataSourceFlags {
  'from-literal'?: string[]
  'from-file'?: string[]
  'from-env-file'?: string[]
}

/**
 * The keys and bytes the data flags name, read from the files; an error is kubectl's `error: …`, and a file
 * larger than any request body fails as the API server would answer it, after `failPrefix`.
 */
export function dataFromFlags(kind: 'ConfigMap' | 'Secret', name: string, flags: DataSourceFlags, failPrefix: string): Map<string, Buffer> {
  try {
    return collectData(kind, name, {literals: flags['from-literal'] ?? [], files: flags['from-file'] ?? [], envFiles: flags['from-env-file'] ?? []}, readDataFile, listDataDir)
  } catch (error) {
    // a file larger than any request body: what the API server would answer, unread past the limit
    if (isInputTooLarge(error)) throw new CliError(`${failPrefix}${TOO_LARGE_MESSAGE}`)
    throw new CliError((error as Error).message)
  }
}
