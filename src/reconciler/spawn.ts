// Starting and stopping a cluster's background reconciler from CLI commands. Starting is safe to race:
// every starter spawns only when no live process holds the lease, and of the processes spawned only
// the one that wins the lease stays; the others exit at once.
import {spawn} from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {fileURLToPath} from 'node:url'

import {clusterDir, containersDir, ksimHome, reconcilerLog, stateFile} from '../config/paths.js'
import {killAllInstances} from '../controllers/kubelet/process/reap.js'
import type {Backend} from '../store/backend.js'
import {isStoreError} from '../store/errors.js'
import {openStore} from '../store/open-store.js'
import {pidAlive, readReconcilerStatus, type ReconcilerStatus} from './lease.js'
import {openLogFd} from './log.js'
import {checkedStateFile} from '../config/private-dir.js'

/** The CLI entry point the reconciler is started with (`bin/run.js` of this installation). */
export const KSIM_BIN = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'bin', 'run.js')

/** KSIM_NO_RECONCILER=1: commands never start a reconciler by themselves (tests of pure API behaviour). */
export function autoStartDisabled(env: NodeJS.ProcessEnv = process.env): boolean {
  return env.KSIM_NO_RECONCILER === '1'
}

/**
 * Node options of the background reconciler: a young generation of at most 2 x 4 MiB (V8's default
 * lets it grow to 2 x 16 MiB, resident for good once grown; the reconciler's garbage is short-lived
 * and collected as well in the smaller one).
 */
export const RECONCILER_NODE_OPTIONS: readonly string[] = ['--max-semi-space-size=4']

/** The arguments (after the node executable) that run a cluster's reconciler in the background. */
export function reconcilerArgv(cluster: string): string[] {
  return [...RECONCILER_NODE_OPTIONS, KSIM_BIN, '__reconciler', cluster]
}

/** Options of ensureReconciler. */
export interface EnsureReconcilerOptions {
  /** the cluster's store when the caller has it open; otherwise one is opened for the check */
  store?: Backend
  /** wait at most this long for the new process to appear in the lease; default 1000 ms */
  waitMs?: number
  /** run this (after the node executable) instead of reconcilerArgv(cluster) */
  argv?: string[]
}

/** What ensureReconciler found or did. */
export interface EnsureReconcilerResult {
  /** this call spawned a process (it may still have lost the lease to a racing one) */
  started: boolean
  /** the live holder's pid, when one showed up */
  pid?: number
  /** the pid of the process this call spawned (the holder, or a loser that exits at once) */
  spawnedPid?: number
  status: ReconcilerStatus
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms))

function withStore<R>(cluster: string, store: Backend | undefined, fn: (s: Backend) => R): R {
  if (store) return fn(store)
  const own = openStore(checkedStateFile(cluster), {mustExist: true})
  try {
    return fn(own)
  } finally {
    own.close()
  }
}

/**
 * Makes sure a reconciler runs for `cluster`: when no live process holds its lease, spawns one
 * (detached, output to the cluster's reconciler.log) and waits up to `waitMs` for it to take the lease
 * or exit. Returns quickly when one is already running.
 */
export async function ensureReconciler(cluster: string, opts: EnsureReconcilerOptions = {}): Promise<EnsureReconcilerResult> {
  const before = withStore(cluster, opts.store, (s) => readReconcilerStatus(s))
  if (before.alive) return {started: false, pid: before.pid, status: before}
  const fd = openLogFd(reconcilerLog(cluster))
  let exited = false
  let spawnedPid: number | undefined
  try {
    const child = spawn(process.execPath, opts.argv ?? reconcilerArgv(cluster), {
      detached: true,
      stdio: ['ignore', fd, fd],
      env: {...process.env, KSIM_HOME: ksimHome()},
      cwd: path.parse(clusterDir(cluster)).root,
    })
    child.on('error', () => (exited = true))
    child.on('exit', () => (exited = true))
    child.unref()
    spawnedPid = child.pid
  } finally {
    fs.closeSync(fd)
  }
  const deadline = performance.now() + (opts.waitMs ?? 1000)
  let status = before
  while (performance.now() < deadline) {
    await sleep(20)
    status = withStore(cluster, opts.store, (s) => readReconcilerStatus(s))
    if (status.alive || exited) break
  }
  return {started: true, pid: status.alive ? status.pid : undefined, spawnedPid, status}
}

