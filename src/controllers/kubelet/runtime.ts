// The contract between the kubelet and whatever runs containers. The kubelet decides *when* to start,
// signal and kill; the runtime says how long things take and what a container is doing at a given time.
// The simulated runtime answers from the pod object and the clock alone; a process runtime (a later
// issue) plugs in behind the same interface and starts real processes.
import type {Container, Pod} from 'kubernetes-types/core/v1.js'

/** Which container of which pod. */
export interface ContainerRef {
  pod: Pod
  container: Container
  /** an init container (regular or sidecar) */
  init: boolean
}

/**
 * What the kubelet knows of one started container: enough for a stateless runtime to answer
 * `inspect`. The kubelet rebuilds it from the pod's status and its own memory.
 */
export interface ContainerHandle {
  containerID: string
  startedAtMs: number
  /** when SIGTERM (the stop signal) was delivered */
  termAtMs?: number
  /** when SIGKILL was, or will be, delivered */
  killAtMs?: number
}

/** A container's state as the runtime reports it. */
export type RuntimeState =
  | {running: true}
  | {running: false; exitCode: number; reason: 'Completed' | 'Error' | 'OOMKilled' | 'StartError'; finishedAtMs: number; message?: string}

/** The kubelet's three probes. */
export type ProbeKind = 'liveness' | 'readiness' | 'startup'

/** What one run of a probe answered: success, or failure with the prober's output. */
export interface ProbeAnswer {
  ok: boolean
  /** the output a failure reports (`HTTP probe failed with statuscode: 500`) */
  output: string
  /** the probe could not be run (the kubelet records it and discards the run) */
  errored?: boolean
}

/** An image as the runtime resolved it: normalised name, digest reference and size. */
export interface ImageInfo {
  /** `docker.io/library/nginx:latest` */
  image: string
  /** `docker.io/library/nginx@sha256:<64 hex>` */
  imageID: string
  sizeBytes: number
}

/** How long the runtime's steps take for one container, in milliseconds. */
export interface ContainerTimings {
  pullMs: number
  /** create + start */
  startMs: number
  /** from start until a readiness (or startup) probe first succeeds */
  readyMs: number
}

/** The kubelet's view of a container runtime (CRI). Times are epoch milliseconds. */
export interface Runtime {
  /** the scheme of container IDs: `containerd` gives `containerd://<id>` */
  readonly name: string
  /** how long creating the pod sandbox (network, IP) takes */
  sandboxMs(pod: Pod): number
  timings(ref: ContainerRef): ContainerTimings
  resolveImage(image: string): ImageInfo
  /** the error a pull of `image` for this container fails with (after `pullMs`), undefined when it succeeds */
  pullError(ref: ContainerRef, image: string): string | undefined
  /** starts attempt `restartCount` of a container at `atMs` */
  start(ref: ContainerRef, restartCount: number, atMs: number): ContainerHandle
  /**
   * runs the container's preStop hook from `atMs`; returns how long it runs (0 when there is none), or
   * Infinity when that is known only once it ends (then preStopEndedAt says when)
   */
  runPreStop(ref: ContainerRef, atMs: number): number
  /** when a preStop hook whose length was not known ended; undefined while it runs */
  preStopEndedAt?(ref: ContainerRef): number | undefined
  /** the FailedPreStopHook message of a preStop hook that ended and failed, undefined otherwise */
  preStopFailure?(ref: ContainerRef): string | undefined
  /** a warning about the pod's sandbox the kubelet records as an event when it creates it, if any */
  sandboxWarning?(pod: Pod): string | undefined
  /** sets up the pod's volumes and brings their files up to date (each sync once its sandbox is ready) */
  syncVolumes?(pod: Pod): void
  /** why the container cannot be created (CreateContainerError), undefined when it can */
  createError?(ref: ContainerRef): string | undefined
  /** why the instance just started failed to start (its exit is then a StartError), undefined when it started */
  startError?(ref: ContainerRef, handle: ContainerHandle): string | undefined
  /** delivers SIGTERM */
  signalTerm(ref: ContainerRef, handle: ContainerHandle, atMs: number): ContainerHandle
  /** delivers SIGKILL (possibly scheduled for a later time) */
  kill(ref: ContainerRef, handle: ContainerHandle, atMs: number): ContainerHandle
  /** what the container is doing at `nowMs` */
  inspect(ref: ContainerRef, handle: ContainerHandle, nowMs: number): RuntimeState
  /** when `inspect` will next give a different answer, if ever (without further signals) */
  nextChangeAt(ref: ContainerRef, handle: ContainerHandle): number | undefined
  /**
   * runs the container's `kind` probe at `atMs` (the probe handler: exec, httpGet, tcpSocket, grpc);
   * undefined while the answer is not known yet (a real probe still running)
   */
  probe(ref: ContainerRef, kind: ProbeKind, handle: ContainerHandle, atMs: number): ProbeAnswer | undefined
  /** the first time after `afterMs` at which `probe` may answer differently, if ever */
  probeChangesAt(ref: ContainerRef, kind: ProbeKind, handle: ContainerHandle, afterMs: number): number | undefined
}
