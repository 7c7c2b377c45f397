// The process runtime (RuntimeClass handler `process`): each container is its `command` and `args` run
// as a local process under a shim (shim.ts), with the environment and working directory the kubelet
// gives it. The image names nothing to run: it is still "pulled" with the simulated runtime's timing, and
// a container without a command cannot be created. The runtime keeps nothing in memory: an instance is
// its folder (layout.ts), named by the container ID, which is derived from pod uid, container and restart
// count, so a restarted reconciler finds each instance again — running, or its exit — and never starts
// one twice. Signals as containerd delivers them: the stop signal to the container's main process,
// SIGKILL to its whole process group. A preStop exec hook runs as an instance of its own; the kubelet
// learns when it ended (preStopEndedAt). Each pod's containers share its sandbox's user, network and UTS
// namespaces where the OS allows (sandbox.ts). Probes run for real, in the background (prober.ts).
import type {Pod, Probe} from 'kubernetes-types/core/v1.js'
import type {ObjectLookup} from '../config.js'
import type {ContainerHandle, ContainerRef, ContainerTimings, ImageInfo, ProbeAnswer, ProbeKind, Runtime, RuntimeState} from '../runtime.js'
import type {SimulatedRuntime} from '../simulated-runtime.js'

import type {ServiceLister} from './service-env.js'
import {createHash} from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'

import {containerEnv, expand} from './env.js'
import {launch} from './launch.js'
import {alive, instanceDir, KILL_SENT, PID, PRESTOP, readExit, readPid, readSpec, SHIM_PID, signalGroup, SPEC, TERM_SENT, writeWhole} from './layout.js'
import {ensureSandbox, enterSandbox, namespacesSupported, NO_NAMESPACES_MESSAGE} from './sandbox.js'
import {containerMounts, hostPathIn, KSIM_ROOT_NOTE, linkTree, mountWrap} from './mounts.js'
import {setUpPodVolumes} from './pod-volumes.js'
import {Prober, type ProbeRunner} from './prober.js'
import {runProbe} from './probe-run.js'
import {preStopFailure} from './prestop-failure.js'
import {probeOf} from '../simulated-probes.js'

/** how often a running instance is looked at for its exit */
export const POLL_MS = 250
/** kubelet's containerLogMaxSize default */
export const LOG_MAX_BYTES = 10 * 1024 * 1024

/** the prober of each containers folder (one per reconciler process) */
const PROBERS = new Map<string, Prober>()

// a real run of the probe against the instance (its environment, working directory and namespaces)
async function runInstanceProbe(root: string, ref: ContainerRef, probe: Probe, handle: ContainerHandle): Promise<ProbeAnswer> {
  const dir = instanceDir(root, handle.containerID)
  const spec = dir ? readSpec(dir) : undefined
  if (!spec) return {ok: false, errored: true, output: `container ${handle.containerID} is not running`}
  return runProbe(probe, ref.container, spec, ref.pod.status?.podIP ?? '')
}

/**
 * The CreateContainerError message of a container with neither command nor args. The image names no
 * entrypoint, so as with an image without ENTRYPOINT, args alone are the command line (`run x -- sh`).
 */
export const noCommandMessage = (ref: ContainerRef): string =>
  `the process runtime runs a container's command and args, and container "${ref.container.name}" has neither (its image "${ref.container.image ?? ''}" names nothing to run)`

export class ProcessRuntime implements Runtime {
  readonly name = 'process'
  private readonly prober: Prober

  constructor(
    private readonly root: string,
    private readonly sim: SimulatedRuntime,
    private readonly lookup: ObjectLookup,
    runner?: ProbeRunner,
    private readonly services: ServiceLister = () => [],
  ) {
    // the kubelet makes its runtime afresh for each pass: runs in progress and their results outlive it
    if (runner) this.prober = new Prober(runner)
    else {
      const shared = PROBERS.get(root)
      this.prober = shared ?? new Prober((ref, _kind, probe, handle) => runInstanceProbe(root, ref, probe, handle))
      if (!shared) PROBERS.set(root, this.prober)
    }
  }

  sandboxMs(pod: Pod): number {
    return this.sim.sandboxMs()
  }

