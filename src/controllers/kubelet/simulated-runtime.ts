// The simulated container runtime: no processes, only arithmetic on the clock. A container is its
// handle (ID, start time, when it got SIGTERM and SIGKILL); what it is doing at any moment follows from
// that handle, the pod's `ksim.io/` annotations (see api/validation/lifecycle-annotations.ts) and the
// cluster profile's timings. It keeps no state of its own, so a reconciler killed at any moment loses
// nothing: the kubelet rebuilds every handle from the pod's status.
//
// Exit rules, earliest first:
//   - after `ksim.io/run-seconds` of running: exits with `ksim.io/exit-code` (default 0)
//   - on SIGTERM: with `ksim.io/ignore-sigterm: "true"` nothing happens; with `ksim.io/termination-seconds`
//     it shuts down cleanly (exit 0) that long after the signal; otherwise it dies at once (143, as a
//     process without a TERM handler does)
//   - on SIGKILL: exit 137
//   - with `ksim.io/memory-usage` above the container's `limits.memory`: the kernel's OOM killer ends it
//     OOM_AFTER_MS after it starts, exit 137 with reason OOMKilled (without a limit nothing kills it)
// Exit code 0 is reported with reason Completed, anything else with reason Error (containerd's words).
//
// Probes answer as simulated-probes.ts says (the `ksim.io/*-fail-seconds` annotations).
//
// Pulls fail with `ksim.io/pull-error` when set, and for a registry host under a reserved top-level
// domain (.invalid, .test, .example, .localhost) with containerd's DNS failure; every other pull succeeds.
import type {ClusterProfile} from '../../api/cluster-profile.js'
import type {ContainerHandle, ContainerRef, ContainerTimings, ImageInfo, ProbeAnswer, ProbeKind, Runtime, RuntimeState} from './runtime.js'

import {createHash} from 'node:crypto'

import {parseQuantity} from '../../machinery/quantity.js'
import {lifecycleMs, lifecycleSetting, parseExitCode} from '../../api/validation/lifecycle-annotations.js'
import {imageIDOf, imageSizeOf, normaliseImage, unresolvableRegistryError} from './images.js'
import {simulatedProbe, simulatedProbeChangesAt} from './simulated-probes.js'

/** Exit codes of the signals the kubelet sends (128 + signal number). */
export const EXIT_SIGTERM = 143
/** 128 + SIGKILL */
export const EXIT_SIGKILL = 137
/** how long a process with `ksim.io/memory-usage` takes to grow to it */
export const OOM_AFTER_MS = 1000

type Timings = Pick<ClusterProfile, 'imagePullMs' | 'containerStartMs' | 'readyAfterMs'>

/** The default Runtime: clock-driven, stateless, tuned by annotations. */
export class SimulatedRuntime implements Runtime {
  readonly name = 'containerd'

  constructor(private readonly profile: Timings) {}

  /** Creating the sandbox takes as long as starting a container. */
  sandboxMs(): number {
    return this.profile.containerStartMs
  }

  timings(ref: ContainerRef): ContainerTimings {
    const {pod, container} = ref
    return {
      pullMs: lifecycleMs(pod, 'ksim.io/pull-seconds', container.name) ?? this.profile.imagePullMs,
      startMs: lifecycleMs(pod, 'ksim.io/start-seconds', container.name) ?? this.profile.containerStartMs,
      readyMs: lifecycleMs(pod, 'ksim.io/ready-seconds', container.name) ?? this.profile.readyAfterMs,
    }
  }

  resolveImage(image: string): ImageInfo {
    return {image: normaliseImage(image), imageID: imageIDOf(image), sizeBytes: imageSizeOf(image)}
  }

  pullError(ref: ContainerRef, image: string): string | undefined {
    return lifecycleSetting(ref.pod, 'ksim.io/pull-error', ref.container.name) ?? unresolvableRegistryError(image)
  }

  /** The ID is derived from pod, container and attempt, so a restarted reconciler computes the same one. */
  start(ref: ContainerRef, restartCount: number, atMs: number): ContainerHandle {
    const key = `${ref.pod.metadata?.uid ?? ''}/${ref.init ? 'init' : 'app'}/${ref.container.name}/${restartCount}`
    return {containerID: `${this.name}://${createHash('sha256').update(key).digest('hex')}`, startedAtMs: atMs}
  }

