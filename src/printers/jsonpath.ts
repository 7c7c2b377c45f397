// kubectl's JSONPath: `-o jsonpath=...`, `-o jsonpath-as-json=...`, and the path expressions that
// custom-columns and --sort-by evaluate. Templates follow client-go's util/jsonpath; output and error
// text follow cli-runtime's JSONPathPrinter and jsonpath_flags.go.
import {goJson, goQuote, goSharpV, INVALID, isGoInt, goFloatV, GoByte, GoFloat, type GoValue} from '../machinery/go-format.js'
import {Evaluator} from './jsonpath-eval.js'
import {JsonPathSyntaxError, parseTemplate, type JpList} from './jsonpath-parse.js'

export type {GoValue} from '../machinery/go-format.js'

/**
 * A JSONPath failure. `message` is what kubectl prints after `error: `; `detail` is client-go's own
 * text (`unterminated array`, `array index out of bounds: index 3, length 1`, ...).
 */
export class JsonPathError extends Error {
  override name = 'JsonPathError'
  constructor(
    message: string,
    readonly detail: string = message,
  ) {
    super(message)
  }
}

/** A parsed template, reusable for any number of objects. */
export interface JsonPathTemplate {
  readonly text: string
  readonly root: JpList
}

/** Options of one execution: kubectl sets allowMissingKeys unless --allow-missing-template-keys=false. */
export interface ExecuteOptions {
  allowMissingKeys: boolean
  /** `-o jsonpath-as-json`: each action's results as one indented JSON array */
  outputJson?: boolean
}

/** kubectl's error when `-o jsonpath=` (or `--template=`) is given no template. */
export const NO_TEMPLATE_MESSAGE = 'template format specified but no template given'

function raw<T>(fn: () => T): T {
  try {
    return fn()
  } catch (e) {
    if (e instanceof JsonPathSyntaxError) throw new JsonPathError(e.message)
    throw e
  }
}

/** client-go's Parse, with its raw errors: what custom-columns and --sort-by report. */
export function compileJsonPath(template: string): JsonPathTemplate {
  return {text: template, root: raw(() => parseTemplate(template))}
}

/** The `-o jsonpath=` printer's parse: errors read `error parsing jsonpath {.a[}, unterminated array`. */
export function parseJsonPath(template: string): JsonPathTemplate {
  try {
    return compileJsonPath(template)
  } catch (e) {
    if (e instanceof JsonPathError) throw new JsonPathError(`error parsing jsonpath ${template}, ${e.detail}`, e.detail)
    throw e
  }
}

/** FindResults: the values of each action (range bodies once per item), raw errors. */
export function findResults(template: JsonPathTemplate, data: GoValue, opts: {allowMissingKeys: boolean}): GoValue[][] {
  return raw(() => new Evaluator(template.root.nodes, opts.allowMissingKeys).findResults(data))
}

/** How PrintResults writes one value: maps and arrays as compact JSON, everything else as fmt prints it. */
export function valueText(v: GoValue): string {
  if (v === INVALID) return '<no value>'
  if (v === null || v === undefined) return 'null'
  if (typeof v === 'object' && !(v instanceof GoFloat) && !(v instanceof GoByte)) return goJson(v)
  if (v instanceof GoFloat) return goFloatV(v.value)
  if (v instanceof GoByte) return String(v.value)
  if (typeof v === 'number') return isGoInt(v) ? String(v) : goFloatV(v)
  return String(v)
}

function printResults(results: GoValue[], outputJson: boolean): string {
  if (outputJson) return goJson(results.map((v) => (v === INVALID ? null : v)), '    ') + '\n'
  return results.map(valueText).join(' ')
}

/**
 * The JSONPathPrinter: the template's output for `data` (no trailing newline of its own). Errors
 * read as kubectl prints them: `error executing jsonpath "{...}": Error executing template: ...`.
 */
export function execute(template: JsonPathTemplate, data: GoValue, opts: ExecuteOptions): string {
  let results: GoValue[][]
  try {
    results = findResults(template, data, opts)
  } catch (e) {
    if (!(e instanceof JsonPathError)) throw e
    const debug =
      `Error executing template: ${e.detail}. Printing more information for debugging the template:\n` +
      `\ttemplate was:\n\t\t${template.text}\n` +
      `\tobject given to jsonpath engine was:\n\t\t${goSharpV(data)}\n\n`
    throw new JsonPathError(`error executing jsonpath ${goQuote(template.text)}: ${debug}\n`, e.detail)
  }
  return results.map((r) => printResults(r, opts.outputJson ?? false)).join('')
}

const RELAXED = /^\{\.?([^{}]+)\}$|^\.?([^{}]+)$/

/**
 * RelaxedJSONPathExpression (custom-columns, --sort-by): `metadata.name`, `.metadata.name`,
 * `{metadata.name}` and `{.metadata.name}` all become `{.metadata.name}`.
 */
export function relaxedJsonPathExpression(path: string): string {
  if (path === '') return path
  const m = RELAXED.exec(path)
  if (!m) {
    throw new JsonPathError("unexpected path string, expected a 'name1.name2' or '.name1.name2' or '{name1.name2}' or '{.name1.name2}'")
  }
  return `{.${m[1] || m[2]}}`
}
