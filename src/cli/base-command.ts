// The base of every ksim command: the flags every command takes (--context, -n), the cluster a command
// talks to, and the single place where errors become kubectl's text and exit code 1.
import {Command, Errors, Flags, Interfaces} from '@oclif/core'
import fs from 'node:fs'
import path from 'node:path'

import type {Api} from '../api/server.js'
import type {KObject} from '../api/types.js'
import type {Backend} from '../store/backend.js'
import type {Target} from '../cluster/clusters.js'
import {needsUpgrade} from '../cluster/kubernetes-version.js'

import {colorFor, colorPrefixes} from './color.js'
import {errorText, FlagError, SilentError} from './errors.js'
import {applyNoOptDefaults} from './flags.js'

/**
 * The most one command waits, in all, for another process's write lock: SQLite's old per-write busy
 * timeout, now a budget for the whole command. 5 s was too short for 20 concurrent writers beside a
 * reconciler on a 2-core machine (the concurrent-CLI fault test gave up twice under load).
 */
const CLI_WRITE_WAIT_MS = 10_000

export type BaseFlags<T extends typeof Command> = Interfaces.InferredFlags<(typeof KsimCommand)['baseFlags'] & T['flags']>

export abstract class KsimCommand extends Command {
  static override baseFlags = {
    context: Flags.string({description: 'The name of the context to use', helpGroup: 'GLOBAL'}),
    namespace: Flags.string({char: 'n', description: 'If present, the namespace scope for this CLI request', helpGroup: 'GLOBAL'}),
  }

  #store?: Backend

  /** The context, cluster and namespace this invocation targets. */
  protected async target(flags: {context?: string; namespace?: string}): Promise<Target> {
    const {resolveTarget} = await import('../cluster/clusters.js')
    return resolveTarget(flags)
  }

  /** Opens the target cluster's store and API (closed when the command ends). */
  protected async openApi(target: Target): Promise<Api> {
    const [{openStore, openStoreCopy}, {Api}, {checkedStateFile, writableByMe}, {readProfile, apiSettingsOf}] = await Promise.all([
      import('../store/open-store.js'),
      import('../api/server.js'),
      import('../config/private-dir.js'),
      import('../api/cluster-profile.js'),
    ])
    const file = checkedStateFile(target.cluster)
    // a state file this user may only read is opened read-only: reads work, a write says it is read-only;
    // in a folder it may not write either, SQLite cannot open it in place, so a copy in memory serves.
    // A command waits for other writers (a stopped process holding the lock, say) a few seconds in
    // all, not per object: once one write has given up, the rest fail at once, each naming the holder
    const readonly = !writableByMe(file)
    const store =
      readonly && !writableByMe(path.dirname(file)) && !fs.existsSync(`${file}-shm`)
        ? openStoreCopy(file)
        : openStore(file, {mustExist: true, readonly, busyTimeoutMs: CLI_WRITE_WAIT_MS, writeWaitBudgetMs: CLI_WRITE_WAIT_MS})
    this.#store = store
    let profile = readProfile(store)
    if (needsUpgrade(profile)) {
      // a cluster made by an older ksim: bring it up to date once (see cluster/upgrade.ts)
      const {upgradeCluster} = await import('../cluster/upgrade.js')
      try {
        profile = upgradeCluster(store, new Date())
      } catch (error) {
        // a file this user may only read still serves reads; a write says what stands in its way
        this.warn2(`Warning: could not upgrade the state of cluster "${target.cluster}": ${(error as Error).message}`)
      }
    }
    const api = new Api(store, {settings: apiSettingsOf(profile)})
    await this.startReconcilerForUnfinishedWork(target, store)
    return api
  }

  /**
   * Every command that opens a cluster, reads included, starts its reconciler when work waits for one
   * that is not running (it died, or the cluster changed after it left; see reconciler/unfinished.ts).
   * The usual case, a live lease or a settled cluster, costs one keyed read and the store's revision.
   */
  private async startReconcilerForUnfinishedWork(target: Target, store: Backend): Promise<void> {
    const [{autoStartDisabled}, {unfinishedWork}] = await Promise.all([import('../reconciler/spawn.js'), import('../reconciler/unfinished.js')])
    if (autoStartDisabled()) return
    let work
    try {
      work = unfinishedWork(store)
    } catch (error) {
      this.warn2(`Warning: could not read the reconciler lease of cluster "${target.cluster}": ${(error as Error).message}`)
      return
    }
    if (work) await this.ensureReconcilerRunning(target)
  }