  /** exec hooks run for `ksim.io/prestop-exec-seconds`; `sleep` for its seconds; httpGet and tcpSocket return at once. */
  runPreStop(ref: ContainerRef): number {
    const hook = ref.container.lifecycle?.preStop
    if (!hook) return 0
    if (hook.exec) return lifecycleMs(ref.pod, 'ksim.io/prestop-exec-seconds', ref.container.name) ?? 0
    if (hook.sleep) return Math.max(0, Number(hook.sleep.seconds ?? 0)) * 1000
    return 0
  }

  signalTerm(_ref: ContainerRef, handle: ContainerHandle, atMs: number): ContainerHandle {
    return handle.termAtMs !== undefined && handle.termAtMs <= atMs ? handle : {...handle, termAtMs: atMs}
  }

  kill(_ref: ContainerRef, handle: ContainerHandle, atMs: number): ContainerHandle {
    return handle.killAtMs !== undefined && handle.killAtMs <= atMs ? handle : {...handle, killAtMs: atMs}
  }

  inspect(ref: ContainerRef, handle: ContainerHandle, nowMs: number): RuntimeState {
    const exit = this.exit(ref, handle)
    if (!exit || exit.atMs > nowMs) return {running: true}
    const reason = exit.oom ? 'OOMKilled' : exit.code === 0 ? 'Completed' : 'Error'
    return {running: false, exitCode: exit.code, reason, finishedAtMs: exit.atMs}
  }

  nextChangeAt(ref: ContainerRef, handle: ContainerHandle): number | undefined {
    return this.exit(ref, handle)?.atMs
  }

  probe(ref: ContainerRef, kind: ProbeKind, handle: ContainerHandle, atMs: number): ProbeAnswer {
    return simulatedProbe(ref, kind, handle, atMs)
  }

  probeChangesAt(ref: ContainerRef, kind: ProbeKind, handle: ContainerHandle, afterMs: number): number | undefined {
    return simulatedProbeChangesAt(ref, kind, handle, afterMs)
  }

  // the earliest way this container ends, given the signals it has been sent
  private exit(ref: ContainerRef, handle: ContainerHandle): Exit | undefined {
    const {pod, container} = ref
    const candidates: Exit[] = []
    const runMs = lifecycleMs(pod, 'ksim.io/run-seconds', container.name) ?? (ref.init && container.restartPolicy !== 'Always' ? 0 : undefined)
    if (runMs !== undefined) {
      const code = parseExitCode(lifecycleSetting(pod, 'ksim.io/exit-code', container.name) ?? '0') ?? 0
      candidates.push({atMs: handle.startedAtMs + runMs, code})
    }
    if (handle.termAtMs !== undefined && lifecycleSetting(pod, 'ksim.io/ignore-sigterm', container.name) !== 'true') {
      const graceful = lifecycleMs(pod, 'ksim.io/termination-seconds', container.name)
      candidates.push(graceful === undefined ? {atMs: handle.termAtMs, code: EXIT_SIGTERM} : {atMs: handle.termAtMs + graceful, code: 0})
    }
    if (outgrowsLimit(ref)) candidates.push({atMs: handle.startedAtMs + OOM_AFTER_MS, code: EXIT_SIGKILL, oom: true})
    if (handle.killAtMs !== undefined) candidates.push({atMs: handle.killAtMs, code: EXIT_SIGKILL})
    // a tie goes to the later entry: a process killed at the instant it would exit reports the kill
    return candidates.reduce<Exit | undefined>((best, c) => (!best || c.atMs <= best.atMs ? c : best), undefined)
  }
}

/** How a container ends: when, with which code, and whether the OOM killer did it. */
interface Exit {
  atMs: number
  code: number
  oom?: boolean
}

/** Whether the process grows beyond its memory limit (`ksim.io/memory-usage` > `limits.memory`). */
function outgrowsLimit(ref: ContainerRef): boolean {
  const usage = lifecycleSetting(ref.pod, 'ksim.io/memory-usage', ref.container.name)
  const limit = (ref.container.resources?.limits as Record<string, string | number> | undefined)?.memory
  if (usage === undefined || limit === undefined) return false
  const u = parseQuantity(usage)
  const l = parseQuantity(limit)
  return u !== undefined && l !== undefined && u.cmp(l) > 0
}
