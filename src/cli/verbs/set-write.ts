// The write half that `set env` and `set resources` share (kubectl's patch loop after
// updatePodSpecForObject): per object its own error, or the strategic merge patch between before and
// after, printed without sending it under --local and --dry-run=client, else sent and the answer
// printed; an API error is wrapped in the command's words and the others go on; all errors come back
// as one aggregate.
import type {Api} from '../../api/server.js'
import type {KObject} from '../../api/types.js'

import {isStatusError} from '../../api/errors.js'
import {nameKind} from '../../printers/name.js'
import {CliError} from '../errors.js'
import {printerFor, printOptionsOf, type DryRun, type PrintFlagValues} from '../print/print-flags.js'
import {aggregateText} from './set-image.js'
import {objectName, patchBetween, sendPatch} from './set-pod-template.js'
import type {SetTarget} from './set-targets.js'
import type {Sinks} from './sinks.js'

/** One object's change: the object after the mutation, or why it could not be made. */
export interface TemplateChange {
  t: SetTarget
  after: KObject
  error?: string
}

export interface TemplateWrite {
  /** the success line's verb, e.g. `env updated` */
  operation: string
  /** an API error's text in the command's words */
  failed: (message: string) => string
  /** after a write went through: a result that ends the command there (set env's empty-change check) */
  afterWrite?: () => string[] | undefined
}

export function writeTemplateChanges(api: Api | undefined, changes: TemplateChange[], flags: PrintFlagValues & {output?: string; 'dry-run': DryRun; local?: boolean}, errors: CliError[], sinks: Sinks, w: TemplateWrite): string[] {
  const printer = printerFor(flags.output, {operation: w.operation, dryRun: flags['dry-run'], ...printOptionsOf(flags)})
  const print = (obj: KObject, rt: SetTarget['rt']) => sinks.out(printer.print(obj, {kind: nameKind(rt)}))
  const local = flags.local ?? false
  for (const {t, after, error} of changes) {
    if (error) {
      errors.push(new CliError(`error: ${objectName(t, local)} ${error}\n`))
      continue
    }
    const patch = patchBetween(t.object, after)
    if (!patch) continue
    if (local || flags['dry-run'] === 'client') {
      print(after, t.rt)
      continue
    }
    let actual: KObject
    try {
      actual = sendPatch(api!, t, patch, flags['dry-run'] === 'server')
    } catch (error) {
      if (!isStatusError(error)) throw error
      errors.push(new CliError(w.failed(error.message)))
      continue
    }
    const ended = w.afterWrite?.()
    if (ended) return ended
    print(actual, t.rt)
  }
  return errors.length > 0 ? [aggregateText(errors)] : []
}