  /** pods run in namespaces of their own where the OS allows it; otherwise the kubelet says so */
  sandboxWarning(pod: Pod): string | undefined {
    if (namespacesSupported()) return undefined
    const mounts = [...(pod.spec?.initContainers ?? []), ...(pod.spec?.containers ?? [])].some((c) => (c.volumeMounts ?? []).length > 0)
    return NO_NAMESPACES_MESSAGE + (mounts ? KSIM_ROOT_NOTE : '')
  }

  /** the volume manager's part: the pod's volume folders made, and their files kept up to date */
  syncVolumes(pod: Pod): void {
    setUpPodVolumes(this.root, pod, this.lookup)
  }

  /** the image's pull is simulated; a process starts and is ready at once (a probe may say otherwise) */
  timings(ref: ContainerRef): ContainerTimings {
    return {...this.sim.timings(ref), startMs: 0, readyMs: 0}
  }

  resolveImage(image: string): ImageInfo {
    return this.sim.resolveImage(image)
  }

  pullError(ref: ContainerRef, image: string): string | undefined {
    return this.sim.pullError(ref, image)
  }

  createError(ref: ContainerRef): string | undefined {
    return (ref.container.command ?? []).length === 0 && (ref.container.args ?? []).length === 0 ? noCommandMessage(ref) : undefined
  }

  start(ref: ContainerRef, restartCount: number, atMs: number): ContainerHandle {
    const key = `${ref.pod.metadata?.uid ?? ''}/${ref.init ? 'init' : 'app'}/${ref.container.name}/${restartCount}`
    const id = createHash('sha256').update(key).digest('hex')
    const dir = path.join(this.root, id)
    if (!fs.existsSync(path.join(dir, SPEC))) {
      const sandbox = ensureSandbox(this.root, ref.pod.metadata?.uid ?? '', ref.pod.metadata?.name ?? '')
      const spec = this.specOf(ref)
      // volumes at their mountPath in a mount namespace of the container's, else under $KSIM_ROOT (mounts.ts)
      const mounts = containerMounts(ref, setUpPodVolumes(this.root, ref.pod, this.lookup))
      const inNamespaces = sandbox && mounts.length > 0 ? mountWrap(dir, mounts, spec.cwd) : []
      if (!sandbox && mounts.length > 0) spec.env = {...spec.env, KSIM_ROOT: linkTree(dir, mounts)}
      // stdin kept open for `attach -i`, as the kubelet does for a container with stdin: true
      const stdin = ref.container.stdin ? {stdin: true, stdinOnce: ref.container.stdinOnce === true} : {}
      launch(dir, {...spec, ...stdin, ...(sandbox ? {wrap: [...enterSandbox(sandbox), ...inNamespaces]} : {})}, inNamespaces.length > 0 ? hostPathIn(mounts) : undefined)
    }
    return {containerID: `${this.name}://${id}`, startedAtMs: atMs}
  }

  startError(_ref: ContainerRef, handle: ContainerHandle): string | undefined {
    return readExit(this.dirOf(handle.containerID))?.startError
  }

  runPreStop(ref: ContainerRef): number {
    const hook = ref.container.lifecycle?.preStop
    if (hook?.sleep) return Math.max(0, Number(hook.sleep.seconds ?? 0)) * 1000
    const dir = hook?.exec ? this.runningDir(ref) : undefined
    if (!dir) return 0
    const wrap = readSpec(dir)?.wrap
    launch(path.join(dir, PRESTOP), {...this.specOf(ref), argv: hook!.exec!.command ?? [], ...(wrap ? {wrap} : {})})
    // how long it runs is known once it has ended
    return Number.POSITIVE_INFINITY
  }

  preStopEndedAt(ref: ContainerRef): number | undefined {
    const dir = this.runningDir(ref)
    if (!dir) return Date.now()
    const hook = path.join(dir, PRESTOP)
    const exit = readExit(hook)
    if (exit) return exit.finishedAtMs
    const shim = readPid(hook, SHIM_PID)
    return shim !== undefined && alive(shim) ? undefined : Date.now()
  }

