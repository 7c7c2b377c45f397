// The base of every ksim command: the flags every command takes (--context, -n), the cluster a command
// talks to, the one place where a command's errors are printed as kubectl's text with exit code 1 (its
// `catch`: thrown errors, and the RunErrors a run returned), and the one place that starts the reconciler
// after a command wrote (its `finally`, driven by the static `writes`).
import {Command, Errors, Flags, type Interfaces} from '@oclif/core'
import fs from 'node:fs'
import path from 'node:path'

import type {Api} from '../api/server.js'
import type {KObject} from '../api/types.js'
import type {Backend} from '../store/backend.js'
import type {Target} from '../cluster/clusters.js'
import type {Sinks} from './verbs/sinks.js'
import type {GeneratorFlags} from './verbs/create-generated.js'
import {needsUpgrade} from '../cluster/kubernetes-version.js'

import {colorFor, colorPrefixes} from './print/color.js'
import {CliError, errorText, RunErrors} from './errors.js'
import {isParseError, normaliseBooleanFlags, parseErrorText} from './pflag.js'
import {applyNoOptDefaults, normaliseDryRun} from './flags.js'
import {fieldManagerOf} from './field-managers.js'
import {onKubeconfigFileLoaded, setExplicitKubeconfig} from '../config/kubeconfig-files.js'
import {klogLine, loggedApi, parseRequestTimeout, REQUEST_LEVEL} from './verbosity.js'

/**
 * The most one command waits, in all, for another process's write lock: SQLite's old per-write busy
 * timeout, now a budget for the whole command. 5 s was too short for 20 concurrent writers beside a
 * reconciler on a 2-core machine (the concurrent-CLI fault test gave up twice under load).
 */
const CLI_WRITE_WAIT_MS = 10_000

type FlagOutput = {[name: string]: any} // eslint-disable-line @typescript-eslint/no-explicit-any -- oclif's own
type ArgOutput = {[name: string]: any} // eslint-disable-line @typescript-eslint/no-explicit-any -- oclif's own

/** The `writes` of a command that writes unless --dry-run is client or server. */
export const unlessDryRun = (flags: Record<string, unknown>): boolean => (flags['dry-run'] ?? 'none') === 'none'

export abstract class KsimCommand extends Command {
  static override baseFlags = {
    context: Flags.string({description: 'The name of the context to use', helpGroup: 'GLOBAL'}),
    namespace: Flags.string({char: 'n', description: 'If present, the namespace scope for this CLI request', helpGroup: 'GLOBAL'}),
    kubeconfig: Flags.string({description: 'Path to the kubeconfig file to use for CLI requests.', helpGroup: 'GLOBAL'}),
    cluster: Flags.string({description: 'The name of the kubeconfig cluster to use', helpGroup: 'GLOBAL'}),
    user: Flags.string({description: 'The name of the kubeconfig user to use', helpGroup: 'GLOBAL'}),
    'request-timeout': Flags.string({description: "The length of time to wait before giving up on a single server request. Non-zero values should contain a corresponding time unit (e.g. 1s, 2m, 3h). A value of zero means don't timeout requests.", helpGroup: 'GLOBAL'}),
    v: Flags.integer({char: 'v', description: 'number for the log level verbosity', helpGroup: 'GLOBAL'}),
  }

  /**
   * Whether this command writes to the cluster, given its parsed flags: when it does, the base starts
   * the cluster's reconciler once the command is done (see `finally`). A command whose writes depend
   * on what it found sets `wrote` instead.
   */
  static writes?: (flags: Record<string, unknown>) => boolean

  /** Set by a command that knows whether it wrote (it changed something); wins over the static `writes`. */
  wrote?: boolean

  #store?: Backend
  #target?: Target
  #flags: Record<string, unknown> = {}
  #reconcilerStarted = false
  #verbosity = 0

