// Ending instances for good: every one of a cluster (`cluster stop`, `cluster delete`: no process is
// left behind), or every one of a pod that is gone (a force delete does not wait for its containers;
// the kubelet kills them then, and removes their folders and logs). SIGKILL to each program's process
// group and to its preStop hook's; the shims record the exits and end; a shim that does not within the
// wait is killed too.
import fs from 'node:fs'
import path from 'node:path'

import {alive, PID, PRESTOP, readExit, readPid, readSpec, SHIM_PID, signalGroup} from './layout.js'

const SHIM_WAIT_MS = 3000

function instanceDirs(root: string): string[] {
  try {
    return fs.readdirSync(root).filter((n) => /^[0-9a-f]{64}$/.test(n)).map((n) => path.join(root, n))
  } catch {
    return []
  }
}

// the program's group, its hook's; the shims that still run
function killInstance(dir: string): number[] {
  const shims: number[] = []
  for (const d of [dir, path.join(dir, PRESTOP)]) {
    const pid = readPid(d, PID)
    if (pid !== undefined && !readExit(d)) signalGroup(pid, 'SIGKILL')
    const shim = readPid(d, SHIM_PID)
    if (shim !== undefined && alive(shim)) shims.push(shim)
  }
  return shims
}

function waitForShims(shims: number[]): void {
  const until = Date.now() + SHIM_WAIT_MS
  let left = shims
  while ((left = left.filter(alive)).length > 0 && Date.now() < until) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 20)
  for (const pid of left) signalGroup(pid, 'SIGKILL')
}

/** Kills every instance under `root`; returns how many programs or hooks were still running. */
export function killAllInstances(root: string): number {
  const shims = instanceDirs(root).flatMap(killInstance)
  waitForShims(shims)
  return shims.length
}

/** Kills the instances of the pod `uid` and removes their folders. */
export function reapPod(root: string, uid: string): void {
  const dirs = instanceDirs(root).filter((d) => readSpec(d)?.podUID === uid)
  if (dirs.length === 0) return
  waitForShims(dirs.flatMap(killInstance))
  for (const d of dirs) fs.rmSync(d, {recursive: true, force: true})
}
