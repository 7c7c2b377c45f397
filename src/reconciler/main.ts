// One reconciler process for one cluster: take the lease (or leave quietly if another process has it),
// load the cache, run the loop until SIGTERM/SIGINT, idleness or a lost lease, then give the lease back.
import {apiSettingsOf, defaultProfile, readProfile} from '../api/cluster-profile.js'
import {Api} from '../api/server.js'
import type {Clock, KObject} from '../api/types.js'
import {clusterExists} from '../cluster/clusters.js'
import {needsUpgrade, upgradeCluster} from '../cluster/upgrade.js'
import {containersDir, reconcilerLog} from '../config/paths.js'
import {createControllers} from '../controllers/index.js'
import type {Controller} from '../controllers/types.js'
import type {Backend, Change} from '../store/backend.js'
import {openStore} from '../store/open-store.js'
import {StoreCache} from './cache.js'
import {LEASE_NAME, LEASE_NAMESPACE, LEASE_RENEW_MS, ReconcilerLease, holderIdentity} from './lease.js'
import {describeError, openLogger, type Logger} from './log.js'
import {Runner, type StopReason} from './runner.js'
import {checkedStateFile} from '../config/private-dir.js'

/** How to run: which cluster, and overrides of the profile's settings (tests, `reconciler run` flags). */
export interface ReconcilerRunOptions {
  cluster: string
  /** exit after this long with nothing pending; 0 never; default the profile's reconcilerIdleSeconds */
  idleMs?: number
  /** mirror the log to stderr (foreground runs) */
  logToStderr?: boolean
  /** default createControllers() with the cluster's containers folder */
  controllers?: Controller[]
  clock?: Clock
  pollMs?: number
}

/** What happened: `lease-held` when another live reconciler already runs the cluster. */
export interface ReconcilerRunResult {
  exitCode: number
  reason: StopReason | 'lease-held' | 'no-cluster'
}

/**
 * SQLite's page cache for the reconciler's connection. Its writes touch pages all over the file
 * (every pod, every event), so a bigger cache saves little time and costs its size in resident memory.
 */
const STORE_CACHE_KIB = 4096

/** Runs the reconciler in this process until it stops; never throws for a failing controller. */
export async function runReconciler(opts: ReconcilerRunOptions): Promise<ReconcilerRunResult> {
  if (!clusterExists(opts.cluster)) return {exitCode: 1, reason: 'no-cluster'}
  const log = openLogger(reconcilerLog(opts.cluster), {stderr: opts.logToStderr})
  let store: Backend | undefined
  try {
    store = openStore(checkedStateFile(opts.cluster), {mustExist: true, cacheKiB: STORE_CACHE_KIB})
    return await runWithStore(store, log, opts)
  } catch (error) {
    log.error(`reconciler failed: ${describeError(error)}`)
    return {exitCode: 1, reason: 'store-error'}
  } finally {
    store?.close()
    log.close()
  }
}

async function runWithStore(store: Backend, log: Logger, opts: ReconcilerRunOptions): Promise<ReconcilerRunResult> {
  // from the start, a signal stops the process cleanly rather than by the default action
  let runner: Runner | undefined
  let signalled = false
  const onSignal = (signal: NodeJS.Signals): void => {
    log.info(`${signal} received; stopping after the current pass`)
    signalled = true
    runner?.stop('signal')
  }
  process.on('SIGTERM', onSignal)
  process.on('SIGINT', onSignal)
  try {
    return await runLeased(store, log, opts, () => signalled, (r) => {
      runner = r
      if (signalled) r.stop('signal')
    })
  } finally {
    process.off('SIGTERM', onSignal)
    process.off('SIGINT', onSignal)
  }
}

async function runLeased(store: Backend, log: Logger, opts: ReconcilerRunOptions, signalled: () => boolean, started: (r: Runner) => void): Promise<ReconcilerRunResult> {
  const profile = readProfile(store) ?? {...defaultProfile, name: opts.cluster}
  const api = new Api(store, {settings: apiSettingsOf(profile), clock: opts.clock})
  const lease = new ReconcilerLease(api, holderIdentity(), undefined, opts.clock?.monotonicMs ? () => opts.clock!.monotonicMs!() : undefined)
  const got = lease.acquire(new Date())
  if (!got.acquired) {
    log.info(`pid ${process.pid}: reconciler ${got.holder} holds the lease; exiting`)
    return {exitCode: 0, reason: 'lease-held'}
  }
  // from now on every write commits only while the lease is still ours (and renews it when due)
  store.setFence(() => lease.fence(LEASE_RENEW_MS))
  const from = got.previous ? ` (took over from ${got.previous}: ${got.reason === 'dead' ? 'process gone' : 'lease expired'})` : ''
  // a cluster made by an older ksim gets what this one expects (its CA, each namespace's companions)
  if (needsUpgrade(readProfile(store))) api.settings.rootCACert = upgradeCluster(store, opts.clock?.now() ?? new Date())?.rootCACert
  const controllers = opts.controllers ?? createControllers({containersDir: containersDir(opts.cluster)})
  log.info(`started as ${lease.identity}${from}; controllers: ${controllers.map((c) => c.name).join(', ') || '<none>'}`)

  const quiet = (c: Change<KObject>): boolean => c.kind === 'Lease' && c.namespace === LEASE_NAMESPACE && c.name === LEASE_NAME
  // Events are the most numerous kind and event-ttl reads them from the store: wake it, hold none
  const cache = new StoreCache(store, {quiet, unheld: ['Event']})
  cache.load()
  const idleMs = opts.idleMs ?? profile.reconcilerIdleSeconds * 1000
  const runner = new Runner({store, api, cache, controllers, profile, log, lease, clock: opts.clock, idleMs, pollMs: opts.pollMs, stateFile: store.file})
  started(runner)
  let reason = await runner.run()
  // going idle: give the lease up first, then look once more, so that a command that wrote just
  // before seeing the lease free is not left without a reconciler
  while (reason === 'idle') {
    store.setFence(undefined)
    lease.release(new Date())
    if (!(await workArrived(store, cache, lease, log, signalled))) break
    reason = await runner.run()
  }
  store.setFence(undefined)
  if (reason !== 'lease-lost' && reason !== 'state-removed') {
    try {
      lease.release(new Date())
      store.checkpoint()
    } catch (error) {
      log.warn(`could not release the lease: ${describeError(error)}`)
    }
  }
  log.info(`stopped (${reason})`)
  return {exitCode: reason === 'store-error' ? 1 : 0, reason}
}

/** how long a reconciler that has given up its lease for idleness keeps watching for new work */
const IDLE_LINGER_MS = 1000

// after releasing the lease for idleness: true when a change came in and the lease was ours again
async function workArrived(store: Backend, cache: StoreCache, lease: ReconcilerLease, log: Logger, signalled: () => boolean): Promise<boolean> {
  const until = performance.now() + IDLE_LINGER_MS
  for (;;) {
    if (signalled()) return false
    if (cache.mayHaveChanged() && cache.sync().size > 0) {
      const got = lease.acquire(new Date())
      if (got.acquired) {
        log.info('work arrived while stopping; carrying on')
        store.setFence(() => lease.fence(LEASE_RENEW_MS))
      }
      else log.info(`work arrived while stopping; reconciler ${got.holder} has it`)
      return got.acquired
    }
    if (performance.now() >= until) return false
    await new Promise((r) => setTimeout(r, 20))
  }
}
