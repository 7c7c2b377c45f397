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

/**
 * The `-o` values kubectl 1.35's PrintFlags name for the commands that write, sorted as its error lists them.
 * ksim has no kyaml printer: kubectl's error lists it, and asking for it gets that same error.
 */
export const WRITE_OUTPUT_FORMATS: readonly string[] = ['go-template', 'go-template-file', 'json', 'jsonpath', 'jsonpath-as-json', 'jsonpath-file', 'kyaml', 'name', 'template', 'templatefile', 'yaml']

/** The `-o` of the commands that write (create, apply, scale, set image, expose, run, rollout, patch). */
export const outputFlag = Flags.string({
  char: 'o',
  // kubectl's help also names kyaml, which ksim cannot print: left out here, so completion does not offer it
  description: 'Output format. One of: (json, yaml, name, go-template, go-template-file, template, templatefile, jsonpath, jsonpath-as-json, jsonpath-file).',
})

/** kubectl's PrintFlags as the commands that write have them: -o, --template, --show-managed-fields, --allow-missing-template-keys. */
export const printFlags = {
  'allow-missing-template-keys': Flags.boolean({
    description: 'If true, ignore any errors in templates when a field or map key is missing in the template. Only applies to golang and jsonpath output formats.',
    default: true,
    allowNo: true,
  }),
  output: outputFlag,
  'show-managed-fields': Flags.boolean({description: 'If true, keep the managedFields when printing objects in JSON or YAML format.', default: false}),
  template: Flags.string({
    description: 'Template string or path to template file to use when -o=go-template, -o=go-template-file. The template format is golang templates [http://golang.org/pkg/text/template/#pkg-overview].',
  }),
}

/** The parsed values of the print flags besides -o (optional: a caller in code may leave them out). */
export type PrintFlagValues = Partial<{template: string; 'show-managed-fields': boolean; 'allow-missing-template-keys': boolean}>
type PrintFlagNames = keyof PrintFlagValues
/** A verb's parsed flags with the print flags besides -o made optional. */
export type WithPrintFlags<F> = Omit<F, PrintFlagNames> & PrintFlagValues

/** The printer settings of parsed `printFlags`. */
export function printOptionsOf(flags: PrintFlagValues): Pick<PrintFlags, 'template' | 'showManagedFields' | 'allowMissingKeys'> {
  return {template: flags.template, showManagedFields: flags['show-managed-fields'], allowMissingKeys: flags['allow-missing-template-keys']}
}

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
  /** --template: the template of -o go-template/jsonpath (alone, it means -o go-template) */
  template?: string
  /** --show-managed-fields: keep metadata.managedFields in YAML and JSON */
  showManagedFields?: boolean
  /** --allow-missing-template-keys (default true) */
  allowMissingKeys?: boolean
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

function templatePrinter(format: OutputFormat, flags: PrintFlags): ResourcePrinter | undefined {
  if (format.kind === 'jsonpath') {
    const tpl = parseJsonPath(format.template)
    return {print: (obj) => executeJsonPath(tpl, obj, {allowMissingKeys: flags.allowMissingKeys ?? true, outputJson: format.asJson})}
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
  const allowed = flags.allowed ?? WRITE_OUTPUT_FORMATS
  // --template alone means -o go-template, as in kubectl
  if (!output && flags.template) output = 'go-template'
  const unknown = () => new CliError(`unable to match a printer suitable for the output format "${output}", allowed formats are: ${allowed.join(',')}`)
  if (!output) return namePrinter(false, flags)
  const name = output.split('=')[0]!
  if (!allowed.includes(name) || name === 'kyaml') throw unknown()
  const format = parseOutputFormat(output, flags.template)
  if (format.kind === 'name') return namePrinter(true, flags)
  const managed = flags.showManagedFields ?? false
  if (format.kind === 'json') return {print: (obj) => formatObjects([obj], 'json', managed)}
  if (format.kind === 'yaml') {
    let printed = 0
    return {print: (obj) => (printed++ > 0 ? '---\n' : '') + formatObjects([obj], 'yaml', managed)}
  }
  const printer = templatePrinter(format, flags)
  if (!printer) throw unknown()
  return printer
}
