// `create -f`: each document in turn, printing kubectl's success line per object and its error text per
// failure; errors are printed after the successes, as kubectl aggregates them.
import type {Api} from '../../api/server.js'
import type {KObject} from '../../api/types.js'
import type {Target} from '../../cluster/clusters.js'

import {errorText, withSource} from '../errors.js'
import {fieldValidationOf, parseValidate} from '../flags.js'
import {printerFor} from '../print/print-flags.js'
import type {Visited} from '../resource/builder.js'
import {resolveResources} from '../resource/files.js'
import {placeInNamespace} from '../resource/namespace.js'

export interface CreateRun {
  args: string[]
  recursive: boolean
  validate: string
  dryRun: 'none' | 'client' | 'server'
  output?: 'name' | 'yaml' | 'json'
  saveConfig: boolean
  target: Target
  /** undefined for --dry-run=client (nothing is sent) */
  api?: Api
  stdin: () => string
  out(text: string): void
  err(line: string): void
}

/** The last-applied annotation kubectl writes with --save-config (and apply). */
export const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration'

/** The documents `create -f` and `apply -f` send, each in its namespace (or the error met instead), in file order. */
export function manifestObjects(run: Pick<CreateRun, 'args' | 'recursive' | 'validate' | 'target' | 'api' | 'stdin'>): Visited[] {
  const {target} = run
  const opts = {namespace: target.namespace, enforceNamespace: target.namespaceExplicit, files: run.args, recursive: run.recursive}
  return resolveResources(run.api, {...opts, validate: parseValidate(run.validate), stdin: run.stdin}).visited
}

/** Runs create over every manifest; returns the errors, as kubectl prints them after the successes. */
export function createFromItems(run: CreateRun): string[] {
  const errors: string[] = []
  const created: KObject[] = []
  const printer = printerFor(run.output, {operation: 'created', dryRun: run.dryRun})
  const items = manifestObjects(run)
  for (const {info, error} of items) {
    if (!info) {
      errors.push(errorText(error))
      continue
    }
    const raw = info.object!
    const rt = info.rt
    try {
      let obj = placeInNamespace(raw, rt, run.target)
      if (run.saveConfig) {
        obj = {...obj, metadata: {...obj.metadata, annotations: {...obj.metadata.annotations, [LAST_APPLIED]: JSON.stringify(raw) + '\n'}}}
      }
      let result: KObject
      if (run.api) {
        const r = run.api.create(obj, {dryRun: run.dryRun === 'server', fieldValidation: fieldValidationOf(run.validate)})
        for (const w of r.warnings) run.err(`Warning: ${w}`)
        result = r.object
      } else {
        result = obj
      }
      // YAML and JSON come after every success line's document was tried, as kubectl prints them
      if (run.output && run.output !== 'name') created.push(result)
      else run.out(printer.print(result))
    } catch (error) {
      errors.push(errorText(withSource(error, 'creating', info.source)))
    }
  }
  for (const obj of created) run.out(printer.print(obj))
  if (items.length === 0 && errors.length === 0) errors.push('error: no objects passed to create')
  return errors
}