  preStopFailure(ref: ContainerRef): string | undefined {
    const dir = this.runningDir(ref)
    return dir ? preStopFailure(dir, ref) : undefined
  }

  signalTerm(_ref: ContainerRef, handle: ContainerHandle, atMs: number): ContainerHandle {
    this.deliver(handle, TERM_SENT, 'SIGTERM', false)
    return handle.termAtMs !== undefined && handle.termAtMs <= atMs ? handle : {...handle, termAtMs: atMs}
  }

  kill(_ref: ContainerRef, handle: ContainerHandle, atMs: number): ContainerHandle {
    this.deliver(handle, KILL_SENT, 'SIGKILL', true)
    return handle.killAtMs !== undefined && handle.killAtMs <= atMs ? handle : {...handle, killAtMs: atMs}
  }

  inspect(_ref: ContainerRef, handle: ContainerHandle, nowMs: number): RuntimeState {
    const dir = this.dirOf(handle.containerID)
    let exit = readExit(dir)
    if (!exit) {
      const shim = readPid(dir, SHIM_PID)
      if (shim !== undefined && alive(shim)) return {running: true}
      // the shim went without recording an exit (killed): what it ran is gone with it
      exit = readExit(dir) ?? {exitCode: 137, signal: 'SIGKILL', finishedAtMs: nowMs}
    }
    const reason = exit.startError ? 'StartError' : exit.exitCode === 0 ? 'Completed' : 'Error'
    return {running: false, exitCode: exit.exitCode, reason, finishedAtMs: Math.max(exit.finishedAtMs, handle.startedAtMs), ...(exit.startError ? {message: exit.startError} : {})}
  }

  nextChangeAt(_ref: ContainerRef, handle: ContainerHandle): number | undefined {
    return readExit(this.dirOf(handle.containerID))?.finishedAtMs ?? Date.now() + POLL_MS
  }

  probe(ref: ContainerRef, kind: ProbeKind, handle: ContainerHandle, atMs: number): ProbeAnswer | undefined {
    return this.prober.answer(ref, kind, probeOf(ref.container, kind)!, handle, atMs)
  }

  probeChangesAt(_ref: ContainerRef, kind: ProbeKind, handle: ContainerHandle, afterMs: number): number | undefined {
    return this.prober.changesAt(handle, kind, afterMs)
  }

  // argv with $(VAR) expanded, the environment, the working directory
  private specOf(ref: ContainerRef) {
    const env = containerEnv(ref.pod, ref.container, this.lookup, this.services)
    const argv = [...(ref.container.command ?? []), ...(ref.container.args ?? [])].map((a) => expand(a, env))
    return {podUID: ref.pod.metadata?.uid ?? '', argv, env, cwd: ref.container.workingDir || '/', logMaxBytes: LOG_MAX_BYTES}
  }

  private dirOf(containerID: string): string {
    return instanceDir(this.root, containerID) ?? path.join(this.root, 'none')
  }

  // the folder of the container's instance that runs now (from the pod's status)
  private runningDir(ref: ContainerRef): string | undefined {
    const statuses = ref.init ? ref.pod.status?.initContainerStatuses : ref.pod.status?.containerStatuses
    const s = statuses?.find((x) => x.name === ref.container.name)
    return s?.state?.running ? instanceDir(this.root, s.containerID) : undefined
  }

  // a signal once: the stop signal to the main process, SIGKILL to its group and to a hook still running
  private deliver(handle: ContainerHandle, marker: string, signal: NodeJS.Signals, group: boolean): void {
    const dir = this.dirOf(handle.containerID)
    if (fs.existsSync(path.join(dir, marker)) || readExit(dir)) return
    const pid = readPid(dir, PID)
    if (pid === undefined) return // not started yet: the next pass delivers it
    if (group) {
      signalGroup(pid, signal)
      const hook = readPid(path.join(dir, PRESTOP), PID)
      if (hook !== undefined) signalGroup(hook, signal)
    } else {
      try {
        process.kill(pid, signal)
      } catch {
        // it exited meanwhile
      }
    }
    writeWhole(path.join(dir, marker), String(Date.now()))
  }
}
