// The reconciler's loop: wake on a store change (SQLite's data_version, nudged by a watch on the state
// folder) or on the earliest key timer; map each change to the keys of the controllers watching its kind;
// reconcile the due keys one controller at a time, each key's failure logged and retried with its own
// back-off while the others go on; keep the lease; compact the change log; stop on request or when idle.
import fs from 'node:fs'

import type {ClusterProfile} from '../api/cluster-profile.js'
import type {Api} from '../api/server.js'
import type {Clock} from '../api/types.js'
import type {Controller, ControllerContext, ObjectChange, Watch} from '../controllers/types.js'
import type {Backend} from '../store/backend.js'
import type {StoreCache} from './cache.js'
import type {ReconcilerLease} from './lease.js'
import {describeError, type Logger} from './log.js'

import {isStatusError} from '../api/errors.js'
import {EventRecorder} from '../api/events.js'
import {systemClock} from '../api/types.js'
import {objectKey} from '../controllers/keys.js'
import {LEASE_RENEW_MS, isLeaseLost} from './lease.js'
import {Waker} from './waker.js'
import {WorkQueue} from './work-queue.js'

/** Why the loop ended. */
export type StopReason = 'signal' | 'idle' | 'lease-lost' | 'state-removed' | 'store-error'

/** What the loop runs, and its timings (milliseconds). */
export interface RunnerOptions {
  store: Backend
  api: Api
  cache: StoreCache
  controllers: readonly Controller[]
  profile: ClusterProfile
  log: Logger
  /** renewed while running; without it (tests) nothing is renewed */
  lease?: ReconcilerLease
  /** the controllers' clock; default the system clock */
  clock?: Clock
  /** stop after this long with nothing pending; 0 never */
  idleMs: number
  /** longest sleep between checks for store changes while the cluster is busy; default 20 */
  pollMs?: number
  /**
   * longest sleep once nothing has changed for a second; default 200. A write to the state file wakes
   * the loop at once through a watch on its folder, so this only bounds the delay where that watch
   * misses a change.
   */
  quietPollMs?: number
  renewMs?: number
  /** how often the change log is compacted and the WAL checkpointed; default 60 s */
  compactEveryMs?: number
  /** change-log entries kept by compaction; default 10,000 */
  keepRevisions?: number
  /** stop when this file disappears (its cluster was deleted); also watched for an immediate wake */
  stateFile?: string
  /** the loop's monotonic time source; default performance.now */
  now?: () => number
}

/** the loop polls quickly for this long after the last change it saw */
const QUIET_AFTER_MS = 1000
/** controller runs (each over its dirty keys) before the loop yields to the event loop (signals are handled between them) */
const MAX_RUNS_PER_TICK = 200
/** a pass slower than this is logged */
const SLOW_PASS_MS = 1000
/** longest a pass keeps its writes uncommitted (other writers wait meanwhile) */
const BATCH_MS = 50
/** consecutive failures of the loop itself (not of a controller) before it gives up */
const MAX_LOOP_FAILURES = 20

/** One cluster's reconcile loop. `run()` resolves with the reason it stopped. */
export class Runner {
  readonly queue: WorkQueue
  #stopReason?: StopReason
  readonly #waker = new Waker()
  #nextRenew = 0
  readonly #now: () => number
  readonly #byName: Map<string, Controller>
  /** per kind: the controllers watching it, and how */
  readonly #watchers = new Map<string, {name: string; watch: Watch}[]>()
  #nextCompact = 0
  readonly #contexts = new Map<string, ControllerContext>()
  /** the cache's load count the queue's keys were listed at */
  #loads = -1
  /** the process's event recorder, shared by every controller (its memory dies with the process) */
  readonly recorder: EventRecorder

  constructor(readonly opts: RunnerOptions) {
    this.recorder = new EventRecorder(opts.api)
    this.queue = new WorkQueue(opts.controllers)
    this.#byName = new Map(opts.controllers.map((c) => [c.name, c]))
    for (const c of opts.controllers) {
      for (const w of c.watches) {
        const watch = typeof w === 'string' ? {kind: w} : w
        const list = this.#watchers.get(watch.kind) ?? []
        list.push({name: c.name, watch})
        this.#watchers.set(watch.kind, list)
      }
    }
    this.#now = opts.now ?? (() => performance.now())
  }

  /** Asks the loop to stop once the pass in progress is finished. */
  stop(reason: StopReason = 'signal'): void {
    this.#stopReason ??= reason
    this.wake()
  }

  /** Ends the current sleep early (a store change was seen). */
  wake(): void {
    this.#waker.wake()
  }