  /**
   * Starts the target cluster's reconciler in the background when none is running, so that what a
   * write command changed gets acted on. Write commands call it after openApi; KSIM_NO_RECONCILER=1
   * turns it off. A failure to start is a warning: the write itself has succeeded.
   */
  protected async ensureReconcilerRunning(target: Target): Promise<void> {
    const [{autoStartDisabled, ensureReconciler}, {pidAlive}, {reconcilerLog}] = await Promise.all([
      import('../reconciler/spawn.js'),
      import('../reconciler/lease.js'),
      import('../config/paths.js'),
    ])
    if (autoStartDisabled()) return
    try {
      const r = await ensureReconciler(target.cluster, {store: this.#store})
      if (r.started && !r.status.alive && r.spawnedPid !== undefined && !pidAlive(r.spawnedPid)) {
        this.warn2(`Warning: the reconciler of cluster "${target.cluster}" exited at start; see ${reconcilerLog(target.cluster)}`)
      }
    } catch (error) {
      this.warn2(`Warning: could not start the reconciler of cluster "${target.cluster}": ${(error as Error).message}`)
    }
  }

  /**
   * What every `create <kind> NAME` generator does with the object it built: create it (not for
   * --dry-run=client, where nothing is opened), start the reconciler after a real write, and print
   * kubectl's line or the object (`-o`).
   */
  protected async createGenerated(target: Target, obj: KObject, dryRun: 'none' | 'client' | 'server', output?: string, failPrefix?: string): Promise<void> {
    const {createGenerated} = await import('./create-generated.js')
    const api = dryRun === 'client' ? undefined : await this.openApi(target)
    createGenerated(obj, {api, dryRun, output, failPrefix, explicitNamespace: target.namespaceExplicit ? target.namespace : undefined, out: (s) => this.out(s), err: (s) => this.warn2(s)})
    if (dryRun === 'none') await this.ensureReconcilerRunning(target)
  }

  /** Writes to stdout exactly (no added newline). */
  protected out(text: string): void {
    if (text.length > 0) process.stdout.write(text)
  }

  /** Writes one line to stderr, its `error:` / `Warning:` prefix coloured when stderr takes colour. */
  protected warn2(line: string): void {
    const text = line.endsWith('\n') ? line : `${line}\n`
    process.stderr.write(colorFor(process.stderr) ? colorPrefixes(text) : text)
  }

  /** Prints an error as kubectl does and marks the process as failed, without stopping. */
  protected report(err: unknown): void {
    if (!(err instanceof SilentError)) this.warn2(errorText(err, this.id, this.config.bin))
    process.exitCode = 1
  }

  override async init(): Promise<void> {
    const flags = (this.ctor as typeof Command).flags ?? {}
    this.argv = normaliseBooleanFlags(applyNoOptDefaults(this.argv, flags), flags)
    // a closed pipe (`ksim get pods | head -1`) ends the command quietly
    process.stdout.on('error', (e: NodeJS.ErrnoException) => {
      if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0)
    })
    await super.init()
  }

  override async catch(err: Error & {exitCode?: number; oclif?: {exit?: number}}): Promise<void> {
    if (err instanceof Errors.ExitError) throw err
    if (isParseError(err)) {
      const ctor = this.ctor as typeof Command
      const {text, usage} = parseErrorText(err, this.argv, {...ctor.baseFlags, ...ctor.flags})
      // kubectl 1.35 prints pflag's failures as its own checks, "error: ...", plus cobra's usage hint
      this.warn2(usage ? `error: ${text}\nSee '${this.config.bin} ${(this.id ?? '').replaceAll(':', ' ')} --help' for usage.` : `error: ${text}`)
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
    const m = /^--([^=]+)=(.*)$/s.exec(arg) ?? /^-([A-Za-z])=(.*)$/s.exec(arg)
    const name = m ? (m[1].length === 1 ? Object.keys(flags).find((k) => flags[k].char === m[1]) : m[1]) : undefined
    const def = name ? flags[name] : undefined
    if (!m || !def || def.type !== 'boolean') {
      out.push(arg)
      continue
    }
    // strconv.ParseBool's spellings
    if (!/^(1|t|T|TRUE|true|True|0|f|F|FALSE|false|False)$/.test(m[2])) {
      const pflagName = def.char ? `-${def.char}, --${name}` : `--${name}`
      throw new FlagError(`invalid argument "${m[2]}" for "${pflagName}" flag: strconv.ParseBool: parsing "${JSON.stringify(m[2]).slice(1, -1)}": invalid syntax`)
    }
    const on = /^(1|t|T|TRUE|true|True)$/.test(m[2])
    if (on) out.push(`--${name}`)
    else if (def.allowNo) out.push(`--no-${name}`)
  }
  return out
}

function isParseError(err: Error): boolean {
  return (
    ['NonExistentFlagsError', 'UnexpectedArgsError', 'RequiredArgsError', 'FailedFlagValidationError', 'CLIParseError', 'FlagInvalidOptionError', 'ArgInvalidOptionError'].includes(
      err.constructor?.name,
    ) ||
    (err as {parse?: unknown}).parse !== undefined ||
    /^(Flag --\S+ expects (a value|one of these values)|Parsing --\S+ \n)/.test(err.message)
  )
}

type FlagDefs = Record<string, {char?: string; options?: readonly string[]}>

/** pflag names a flag with a shorthand `-r, --replicas` in its errors, whichever form was typed. */
function pflagName(name: string, flags: FlagDefs): string {
  const char = flags[name]?.char
  return char ? `-${char}, --${name}` : `--${name}`
}

/**
 * oclif's parse messages reworded as kubectl's. `usage` is whether kubectl adds its "See '... --help' for
 * usage." line: it does for every pflag parse failure, not for the values kubectl checks itself
 * (--dry-run, -o).
 */
export function parseErrorText(err: Error, argv: string[], flags: FlagDefs): {text: string; usage: boolean} {
  const first = err.message.split('\n')[0]
  const unknown = /Nonexistent flags?: (.*)/.exec(first)
  if (unknown) {
    // pflag names a long flag without its `=value`
    const flag = unknown[1].split(',')[0].trim().replace(/^(--[^=]+)=.*$/s, '$1')
    const short = /^-([^-])/.exec(flag)
    return {text: short ? `unknown shorthand flag: '${short[1]}' in ${flag}` : `unknown flag: ${flag}`, usage: true}
  }
  const needsValue = /^Flag --(\S+) expects (a value|one of these values)/.exec(first)
  if (needsValue) {
    const name = needsValue[1]
    const char = flags[name]?.char
    const typedShort = char !== undefined && argv.some((a) => a === `-${char}` || (/^-[^-]/.test(a) && a.endsWith(char)))
    return {text: typedShort ? `flag needs an argument: '${char}' in -${char}` : `flag needs an argument: --${name}`, usage: true}
  }
  const integer = /^Parsing --(\S+) \n\tExpected an integer but received: (.*)$/.exec(err.message.split('\nSee more help')[0])
  if (integer) {
    return {text: `invalid argument "${integer[2]}" for "${pflagName(integer[1], flags)}" flag: strconv.ParseInt: parsing "${integer[2]}": invalid syntax`, usage: true}
  }
  const invalid = /^Parsing --(\S+) \n\t(.*?)(?: but received: (.*))?$/.exec(err.message.split('\nSee more help')[0])
  if (invalid) {
    const reason = invalid[2].charAt(0).toLowerCase() + invalid[2].slice(1)
    return {text: invalid[3] === undefined ? `invalid value for "${pflagName(invalid[1], flags)}" flag: ${reason}` : `invalid argument "${invalid[3]}" for "${pflagName(invalid[1], flags)}" flag: ${reason}`, usage: true}
  }
  const option = /^Expected --(\S+?)=(.*) to be one of: /.exec(first)
  if (option && option[1] === 'dry-run') return {text: `Invalid dry-run value (${option[2]}). Must be "none", "server", or "client".`, usage: false}
  if (option && option[1] === 'output') {
    const allowed = [...(flags.output?.options ?? [])].sort().join(',')
    return {text: `unable to match a printer suitable for the output format "${option[2]}", allowed formats are: ${allowed}`, usage: false}
  }
  return {text: first.replace(/^Error: /, ''), usage: true}
}