  /** The context, cluster and namespace this invocation targets. */
  async target(flags: {context?: string; namespace?: string}): Promise<Target> {
    // as kubectl: a --request-timeout it cannot read fails a command that talks to a cluster
    parseRequestTimeout(this.#flags['request-timeout'] as string | undefined)
    const {resolveTarget} = await import('../cluster/clusters.js')
    // --cluster and --user override the context's, unless the command has flags of those names itself
    const own = (this.ctor as typeof Command).flags ?? {}
    const override = (name: 'cluster' | 'user') => (Object.hasOwn(own, name) ? undefined : (this.#flags[name] as string | undefined))
    return resolveTarget({...flags, cluster: override('cluster'), user: override('user')})
  }

  /** The cluster a cluster command acts on: the one named, else the current context's; an error when it does not exist. */
  async existingCluster(name: string | undefined, flags: {context?: string; namespace?: string}): Promise<string> {
    const cluster = name ?? (await this.target(flags)).cluster
    const {clusterExists} = await import('../cluster/clusters.js')
    if (!clusterExists(cluster)) throw new CliError(`cluster "${cluster}" not found`)
    return cluster
  }

  /** The cluster the flags target, and its API opened (the kinds registered, the store closed at the end). */
  async open(flags: {context?: string; namespace?: string}): Promise<{target: Target; api: Api}> {
    const target = await this.target(flags)
    return {target, api: await this.openApi(target)}
  }

  /** Opens the target cluster's store and API (closed when the command ends). */
  async openApi(target: Target): Promise<Api> {
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
    // --request-timeout bounds how long one command waits for another process's write lock
    const requestTimeout = parseRequestTimeout(this.#flags['request-timeout'] as string | undefined)
    const waitMs = requestTimeout > 0 ? Math.min(requestTimeout, CLI_WRITE_WAIT_MS) : CLI_WRITE_WAIT_MS
    const store =
      readonly && !writableByMe(path.dirname(file)) && !fs.existsSync(`${file}-shm`)
        ? openStoreCopy(file)
        : openStore(file, {mustExist: true, readonly, busyTimeoutMs: waitMs, writeWaitBudgetMs: waitMs})
    this.#store = store
    this.#target = target
    let profile = readProfile(store)
    if (needsUpgrade(profile)) {
      // a cluster made by an older ksim: bring it up to date once (see cluster/upgrade.ts)
      const {upgradeCluster} = await import('../cluster/upgrade.js')
      try {
        profile = upgradeCluster(store, new Date())
      } catch (error) {
        // a file this user may only read still serves reads; a write says what stands in its way
        this.stderrLine(`Warning: could not upgrade the state of cluster "${target.cluster}": ${(error as Error).message}`)
      }
    }
    // each verb's writes carry kubectl's field manager for that verb (cli/field-managers.ts)
    const direct = new Api(store, {settings: apiSettingsOf(profile), fieldManager: fieldManagerOf(this.id, this.#flags), clientWrites: true})
    const api = this.#verbosity >= REQUEST_LEVEL ? loggedApi(direct, (line) => process.stderr.write(line)) : direct
    // kubectl prints each warning the server sends once per command
    const warned = new Set<string>()
    api.onWarning = (message) => {
      if (warned.has(message)) return
      warned.add(message)
      this.stderrLine(`Warning: ${message}`)
    }
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
      this.stderrLine(`Warning: could not read the reconciler lease of cluster "${target.cluster}": ${(error as Error).message}`)
      return
    }
    if (work) await this.ensureReconcilerRunning(target)
  }

  /**
   * Starts the target cluster's reconciler in the background when none is running, so that what a
   * write command changed gets acted on: the base calls it after a command that wrote (`finally`), and a
   * command that waits for the reconciler's work calls it before it waits. Once per command;
   * KSIM_NO_RECONCILER=1 turns it off. A failure to start is a warning: the write itself has succeeded.
   */
  async ensureReconcilerRunning(target: Target): Promise<void> {
    if (this.#reconcilerStarted) return
    this.#reconcilerStarted = true
    const [{autoStartDisabled, ensureReconciler}, {pidAlive}, {reconcilerLog}] = await Promise.all([
      import('../reconciler/spawn.js'),
      import('../reconciler/lease.js'),
      import('../config/paths.js'),
    ])
    if (autoStartDisabled()) return
    try {
      const r = await ensureReconciler(target.cluster, {store: this.#store})
      if (r.started && !r.status.alive && r.spawnedPid !== undefined && !pidAlive(r.spawnedPid)) {
        this.stderrLine(`Warning: the reconciler of cluster "${target.cluster}" exited at start; see ${reconcilerLog(target.cluster)}`)
      }
    } catch (error) {
      this.stderrLine(`Warning: could not start the reconciler of cluster "${target.cluster}": ${(error as Error).message}`)
    }
  }

  /**
   * What every `create <kind> NAME` generator does with the object it built: create it (not for
   * --dry-run=client, where nothing is opened) and print kubectl's line or the object (`-o`).
   */
  async createGenerated(target: Target, obj: KObject, flags: GeneratorFlags, failPrefix?: string): Promise<void> {
    const {createGenerated} = await import('./verbs/create-generated.js')
    const api = flags['dry-run'] === 'client' ? undefined : await this.openApi(target)
    createGenerated(api, target, obj, flags, this.sinks(), failPrefix)
    this.wrote = flags['dry-run'] === 'none'
  }

  /** The out/err sinks a verb's run writes to. */
  sinks(): Sinks {
    return {out: (s) => this.out(s), err: (s) => this.stderrLine(s)}
  }

  /** Writes to stdout exactly (no added newline). */
  out(text: string): void {
    if (text.length > 0) process.stdout.write(text)
  }

  /** Writes one line to stderr, its `error:` / `Warning:` prefix coloured when stderr takes colour. */
  stderrLine(line: string): void {
    const text = line.endsWith('\n') ? line : `${line}\n`
    process.stderr.write(colorFor(process.stderr) ? colorPrefixes(text) : text)
  }

  /** Prints an error as kubectl does and marks the process as failed, without stopping. */
  protected report(err: unknown): void {
    this.reportErrors(err instanceof RunErrors ? err.lines : [errorText(err, this.id, this.config.bin)])
  }

  /** Prints errors a run found, each as it is, and marks the process as failed (when there are any). */
  reportErrors(lines: readonly string[]): void {
    for (const line of lines) this.stderrLine(line)
    if (lines.length > 0) process.exitCode = 1
  }

  /** Ends the command with the errors a run returned (printed by `catch`), if there are any. */
  protected failOn(errors: readonly string[]): void {
    if (errors.length > 0) throw new RunErrors(errors)
  }

  /** Remembers the parsed flags: the static `writes` reads them when the command is done. */
  protected override async parse<F extends FlagOutput, B extends FlagOutput, A extends ArgOutput>(
    options?: Interfaces.Input<F, B, A>,
    argv?: string[],
  ): Promise<Interfaces.ParserOutput<F, B, A>> {
    const parsed = await super.parse<F, B, A>(options, argv)
    this.#flags = parsed.flags as Record<string, unknown>
    // --kubeconfig names the one file every config read and write uses (config/kubeconfig-files.ts); a
    // command with a --kubeconfig of its own (serve: the file it writes) means something else by it
    const own = (this.ctor as typeof Command).flags ?? {}
    if (!Object.hasOwn(own, 'kubeconfig')) setExplicitKubeconfig(this.#flags.kubeconfig as string | undefined)
    // -v: at kubectl's request level, each kubeconfig file loaded and each API call (cli/verbosity.ts)
    this.#verbosity = (this.#flags.v as number | undefined) ?? 0
    if (this.#verbosity >= REQUEST_LEVEL) {
      const seen = new Set<string>()
      onKubeconfigFileLoaded((file) => {
        if (seen.has(file)) return
        seen.add(file)
        process.stderr.write(klogLine('kubeconfig', `Config loaded from file:  ${file}`))
      })
    }
    return parsed
  }

  override async init(): Promise<void> {
    const flags = (this.ctor as typeof Command).flags ?? {}
    const dryRunWarning = (source: string, message: string) => process.stderr.write(klogLine(source, message, undefined, 'W'))
    this.argv = normaliseBooleanFlags(applyNoOptDefaults(normaliseDryRun(this.argv, flags, dryRunWarning), flags), flags)
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
      this.stderrLine(usage ? `error: ${text}\nSee '${this.config.bin} ${(this.id ?? '').replaceAll(':', ' ')} --help' for usage.` : `error: ${text}`)
      process.exitCode = 1
      return
    }
    this.report(err)
  }

  override async finally(err: Error | undefined): Promise<void> {
    // a command that wrote starts the reconciler after its writes (a reconciler going idle meanwhile sees
    // them, or has already left the lease free), also when some of its objects failed: the others were
    // written. Nothing was written unless the cluster was opened.
    try {
      const writes = (this.ctor as typeof KsimCommand).writes
      const done = err === undefined || err instanceof RunErrors
      if (this.#target && done && (this.wrote ?? writes?.(this.#flags) ?? false)) await this.ensureReconcilerRunning(this.#target)
    } finally {
      this.#store?.close()
      await super.finally(err)
    }
  }
}
