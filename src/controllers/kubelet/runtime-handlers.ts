// The node's container runtime with its handlers, as containerd has them configured: `runc` (the
// simulated runtime, the default) and `process` (real local processes, process/runtime.ts). A pod's
// handler is its RuntimeClass's, or the node's default when it names none (`ksim cluster create
// --runtime process` makes that `process`). Each call goes to the runtime of the pod's handler.
import type {ServiceLister} from './process/service-env.js'
import type {Pod} from 'kubernetes-types/core/v1.js'
import type {ObjectLookup} from './config.js'
import type {ContainerHandle, ContainerRef, ContainerTimings, ImageInfo, ProbeAnswer, ProbeKind, Runtime, RuntimeState} from './runtime.js'

import {ProcessRuntime} from './process/runtime.js'
import {SimulatedRuntime} from './simulated-runtime.js'

/** The handler of the process runtime (the RuntimeClass ksim-process names it). */
export const PROCESS_HANDLER = 'process'
/** containerd's default handler */
export const DEFAULT_HANDLER = 'runc'

/** The handler that runs `pod`: its RuntimeClass's, else the node's default. */
export function handlerOf(pod: Pod, lookup: ObjectLookup, defaultHandler: string): string {
  const name = pod.spec?.runtimeClassName
  if (!name) return defaultHandler
  return String(lookup('RuntimeClass', '', name)?.handler ?? '')
}

export class HandlerRuntime implements Runtime {
  readonly name = 'containerd'
  readonly #process?: ProcessRuntime

  constructor(
    private readonly sim: SimulatedRuntime,
    private readonly lookup: ObjectLookup,
    private readonly defaultHandler: string,
    /** the folder of the process runtime's instances; without it every pod runs simulated */
    containersDir: string | undefined,
    /** a namespace's Services, for the service environment variables of process containers */
    services?: ServiceLister,
  ) {
    if (containersDir) this.#process = new ProcessRuntime(containersDir, sim, lookup, undefined, services)
  }

  private of(pod: Pod): Runtime {
    return this.#process && handlerOf(pod, this.lookup, this.defaultHandler) === PROCESS_HANDLER ? this.#process : this.sim
  }

  sandboxMs(pod: Pod): number {
    return this.of(pod).sandboxMs(pod)
  }
  sandboxWarning(pod: Pod): string | undefined {
    return this.of(pod).sandboxWarning?.(pod)
  }
  timings(ref: ContainerRef): ContainerTimings {
    return this.of(ref.pod).timings(ref)
  }
  resolveImage(image: string): ImageInfo {
    return this.sim.resolveImage(image)
  }
  pullError(ref: ContainerRef, image: string): string | undefined {
    return this.of(ref.pod).pullError(ref, image)
  }
  syncVolumes(pod: Pod): void {
    this.of(pod).syncVolumes?.(pod)
  }
  createError(ref: ContainerRef): string | undefined {
    return this.of(ref.pod).createError?.(ref)
  }
  start(ref: ContainerRef, restartCount: number, atMs: number): ContainerHandle {
    return this.of(ref.pod).start(ref, restartCount, atMs)
  }
  startError(ref: ContainerRef, handle: ContainerHandle): string | undefined {
    return this.of(ref.pod).startError?.(ref, handle)
  }
  runPreStop(ref: ContainerRef, atMs: number): number {
    return this.of(ref.pod).runPreStop(ref, atMs)
  }
  preStopEndedAt(ref: ContainerRef): number | undefined {
    return this.of(ref.pod).preStopEndedAt?.(ref)
  }
  preStopFailure(ref: ContainerRef): string | undefined {
    return this.of(ref.pod).preStopFailure?.(ref)
  }
  signalTerm(ref: ContainerRef, handle: ContainerHandle, atMs: number): ContainerHandle {
    return this.of(ref.pod).signalTerm(ref, handle, atMs)
  }
  kill(ref: ContainerRef, handle: ContainerHandle, atMs: number): ContainerHandle {
    return this.of(ref.pod).kill(ref, handle, atMs)
  }
  inspect(ref: ContainerRef, handle: ContainerHandle, nowMs: number): RuntimeState {
    return this.of(ref.pod).inspect(ref, handle, nowMs)
  }
  nextChangeAt(ref: ContainerRef, handle: ContainerHandle): number | undefined {
    return this.of(ref.pod).nextChangeAt(ref, handle)
  }
  probe(ref: ContainerRef, kind: ProbeKind, handle: ContainerHandle, atMs: number): ProbeAnswer | undefined {
    return this.of(ref.pod).probe(ref, kind, handle, atMs)
  }
  probeChangesAt(ref: ContainerRef, kind: ProbeKind, handle: ContainerHandle, afterMs: number): number | undefined {
    return this.of(ref.pod).probeChangesAt(ref, kind, handle, afterMs)
  }
}
