// The base of every ksim command: the flags every command takes (--context, -n), the cluster a command
// talks to, and the single place where errors become kubectl's text and exit code 1.
import {Command, Errors, Flags, Interfaces} from '@oclif/core'

import type {Api} from '../api/server.js'
import type {Store} from '../store/sqlite-store.js'
import type {Target} from '../cluster/clusters.js'

import {errorText, SilentError} from './errors.js'

export type BaseFlags<T extends typeof Command> = Interfaces.InferredFlags<(typeof KsimCommand)['baseFlags'] & T['flags']>

export abstract class KsimCommand extends Command {
  static override baseFlags = {
    context: Flags.string({description: 'The name of the context to use', helpGroup: 'GLOBAL'}),
    namespace: Flags.string({char: 'n', description: 'If present, the namespace scope for this CLI request', helpGroup: 'GLOBAL'}),
  }

  #store?: Store

  /** The context, cluster and namespace this invocation targets. */
  protected async target(flags: {context?: string; namespace?: string}): Promise<Target> {
    const {resolveTarget} = await import('../cluster/clusters.js')
    return resolveTarget(flags)
  }

  /** Opens the target cluster's store and API (closed when the command ends). */
  protected async openApi(target: Target): Promise<Api> {
    const [{Store}, {Api}, {stateFile}, {readProfile, apiSettingsOf}] = await Promise.all([
      import('../store/sqlite-store.js'),
      import('../api/server.js'),
      import('../config/paths.js'),
      import('../api/cluster-profile.js'),
    ])
    this.#store = Store.open(stateFile(target.cluster), {mustExist: true})
    return new Api(this.#store, {settings: apiSettingsOf(readProfile(this.#store))})
  }

  /**
   * Starts the target cluster's reconciler in the background when none is running, so that what a
   * write command changed gets acted on. Write commands call it after openApi; KSIM_NO_RECONCILER=1
   * turns it off. A failure to start is a warning: the write itself has succeeded.
   */
  protected async ensureReconcilerRunning(target: Target): Promise<void> {
    const {autoStartDisabled, ensureReconciler} = await import('../reconciler/spawn.js')
    if (autoStartDisabled()) return
    try {
      await ensureReconciler(target.cluster, {store: this.#store})
    } catch (error) {
      this.warn2(`Warning: could not start the reconciler of cluster "${target.cluster}": ${(error as Error).message}`)
    }
  }

  /** Writes to stdout exactly (no added newline). */
  protected out(text: string): void {
    if (text.length > 0) process.stdout.write(text)
  }

  /** Writes one line to stderr. */
  protected warn2(line: string): void {
    process.stderr.write(line.endsWith('\n') ? line : `${line}\n`)
  }

  /** Prints an error as kubectl does and marks the process as failed, without stopping. */
  protected report(err: unknown): void {
    if (!(err instanceof SilentError)) this.warn2(errorText(err, this.id, this.config.bin))
    process.exitCode = 1
  }

  override async init(): Promise<void> {
    this.argv = normaliseBooleanFlags(this.argv, (this.ctor as typeof Command).flags ?? {})
    // a closed pipe (`ksim get pods | head -1`) ends the command quietly
    process.stdout.on('error', (e: NodeJS.ErrnoException) => {
      if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0)
    })
    await super.init()
  }

  override async catch(err: Error & {exitCode?: number; oclif?: {exit?: number}}): Promise<void> {
    if (err instanceof Errors.ExitError) throw err
    if (isParseError(err)) {
      this.warn2(`error: ${parseErrorText(err)}\nSee '${this.config.bin} ${(this.id ?? '').replaceAll(':', ' ')} --help' for usage.`)
      process.exitCode = 1
      return
    }
    this.report(err)
  }

  override async finally(err: Error | undefined): Promise<void> {
    this.#store?.close()
    await super.finally(err)
  }
}

/**
 * kubectl (pflag) accepts `--wait=false` and `--force=true` for boolean flags; oclif only knows
 * `--wait` / `--no-wait`. Rewrites the first forms into the second before parsing.
 */
export function normaliseBooleanFlags(argv: string[], flags: Record<string, {type?: string; allowNo?: boolean; char?: string}>): string[] {
  const out: string[] = []
  for (const arg of argv) {
    if (arg === '--') {
      out.push(...argv.slice(argv.indexOf(arg)))
      break
    }
    const m = /^--([^=]+)=(true|false|True|False|TRUE|FALSE|1|0|t|f|T|F)$/.exec(arg) ?? /^-([A-Za-z])=(true|false|1|0)$/.exec(arg)
    if (!m) {
      out.push(arg)
      continue
    }
    const name = m[1].length === 1 ? Object.keys(flags).find((k) => flags[k].char === m[1]) : m[1]
    const def = name ? flags[name] : undefined
    if (!def || def.type !== 'boolean') {
      out.push(arg)
      continue
    }
    const on = /^(true|1|t)$/i.test(m[2])
    if (on) out.push(`--${name}`)
    else if (def.allowNo) out.push(`--no-${name}`)
  }
  return out
}

function isParseError(err: Error): boolean {
  return ['NonExistentFlagsError', 'UnexpectedArgsError', 'RequiredArgsError', 'FailedFlagValidationError', 'CLIParseError', 'FlagInvalidOptionError', 'ArgInvalidOptionError'].includes(
    err.constructor?.name,
  ) || (err as {parse?: unknown}).parse !== undefined
}

/** oclif's parse messages reworded as kubectl's (`unknown flag: --foo`). */
function parseErrorText(err: Error): string {
  const first = err.message.split('\n')[0]
  const m = /Nonexistent flags?: (.*)/.exec(first)
  if (m) return `unknown flag: ${m[1].split(',')[0].trim()}`
  const shorthand = /Flag --?(\S+) expects a value/.exec(first)
  if (shorthand) return `flag needs an argument: --${shorthand[1]}`
  return first.replace(/^Error: /, '')
}
