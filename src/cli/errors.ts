// The one place errors become the text kubectl prints (kubectl cmd/util/helpers.go checkErr rules).
import path from 'node:path'

import {StatusError, isStatusError} from '../api/errors.js'
import {isNoResourceMatch} from '../api/registry.js'
import {isStoreError} from '../store/errors.js'

/** An error kubectl prints as `error: <message>` (client-side failures). */
export class CliError extends Error {
  override name = 'CliError'
  constructor(
    message: string,
    /** adds kubectl's `See '<bin> <cmd> -h' for help and examples` line */
    readonly usage = false,
  ) {
    super(message)
  }
}

/**
 * A flag value kubectl's flag parser (pflag) refuses: printed as kubectl 1.35 prints it, `error: ...` and cobra's
 * `See '<bin> <cmd> --help' for usage.` line.
 */
export class FlagError extends CliError {
  override name = 'FlagError'
}

/** An error kubectl prints as it is, without `error: ` (its connection failures). */
export class PlainError extends CliError {
  override name = 'PlainError'
}

/**
 * An error's text as kubectl prints the errors of an aggregate of several (cmdutil.MultipleErrors): the
 * API server's `Error from server (...)` as ever, any other without `error: `. `get` (table output, and
 * other output with more than one error) and `describe` report what their builder found that way.
 */
export function aggregatedErrorText(error: unknown): string {
  return errorText(error).replace(/^error: /, '')
}

/**
 * What a run found wrong, already worded as kubectl prints it (one entry per stderr line or block): a run
 * returns these, and the base command prints them and exits 1.
 */
export class RunErrors extends Error {
  override name = 'RunErrors'
  constructor(readonly lines: readonly string[]) {
    super(lines.join('\n'))
  }
}

/** Wraps an API error with the file it came from: `error when creating "pod.yaml": ...`. */
export function withSource(err: unknown, verb: string, source: string | undefined): unknown {
  if (!source || !isStatusError(err) || err.reason === 'Invalid') return err
  const wrapped = new StatusError(err.code, err.reason, `error when ${verb} "${source}": ${err.message}`, err.details)
  return wrapped
}

/** The text kubectl prints for `err` (without trailing newline). */
export function errorText(err: unknown, commandId?: string, bin = 'ksim'): string {
  if (isNoResourceMatch(err)) return `error: ${err.message}`
  if (isStatusError(err)) {
    if (err.reason === 'Invalid') {
      const d = err.details
      const head = d.kind || d.name ? `The ${d.kind ?? ''} "${d.name ?? ''}" is invalid` : 'The request is invalid'
      const causes = d.causes ?? []
      if (causes.length === 0) return `${head}: ${err.message}`
      const lines = causes.map((c) => (c.field ? `${c.field}: ${c.message}` : c.message))
      return lines.length === 1 ? `${head}: ${lines[0]}` : `${head}: \n${lines.map((l) => `* ${l}`).join('\n')}`
    }
    return err.reason ? `Error from server (${err.reason}): ${err.message}` : `Error from server: ${err.message}`
  }
  if (err instanceof FlagError) {
    // kubectl 1.35 prints pflag's failures through its own error handler: "error: ..." (1.32's cobra said "Error:")
    const msg = prefixed(err.message)
    return commandId ? `${msg}\nSee '${bin} ${commandId.replaceAll(':', ' ')} --help' for usage.` : msg
  }
  if (err instanceof PlainError) return err.message
  if (err instanceof CliError) {
    const msg = prefixed(err.message)
    return err.usage && commandId ? `${msg}\nSee '${bin} ${commandId.replaceAll(':', ' ')} -h' for help and examples` : msg
  }
  if (isStoreError(err, 'Corrupt') && err.message.includes(' is corrupt ') && err.file && path.basename(err.file) === 'state.db') {
    // a cluster's state file: say how to get rid of it
    const cluster = path.basename(path.dirname(err.file))
    return prefixed(`${err.message}\nTo start again, restore the file from a backup or delete the cluster: ${bin} cluster delete ${cluster}`)
  }
  if (isStoreError(err)) return prefixed(err.message)
  if (err instanceof Error) return prefixed(err.message)
  return prefixed(String(err))
}

function prefixed(msg: string): string {
  return msg.startsWith('error: ') ? msg : `error: ${msg}`
}

/**
 * What kubectl's CheckErr prints for utilerrors.NewAggregate(errs): one error as CheckErr prints it
 * alone, several one per line (MultipleErrors: the API's standard text, others as they are, no prefix).
 */
export function aggregateErrorText(errs: unknown[], commandId?: string, bin = 'ksim'): string {
  if (errs.length === 1) return errorText(errs[0], commandId, bin)
  return errs.map((e) => (isStatusError(e) || isNoResourceMatch(e) ? errorText(e, commandId, bin) : e instanceof Error ? e.message : String(e))).join('\n')
}
