// Parses `-o` as kubectl's PrintFlags do, into one printer choice, with kubectl's error for the rest.
import fs from 'node:fs'

import {CliError} from '../errors.js'

export type OutputFormat =
  | {kind: 'table'; wide: boolean}
  | {kind: 'name'}
  | {kind: 'yaml'}
  | {kind: 'json'}
  | {kind: 'jsonpath'; template: string; asJson: boolean}
  | {kind: 'custom-columns'; spec: string; fromFile: boolean}
  | {kind: 'go-template'; template: string}

/** The `-o` values of get, in kubectl's help order: the flag's help, completion and the error below all come from here. */
export const GET_OUTPUT_FORMATS: readonly string[] = ['json', 'yaml', 'name', 'go-template', 'go-template-file', 'template', 'templatefile', 'jsonpath', 'jsonpath-as-json', 'jsonpath-file', 'custom-columns', 'custom-columns-file', 'wide']

const ALLOWED = [...GET_OUTPUT_FORMATS].sort().join(',')

function readTemplateFile(path: string): string {
  try {
    return fs.readFileSync(path, 'utf8')
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code
    const why = code === 'EISDIR' ? 'is a directory' : code === 'EACCES' ? 'permission denied' : 'no such file or directory'
    throw new CliError(`error reading --template ${path}, open ${path}: ${why}`)
  }
}

/** `-o` value (and --template) → an output format. */
export function parseOutputFormat(output: string | undefined, template?: string): OutputFormat {
  // kubectl: --template without -o means -o go-template
  if ((output === undefined || output === '') && template) output = 'go-template'
  if (output === undefined || output === '') return {kind: 'table', wide: false}
  const eq = output.indexOf('=')
  const name = eq >= 0 ? output.slice(0, eq) : output
  // a --template given wins over the value after `=` (cli-runtime's template flags)
  const arg = template || (eq >= 0 ? output.slice(eq + 1) : undefined)
  switch (name) {
    case 'wide':
      return {kind: 'table', wide: true}
    case 'name':
    case 'yaml':
    case 'json':
      return {kind: name}
    case 'jsonpath':
    case 'jsonpath-as-json':
      if (!arg) throw new CliError('template format specified but no template given')
      return {kind: 'jsonpath', template: arg, asJson: name === 'jsonpath-as-json'}
    case 'jsonpath-file':
      if (!arg) throw new CliError('template format specified but no template file given')
      return {kind: 'jsonpath', template: readTemplateFile(arg), asJson: false}
    case 'go-template':
    case 'template':
      if (!arg) throw new CliError('template format specified but no template given')
      return {kind: 'go-template', template: arg}
    case 'go-template-file':
    case 'templatefile':
      if (!arg) throw new CliError('template format specified but no template given')
      return {kind: 'go-template', template: readTemplateFile(arg)}
    case 'custom-columns':
      if (!arg) throw new CliError('custom-columns format specified but no custom columns given')
      return {kind: 'custom-columns', spec: arg, fromFile: false}
    case 'custom-columns-file':
      if (!arg) throw new CliError('custom-columns-file format specified but no custom columns file given')
      try {
        return {kind: 'custom-columns', spec: fs.readFileSync(arg, 'utf8'), fromFile: true}
      } catch {
        throw new CliError(`open ${arg}: no such file or directory`)
      }
    default:
      throw new CliError(`unable to match a printer suitable for the output format "${output}", allowed formats are: ${ALLOWED}`)
  }
}