  /** Runs until stopped; may be called again after it returned 'idle' (work came in while stopping). */
  async run(): Promise<StopReason> {
    const {opts} = this
    if (this.#stopReason === 'idle') this.#stopReason = undefined
    const busyPollMs = opts.pollMs ?? 20
    const quietPollMs = Math.max(busyPollMs, opts.quietPollMs ?? 200)
    let lastChange = this.#now()
    const compactEveryMs = opts.compactEveryMs ?? 60_000
    this.#nextRenew = this.#now() + (opts.renewMs ?? LEASE_RENEW_MS)
    this.#nextCompact = this.#now() + compactEveryMs
    let lastBusy = this.#now()
    let loopFailures = 0
    const watcher = this.opts.stateFile ? this.#waker.watch(this.opts.stateFile, (m) => this.opts.log.warn(m)) : undefined
    this.relist()
    try {
      while (!this.#stopReason) {
        const pollMs = this.#now() - lastChange < QUIET_AFTER_MS ? busyPollMs : quietPollMs
        let wait = pollMs
        try {
          this.keepLease()
          if (this.#stopReason) break
          if (opts.cache.mayHaveChanged() && this.syncCache().size > 0) lastChange = this.#now()
          // a round of runs can last minutes (tens of thousands of pods): idleness counts from its end
          const working = this.queue.pending()
          this.runDue()
          if (working) lastBusy = this.#now()
          this.maybeCompact()
          const now = this.#now()
          if (this.queue.pending()) lastBusy = now
          else if (opts.idleMs > 0 && now - lastBusy >= opts.idleMs) {
            opts.log.info(`idle for ${opts.idleMs / 1000}s with nothing pending; exiting`)
            this.#stopReason ??= 'idle'
            break
          }
          const next = this.queue.nextDue(now)
          wait = Math.min(pollMs, this.#nextRenew - now, next === undefined ? pollMs : next - now)
          if (opts.idleMs > 0 && !this.queue.pending()) wait = Math.min(wait, lastBusy + opts.idleMs - now)
          loopFailures = 0
        } catch (error) {
          if (isLeaseLost(error)) {
            this.leaseLost(error)
            break
          }
          loopFailures++
          opts.log.error(`reconcile loop failed (${loopFailures} in a row): ${describeError(error)}`)
          if (loopFailures >= MAX_LOOP_FAILURES) this.#stopReason ??= 'store-error'
          wait = Math.min(10_000, 100 * 2 ** Math.min(loopFailures, 7))
        }
        if (!this.#stopReason) await this.#waker.sleep(Math.max(0, wait))
      }
    } finally {
      watcher?.close()
    }
    return this.#stopReason ?? 'signal'
  }

  /** Runs every due controller, one at a time, until none is due (or the per-tick budget is spent). */
  private runDue(): void {
    let runs = 0
    while (runs < MAX_RUNS_PER_TICK && !this.#stopReason) {
      const due = this.queue.due(this.#now())
      if (due.length === 0) return
      for (const name of due) {
        this.runOne(this.#byName.get(name)!)
        runs++
        // a long round must not let the lease expire under it, nor the change log grow unchecked
        this.keepLease()
        if (this.#stopReason) return
        this.maybeCompact()
        // the controller's own writes (and anything else committed meanwhile) wake whoever watches them
        if (this.opts.cache.mayHaveChanged()) this.syncCache()
      }
    }
  }

  // compacts the change log (and checkpoints the WAL) when it is time
  private maybeCompact(): void {
    if (this.#now() < this.#nextCompact) return
    this.compact()
    this.#nextCompact = this.#now() + (this.opts.compactEveryMs ?? 60_000)
  }

  // brings the cache up to date and marks the keys its changes map to; a relist marks every key
  private syncCache(): Set<string> {
    const {cache} = this.opts
    const kinds = cache.sync((change) => this.markChange(change))
    if (cache.loads !== this.#loads) {
      this.opts.log.warn('the change log no longer reached back to what the cache had read: read every object again')
      this.relist()
    }
    return kinds
  }

  private markChange(change: ObjectChange): void {
    for (const {name, watch} of this.#watchers.get(change.kind) ?? []) {
      if (watch.map) this.queue.add(name, watch.map(change, this.opts.cache))
      else this.queue.add(name, [objectKey(change.namespace, change.name)])
    }
  }

  // every key of every controller (start-up, or the cache read everything again)
  private relist(): void {
    this.#loads = this.opts.cache.loads
    for (const c of this.opts.controllers) this.queue.add(c.name, c.keys(this.opts.cache))
  }

  // reconciles the controller's dirty keys, one commit per BATCH_MS of them rather than one per write
  private runOne(c: Controller): void {
    const started = this.#now()
    const keys = this.queue.take(c.name)
    const ctx = this.context(c)
    let done = 0
    try {
      this.opts.store.batch(() => {
        for (const key of keys) {
          const more = this.runKey(c, ctx, key)
          done++
          if (!more) return
          // thousands of keys (the kubelet after a large create) take longer than the lease lasts: renew
          // it as they go, or `cluster status` says stopped and the next command starts a second reconciler
          this.keepLease()
          if (this.#stopReason) return
        }
      }, BATCH_MS)
    } finally {
      // keys taken but not reconciled go back to the queue: a run cut short by a failure outside any key
      // (a lease renewal that could not get the write lock while a long `create -f` held it) dropped
      // them, and each then waited for a change that might never come (3,091 of 30,000 pods stayed
      // ContainerCreating for good)
      if (done < keys.length) this.queue.add(c.name, keys.slice(done))
    }
    const took = this.#now() - started
    if (took > SLOW_PASS_MS) this.opts.log.warn(`${c.name}: reconcile of ${keys.length} key${keys.length === 1 ? '' : 's'} took ${Math.round(took)}ms`)
  }

  // one key; false when the lease was lost (nothing more may be written)
  private runKey(c: Controller, ctx: ControllerContext, key: string): boolean {
    const {log} = this.opts
    const failedBefore = this.queue.failures(c.name, key)
    try {
      const result = c.reconcile(ctx, key)
      this.queue.succeeded(c.name, key, this.#now(), result)
      if (failedBefore > 0) log.info(`${c.name}: reconcile of ${keyText(key)} succeeded after ${failedBefore} failure${failedBefore === 1 ? '' : 's'}`)
      return true
    } catch (error) {
      // the fence refused the writes: another reconciler has the cluster now
      if (isLeaseLost(error)) {
        this.leaseLost(error)
        return false
      }
      const wait = this.queue.failed(c.name, key, this.#now())
      // another writer got there first: optimistic concurrency, retried as client-go's controllers retry it
      if (isStatusError(error, 'Conflict')) log.info(`${c.name}: ${keyText(key)} changed while it was reconciled; retrying in ${wait}ms`)
      else log.error(`${c.name}: reconcile of ${keyText(key)} failed (${failedBefore + 1} in a row; retrying in ${wait}ms): ${describeError(error)}`)
      return true
    }
  }

  private context(c: Controller): ControllerContext {
    let ctx = this.#contexts.get(c.name)
    if (ctx) return ctx
    const {api, cache, profile, log} = this.opts
    ctx = {api, cache, recorder: this.recorder, profile, clock: this.opts.clock ?? systemClock, log: (m) => log.info(`${c.name}: ${m}`)}
    this.#contexts.set(c.name, ctx)
    return ctx
  }

  // renews the lease when due; stops the loop when it was lost or the cluster's state file is gone
  private keepLease(): void {
    const {lease, log, stateFile} = this.opts
    if (this.#now() < this.#nextRenew) return
    this.#nextRenew = this.#now() + (this.opts.renewMs ?? LEASE_RENEW_MS)
    if (stateFile && !fs.existsSync(stateFile)) {
      log.warn(`state file ${stateFile} is gone; exiting`)
      this.#stopReason ??= 'state-removed'
      return
    }
    if (!lease) return
    if (!lease.renew(new Date())) {
      log.warn('lost the lease to another reconciler; exiting')
      this.#stopReason ??= 'lease-lost'
    }
  }

  private leaseLost(error: unknown): void {
    this.opts.log.warn(`${(error as Error).message}; nothing of the pass in progress was written; exiting`)
    this.#stopReason ??= 'lease-lost'
  }

  private compact(): void {
    const {store, log} = this.opts
    const keep = this.opts.keepRevisions ?? 10_000
    // never past what the cache has read: a cache the log no longer reaches reads every object again
    // (at 30,000 pods a create -f wrote 10,000 revisions during one long kubelet run, and the reread
    // doubled the reconciler's memory)
    const upTo = Math.min(store.revision() - keep, this.opts.cache.revision())
    if (upTo > store.compactedRevision()) {
      const removed = store.compact(upTo)
      if (removed > 0) log.info(`compacted ${removed} change-log entries up to revision ${upTo}`)
    }
    store.checkpoint()
  }
}

/** How a key reads in the log: the whole-cluster key has no name. */
const keyText = (key: string): string => (key === '' ? 'the cluster' : key)
