// kubectl's PrintFlags and ResourcePrinter for the commands that write: one `-o` flag, and one printer that
// turns each object a command changed into its line (`deployment.apps/web scaled (dry run)`, or
// `deployment.apps/web` for -o name) or its YAML/JSON, with the `---` between YAML documents.
import {Flags} from '@oclif/core'

import type {KObject} from '../../api/types.js'

import {executeGoTemplate, GoTemplateError, parseGoTemplate} from '../../printers/go-template.js'
import {execute as executeJsonPath, parseJsonPath} from '../../printers/jsonpath.js'
import {groupOf, nameKind} from '../../printers/name.js'
import {CliError} from '../errors.js'
import {type OutputFormat, parseOutputFormat} from './output-format.js'
import {formatObjects} from './objects.js'

export type DryRun = 'none' | 'client' | 'server'

/** The `-o` of the commands that write (create, apply, scale, set image, expose, run, rollout undo, patch). */
export const outputFlag = Flags.option({char: 'o', options: ['name', 'yaml', 'json'] as const, description: 'Output format. One of: (json, yaml, name).'})()

/** kubectl's `(dry run)` / `(server dry run)` suffix for success lines. */
export function dryRunSuffix(mode: string | undefined): string {
  if (mode === 'client') return ' (dry run)'
  if (mode === 'server') return ' (server dry run)'
  return ''
}

export interface PrintFlags {
  /** the verb of the success line (`created`, `scaled`); a print call may name its own */
  operation?: string
  /** adds kubectl's dry-run suffix to the operation */
  dryRun?: DryRun
  /** the `-o` values this command takes besides the default line (kubectl's error lists them when another is given) */
  allowed?: readonly string[]
}

export interface PrintCall {
  /** this object's operation instead of the printer's */
  operation?: string
  /** the `kind[.group]` of the line, when it is not the object's own (a scale subresource, say) */
  kind?: string
}

/** Prints one object; a printer counts what it printed, for YAML's `---` between documents. */
export interface ResourcePrinter {
  print(obj: KObject, call?: PrintCall): string
}

/** The kubectl line for an object: `kind/name`, then the operation and dry-run suffix unless -o name. */
function namePrinter(short: boolean, flags: PrintFlags): ResourcePrinter {
  return {
    print(obj, call = {}) {
      const kind = call.kind ?? nameKind({kind: obj.kind ?? '', group: groupOf(obj.apiVersion)})
      const operation = call.operation ?? flags.operation
      const name = `${kind}/${obj.metadata.name ?? obj.metadata.generateName ?? ''}`
      return short || !operation ? `${name}\n` : `${name} ${operation}${dryRunSuffix(flags.dryRun)}\n`
    },
  }
}

function templatePrinter(format: OutputFormat): ResourcePrinter | undefined {
  if (format.kind === 'jsonpath') {
    const tpl = parseJsonPath(format.template)
    return {print: (obj) => executeJsonPath(tpl, obj, {allowMissingKeys: true, outputJson: format.asJson})}
  }
  if (format.kind === 'go-template') {
    let tpl: ReturnType<typeof parseGoTemplate>
    try {
      tpl = parseGoTemplate(format.template)
    } catch (e) {
      throw e instanceof GoTemplateError ? new CliError(e.message) : e
    }
    return {print: (obj) => executeGoTemplate(tpl, obj)}
  }
  return undefined
}

/** The printer for `-o` (undefined: kubectl's success line). */
export function printerFor(output: string | undefined, flags: PrintFlags = {}): ResourcePrinter {
  const unknown = () => new CliError(`unable to match a printer suitable for the output format "${output}", allowed formats are: ${flags.allowed?.join(',')}`)
  if (!output) return namePrinter(false, flags)
  if (flags.allowed && !flags.allowed.includes(output.split('=')[0])) throw unknown()
  const format = parseOutputFormat(output)
  if (format.kind === 'name') return namePrinter(true, flags)
  if (format.kind === 'json') return {print: (obj) => formatObjects([obj], 'json')}
  if (format.kind === 'yaml') {
    let printed = 0
    return {print: (obj) => (printed++ > 0 ? '---\n' : '') + formatObjects([obj], 'yaml')}
  }
  const printer = templatePrinter(format)
  if (!printer) throw unknown()
  return printer
}
