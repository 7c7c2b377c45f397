// The pod's sandbox for the process runtime, as a pause container holds a pod's namespaces: one process
// per pod, started with `unshare --user --map-root-user --net --uts`, that sets the UTS hostname to the
// pod's name, brings the loopback interface up, marks itself ready and sleeps. Each container of the pod
// (and its preStop hook, and `ksim exec`) enters those namespaces with `nsenter` before its program runs,
// so containers of one pod reach each other on localhost, two pods may each listen on the same port, and
// `hostname` prints the pod's name. Where the OS does not allow unprivileged user namespaces (or
// unshare, nsenter or ip are missing), pods run in the host's namespaces and the kubelet says so in an
// event. The sandbox is an instance like a container's (its folder named from the pod uid), so a pod's
// reaping and `cluster stop` end it too.
import {spawnSync} from 'node:child_process'
import {createHash} from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'

import {launch} from './launch.js'
import {alive, readPid, SHIM_PID} from './layout.js'

const READY = 'ready'
const READY_WAIT_MS = 5000

let supported: boolean | undefined

/** Whether this machine lets ksim make user, network and UTS namespaces (checked once per process). */
export function namespacesSupported(): boolean {
  if (supported !== undefined) return supported
  const probe = spawnSync('unshare', ['--user', '--map-root-user', '--net', '--uts', 'sh', '-c', 'hostname ksim-probe && ip link set lo up && command -v nsenter >/dev/null'], {stdio: 'ignore', timeout: 5000})
  return (supported = probe.status === 0)
}

/** The event message of a pod that runs without namespaces of its own. */
export const NO_NAMESPACES_MESSAGE =
  'this machine does not allow unprivileged user namespaces (unshare --user --map-root-user --net --uts failed): the pod\'s containers share the host\'s network and hostname'

/** The folder of the pod's sandbox instance. */
export function sandboxDir(root: string, uid: string): string {
  return path.join(root, createHash('sha256').update(`${uid}/sandbox`).digest('hex'))
}

const sleep = (ms: number): void => void Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms)

/**
 * The pid whose namespaces the pod's containers enter: the sandbox is started unless it was, and waited
 * for until it is ready. Undefined when namespaces are not available or the sandbox did not come up.
 */
export function ensureSandbox(root: string, uid: string, podName: string): number | undefined {
  if (!namespacesSupported()) return undefined
  const dir = sandboxDir(root, uid)
  const setup = 'hostname "$1" && ip link set lo up && : > "$2" && exec sleep 2147483647'
  launch(dir, {podUID: uid, argv: ['unshare', '--user', '--map-root-user', '--net', '--uts', 'sh', '-c', setup, 'sandbox', podName, path.join(dir, READY)], env: {PATH: process.env.PATH ?? '/usr/bin:/bin'}, cwd: '/', logMaxBytes: 64 * 1024})
  const until = Date.now() + READY_WAIT_MS
  while (!fs.existsSync(path.join(dir, READY)) && Date.now() < until) {
    const shim = readPid(dir, SHIM_PID)
    if (shim !== undefined && !alive(shim) && !fs.existsSync(path.join(dir, READY))) return undefined
    sleep(20)
  }
  const pid = readPid(dir, 'pid')
  return pid !== undefined && alive(pid) && fs.existsSync(path.join(dir, READY)) ? pid : undefined
}

/** The argv prefix that runs a program in the sandbox's namespaces. */
export const enterSandbox = (pid: number): string[] => ['nsenter', `--target=${pid}`, '--user', '--net', '--uts', '--preserve-credentials', '--']

/** Ends the sandbox of a pod that has finished (its namespaces are no longer needed). */
export function stopSandbox(root: string, uid: string): void {
  const pid = readPid(sandboxDir(root, uid), 'pid')
  if (pid !== undefined && alive(pid)) {
    try {
      process.kill(-pid, 'SIGKILL')
    } catch {
      // gone meanwhile
    }
  }
}