/** What stopReconciler did. */
export interface StopReconcilerResult {
  /** a live reconciler held the lease */
  wasRunning: boolean
  pid?: number
  /** it did not stop on SIGTERM within the timeout and was killed */
  killed: boolean
  /** how many programs and pod sandboxes of the process runtime were still running and were killed (absent: none) */
  containersKilled?: number
}

// guards against signalling an unrelated process that reused a dead reconciler's pid (Linux only)
function looksLikeReconciler(pid: number): boolean {
  try {
    return fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('reconciler')
  } catch {
    return true
  }
}

async function waitForExit(pid: number, ms: number): Promise<boolean> {
  const deadline = performance.now() + ms
  while (pidAlive(pid)) {
    if (performance.now() >= deadline) return false
    await sleep(20)
  }
  return true
}

/**
 * Other reconciler processes of this user with the state file open (Linux: /proc): one that lost the
 * lease but has not noticed yet. The lease fence keeps it from writing; stopping it too means nothing
 * of the cluster keeps running after `cluster stop`.
 */
function reconcilersWithFileOpen(file: string, except: number | undefined): number[] {
  const found: number[] = []
  let pids: string[]
  try {
    pids = fs.readdirSync('/proc').filter((d) => /^\d+$/.test(d))
  } catch {
    return found
  }
  const target = fs.realpathSync(file)
  for (const d of pids) {
    const pid = Number(d)
    if (pid === process.pid || pid === except) continue
    try {
      if (!fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('reconciler')) continue
      if (fs.readdirSync(`/proc/${pid}/fd`).some((fd) => fs.readlinkSync(`/proc/${pid}/fd/${fd}`) === target)) found.push(pid)
    } catch {
      // gone, or not ours to look at
    }
  }
  return found
}

/**
 * Stops the cluster's reconciler: SIGTERM to the lease holder, then waits for the process to exit
 * (it finishes its pass and releases the lease); after `timeoutMs` (default 10 s) it is killed. Any
 * other reconciler process of the cluster (one that lost the lease) gets SIGTERM as well.
 */
export async function stopReconciler(cluster: string, opts: {timeoutMs?: number; store?: Backend} = {}): Promise<StopReconcilerResult> {
  const result = await stopHolder(cluster, opts)
  if (fs.existsSync(stateFile(cluster))) {
    for (const pid of reconcilersWithFileOpen(stateFile(cluster), result.pid)) {
      try {
        process.kill(pid, 'SIGTERM')
      } catch {
        // it exited meanwhile
      }
    }
  }
  // a stopped cluster runs nothing: the process runtime's programs end with the reconciler
  const killed = killAllInstances(containersDir(cluster))
  return killed > 0 ? {...result, containersKilled: killed} : result
}

/** stopReconciler before the cluster's state is deleted: a corrupt state file has no lease to read (and no reconciler can run on it). */
export async function stopReconcilerBeforeDelete(cluster: string): Promise<void> {
  try {
    await stopReconciler(cluster)
  } catch (error) {
    if (!isStoreError(error, 'Corrupt')) throw error
  }
}

async function stopHolder(cluster: string, opts: {timeoutMs?: number; store?: Backend}): Promise<StopReconcilerResult> {
  if (!opts.store && !fs.existsSync(stateFile(cluster))) return {wasRunning: false, killed: false}
  const status = withStore(cluster, opts.store, (s) => readReconcilerStatus(s))
  if (!status.holder || status.pid === undefined) return {wasRunning: false, killed: false}
  if (status.host !== os.hostname()) {
    if (!status.alive) return {wasRunning: false, killed: false}
    throw new Error(`the reconciler of cluster "${cluster}" runs on host ${status.host}; stop it there`)
  }
  const pid = status.pid
  if (pid === process.pid || !pidAlive(pid) || !looksLikeReconciler(pid)) return {wasRunning: false, killed: false}
  try {
    process.kill(pid, 'SIGTERM')
  } catch {
    return {wasRunning: false, killed: false}
  }
  if (await waitForExit(pid, opts.timeoutMs ?? 10_000)) return {wasRunning: true, pid, killed: false}
  try {
    process.kill(pid, 'SIGKILL')
  } catch {
    // it exited just now
  }
  await waitForExit(pid, 2000)
  return {wasRunning: true, pid, killed: true}
}
