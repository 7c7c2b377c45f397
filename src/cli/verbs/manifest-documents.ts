// What `create -f` and `apply -f` share: the documents of the files, each in its namespace, and the loop
// that sends each in turn, printing kubectl's line per success and collecting the errors to print after.
import type {Api} from '../../api/server.js'
import type {KObject} from '../../api/types.js'
import type {Target} from '../../cluster/clusters.js'

import {CliError, errorText, withSource} from '../errors.js'
import {goQuote} from '../../machinery/go-format.js'
import {matchLabelSelector, parseLabelSelector, type LabelSelector} from '../../machinery/labels.js'
import {parseValidate} from '../flags.js'
import type {ResourcePrinter} from '../print/print-flags.js'
import type {ResourceInfo, Visited} from '../resource/builder.js'
import {resolveResources} from '../resource/files.js'
import {BatchOutput, inBatches, type Batch} from './batches.js'
import type {Sinks} from './sinks.js'

/** -l for objects read from files: kept when their own labels match (kubectl's LabelSelectorParam on a file builder). */
export function fileSelector(text: string | undefined): (obj: KObject) => boolean {
  if (!text) return () => true
  let selector: LabelSelector
  try {
    selector = parseLabelSelector(text)
  } catch (error) {
    throw new CliError(`the provided selector ${goQuote(text)} is not valid: ${(error as Error).message}`)
  }
  return (obj) => matchLabelSelector(selector, obj.metadata.labels)
}

/** The documents `create -f` and `apply -f` send, each in its namespace (or the error met instead), in file order; -l filters them. */
export function manifestObjects(api: Api | undefined, target: Target, flags: {filename?: string[]; recursive: boolean; validate: string; selector?: string}, stdin: () => string): Visited[] {
  const matches = fileSelector(flags.selector)
  const opts = {namespace: target.namespace, enforceNamespace: target.namespaceExplicit, files: flags.filename ?? [], recursive: flags.recursive}
  return resolveResources(api, {...opts, validate: parseValidate(flags.validate), stdin}).visited.filter((v) => !v.info?.object || matches(v.info.object))
}

/** How the loop prints and names its failures. */
export interface DocumentLoop {
  /** the verb's name, for `no objects passed to VERB` */
  verb: string
  /** the verb's gerund, for withSource's `error when VERB "file"` */
  doing: string
  output?: string
  printer: ResourcePrinter
  /** an error to print as it is instead of with its source, if any */
  failure?: (error: unknown) => unknown
  /** send runs of documents in one store transaction each (batches.ts) */
  batch?: Batch
}

/**
 * Sends every document through `send`; prints each result (YAML and JSON after every document was tried,
 * as kubectl prints them) and returns the errors, as kubectl prints them after the successes. With
 * `loop.batch`, documents go in batches (batches.ts); `send` prints its warnings through `warn`, so that
 * they wait with the batch's lines.
 */
export function eachDocument(items: Visited[], loop: DocumentLoop, sinks: Sinks, send: (info: ResourceInfo, warn: (line: string) => void) => {result: KObject; operation?: string}): string[] {
  const errors: string[] = []
  const deferred: KObject[] = []
  const output = new BatchOutput(sinks)
  const warn = (line: string): void => output.err(line)
  const checkpoint = () => {
    const marks = {errors: errors.length, deferred: deferred.length}
    return () => {
      errors.length = marks.errors
      deferred.length = marks.deferred
    }
  }
  inBatches(items, loop.batch, output, ({info, error}) => {
    if (!info) {
      errors.push(errorText(error))
      return
    }
    try {
      const {result, operation} = send(info, warn)
      if (loop.output === 'yaml' || loop.output === 'json') deferred.push(result)
      else output.out(loop.printer.print(result, {operation}))
    } catch (error) {
      errors.push(errorText(loop.failure?.(error) ?? withSource(error, loop.doing, info.source)))
    }
  }, checkpoint)
  for (const obj of deferred) sinks.out(loop.printer.print(obj))
  if (items.length === 0 && errors.length === 0) errors.push(`error: no objects passed to ${loop.verb}`)
  return errors
}
