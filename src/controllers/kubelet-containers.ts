// One container's life as the kubelet drives it, one transition at a time at the pass's `now`: pull
// (Pulling/Pulled), create and start (Created/Started), readiness, exit, and restart per restartPolicy
// with client-go's back-off (immediately after the first crash, then 10 s doubling to 5 min; reset
// after 10 min of calm) shown as CrashLoopBackOff. Pure: the pod, the memory and the clock in; the new
// status, the events to record and the next due time out.
import type {Container, ContainerState, ContainerStatus, Pod} from 'kubernetes-types/core/v1.js'
import type {ObjectLookup} from './kubelet-config.js'
import type {ContainerHandle, ContainerRef, Runtime} from './runtime.js'

import {goDuration} from '../machinery/duration.js'
import {goQuote, imageNameError} from './images.js'
import {containerConfigError} from './kubelet-config.js'
import {createdStatus, initialStatus, lastTermination, probeDelayMs, withState} from './kubelet-container-status.js'
import {beginRestartKill, endRestartKill, imageChanged, restartKill, restartsOnChange} from './kubelet-definition.js'
import {containerKey, exactTime, stamp, type AttemptMemo, type PodMemo} from './kubelet-memory.js'
import {BACKOFF_INITIAL_MS, BACKOFF_MAX_MS, SYNC_RETRY_MS, pullBackOff, pullFailed, pullStarted, pullSucceeded} from './kubelet-pull.js'
import {shouldRestart} from './kubelet-status.js'

export {BACKOFF_INITIAL_MS, BACKOFF_MAX_MS, SYNC_RETRY_MS} from './kubelet-pull.js'

/** An event the kubelet will record about the pod. */
export interface PlannedEvent {
  type: 'Normal' | 'Warning'
  reason: string
  message: string
  fieldPath?: string
}

/** The pass a container is planned in: inputs, memory (changed in place) and outputs. */
export interface PodEnv {
  pod: Pod
  now: number
  runtime: Runtime
  memo: PodMemo
  /** normalised images present on the node; pulls add to it */
  images: Set<string>
  lookup: ObjectLookup
  events: PlannedEvent[]
  /** records a time at which something will be due; `retry`: a periodic retry, not work in progress */
  wake(atMs: number, retry?: boolean): void
}

/** The involvedObject fieldPath of a container's events: `spec.containers{web}`. */
export const fieldPathOf = (c: Container, init: boolean): string => `${init ? 'spec.initContainers' : 'spec.containers'}{${c.name}}`

/** `web_default(<uid>)`: format.Pod, as the kubelet names pods in messages. */
export const podDesc = (pod: Pod): string => `${pod.metadata?.name}_${pod.metadata?.namespace}(${pod.metadata?.uid})`

function emitOnce(env: PodEnv, attempt: AttemptMemo, id: string, c: Container, init: boolean, e: Omit<PlannedEvent, 'fieldPath'>): boolean {
  const key = `${attempt.tries}:${id}`
  if (attempt.emitted.includes(key)) return false
  attempt.emitted.push(key)
  env.events.push({...e, fieldPath: fieldPathOf(c, init)})
  return true
}

/**
 * The handle of a running container: its ID and precise start, with the SIGTERM and SIGKILL of its
 * pod's termination (or of a restart for a changed definition) delivered through the runtime once they
 * are due (at their planned times).
 */
export function handleOf(env: PodEnv, c: Container, init: boolean, s: ContainerStatus): ContainerHandle {
  const key = containerKey(c.name, init)
  const ref: ContainerRef = {pod: env.pod, container: c, init}
  const startedAtMs = exactTime(env.memo, `${key}/startedAt`, s.state?.running?.startedAt) ?? env.now
  let handle: ContainerHandle = {containerID: s.containerID ?? '', startedAtMs}
  const signals = env.memo.termination?.containers[key] ?? env.memo.restarts?.[key]
  if (signals && signals.termAtMs <= env.now) handle = env.runtime.signalTerm(ref, handle, signals.termAtMs)
  if (signals && signals.killAtMs <= env.now) handle = env.runtime.kill(ref, handle, signals.killAtMs)
  return handle
}

/** started/ready of a running container from the simulated startup and readiness probes. */
function withProbes(env: PodEnv, c: Container, init: boolean, s: ContainerStatus, startedAtMs: number): ContainerStatus {
  const {readyMs} = env.runtime.timings({pod: env.pod, container: c, init})
  const startupAt = startedAtMs + (probeDelayMs(c.startupProbe, readyMs) ?? 0)
  const started = env.now >= startupAt
  const readyDelay = probeDelayMs(c.readinessProbe, readyMs)
  const regularInit = init && c.restartPolicy !== 'Always'
  const readyAt = readyDelay === undefined ? startupAt : Math.max(startupAt, startedAtMs + readyDelay)
  const ready = !regularInit && started && env.now >= readyAt
  if (!started) env.wake(startupAt)
  else if (!ready && !regularInit) env.wake(readyAt)
  return s.started === started && s.ready === ready ? s : withState(s, s.state!, {started, ready})
}

/** A running container the runtime reports gone: its terminated state. */
function exited(env: PodEnv, c: Container, init: boolean, s: ContainerStatus, st: {exitCode: number; reason: string; finishedAtMs: number}): ContainerStatus {
  const key = containerKey(c.name, init)
  const terminated = {
    exitCode: st.exitCode,
    reason: st.reason,
    startedAt: s.state?.running?.startedAt,
    finishedAt: stamp(env.memo, `${key}/finishedAt`, st.finishedAtMs),
    containerID: s.containerID,
  }
  return withState(s, {terminated}, {ready: init && c.restartPolicy !== 'Always' ? st.exitCode === 0 : false, started: false})
}

/** Pull, create and start one attempt; returns the status once running, or as it is while in progress. */
function pipeline(env: PodEnv, c: Container, init: boolean, s: ContainerStatus, attempt: AttemptMemo): ContainerStatus {
  const ref: ContainerRef = {pod: env.pod, container: c, init}
  const key = containerKey(c.name, init)
  const image = attempt.image ?? c.image ?? ''
  const info = env.runtime.resolveImage(image)
  const timings = env.runtime.timings(ref)
  const present = env.images.has(info.image)
  const policy = c.imagePullPolicy ?? 'IfNotPresent'
  // a try that failed for a reason that has gone away (the ConfigMap was created, the image pulled by
  // another pod) is tried again at once instead of at the next periodic sync
  const failed = (id: string): boolean => attempt.emitted.includes(`${attempt.tries}:${id}`)
  // so is a try whose container spec changed since (the update makes the pod worker sync at once)
  const respecified = attempt.image !== c.image && ['Failed', 'ErrImageNeverPull', 'InvalidImageName', 'ErrImagePull', 'ImagePullBackOff'].some(failed)
  if ((failed('Failed') && !containerConfigError(env.pod, c, env.lookup)) || (failed('ErrImageNeverPull') && present) || respecified) {
    nextTry(env, c, attempt)
    return pipeline(env, c, init, s, attempt)
  }
  const invalid = imageNameError(image)
  if (invalid) {
    const message = `Failed to apply default image tag ${goQuote(image)}: ${invalid}`
    emitOnce(env, attempt, 'InspectFailed', c, init, {type: 'Warning', reason: 'InspectFailed', message})
    emitOnce(env, attempt, 'InvalidImageName', c, init, {type: 'Warning', reason: 'Failed', message: 'Error: InvalidImageName'})
    return retryLater(env, c, init, attempt, s, {waiting: {reason: 'InvalidImageName', message}})
  }
  if (policy === 'Never' && !present) {
    const message = `Container image ${goQuote(image)} is not present with pull policy of Never`
    emitOnce(env, attempt, 'ErrImageNeverPull', c, init, {type: 'Warning', reason: 'ErrImageNeverPull', message})
    emitOnce(env, attempt, 'NeverPullFailed', c, init, {type: 'Warning', reason: 'Failed', message: 'Error: ErrImageNeverPull'})
    return retryLater(env, c, init, attempt, s, {waiting: {reason: 'ErrImageNeverPull', message}})
  }
  const pulls = (attempt.pulls ??= policy === 'Always' || !present)
  const pullMs = pulls ? timings.pullMs : 0
  if (pulls) {
    const backOff = failed('ErrImagePull') ? undefined : pullBackOff(env.memo, image, attempt.anchorMs)
    if (backOff !== undefined) {
      emitOnce(env, attempt, 'BackOff', c, init, {type: 'Normal', reason: 'BackOff', message: `Back-off pulling image ${goQuote(image)}`})
      emitOnce(env, attempt, 'ImagePullBackOff', c, init, {type: 'Warning', reason: 'Failed', message: 'Error: ImagePullBackOff'})
      return retryLater(env, c, init, attempt, s, {waiting: {reason: 'ImagePullBackOff', message: backOff}})
    }
    if (emitOnce(env, attempt, 'Pulling', c, init, {type: 'Normal', reason: 'Pulling', message: `Pulling image ${goQuote(image)}`})) pullStarted(env.memo, image)
  }
  const pulledAt = attempt.anchorMs + pullMs
  if (env.now < pulledAt) {
    env.wake(pulledAt)
    return s
  }
  const pullError = pulls ? env.runtime.pullError(ref, image) : undefined
  if (pullError !== undefined) return failPull(env, c, init, attempt, s, pullError, pulledAt)
  const pulled = pulls
    ? `Successfully pulled image "${image}" in ${goDuration(pullMs)} (${goDuration(pullMs)} including waiting). Image size: ${info.sizeBytes} bytes.`
    : `Container image "${image}" already present on machine`
  if (emitOnce(env, attempt, 'Pulled', c, init, {type: 'Normal', reason: 'Pulled', message: pulled}) && pulls) pullSucceeded(env.memo, pulledAt)
  env.images.add(info.image)
  const configError = containerConfigError(env.pod, c, env.lookup)
  if (configError) {
    emitOnce(env, attempt, 'Failed', c, init, {type: 'Warning', reason: 'Failed', message: `Error: ${configError}`})
    return retryLater(env, c, init, attempt, s, {waiting: {reason: 'CreateContainerConfigError', message: configError}}, pulledAt)
  }
  const startedAt = pulledAt + timings.startMs
  if (env.now < startedAt) {
    env.wake(startedAt)
    return s
  }
  emitOnce(env, attempt, 'Created', c, init, {type: 'Normal', reason: 'Created', message: `Created container: ${c.name}`})
  emitOnce(env, attempt, 'Started', c, init, {type: 'Normal', reason: 'Started', message: `Started container ${c.name}`})
  const handle = env.runtime.start(ref, attempt.restartCount, startedAt)
  delete env.memo.attempts[key]
  endRestartKill(env, c, init)
  const running: ContainerState = {running: {startedAt: stamp(env.memo, `${key}/startedAt`, startedAt)}}
  const base = createdStatus(c, s, {state: running, lastState: lastTermination(s), restartCount: attempt.restartCount, image: info.image, imageID: info.imageID, containerID: handle.containerID, started: false, ready: false})
  return withProbes(env, c, init, base, startedAt)
}

// a pull that failed at `failedAt`: ErrImagePull with the runtime's error, the image in back-off
function failPull(env: PodEnv, c: Container, init: boolean, attempt: AttemptMemo, s: ContainerStatus, error: string, failedAt: number): ContainerStatus {
  const image = attempt.image ?? c.image ?? ''
  const first = emitOnce(env, attempt, 'ErrImagePull', c, init, {type: 'Warning', reason: 'Failed', message: `Failed to pull image ${goQuote(image)}: ${error}`})
  emitOnce(env, attempt, 'ErrImagePullError', c, init, {type: 'Warning', reason: 'Failed', message: 'Error: ErrImagePull'})
  if (first) attempt.retryAtMs = pullFailed(env.memo, image, failedAt, error)
  const retryAt = attempt.retryAtMs ?? failedAt + SYNC_RETRY_MS
  return retryLater(env, c, init, attempt, s, {waiting: {reason: 'ErrImagePull', message: error}}, retryAt - SYNC_RETRY_MS)
}

// a failed try (config error, missing image) shows its reason and is tried again after SYNC_RETRY_MS
function retryLater(env: PodEnv, c: Container, init: boolean, attempt: AttemptMemo, s: ContainerStatus, state: ContainerState, failedAt = attempt.anchorMs): ContainerStatus {
  const shown = withState(s, state, s.state?.terminated ? {lastState: {terminated: s.state.terminated}} : {})
  const retryAt = failedAt + SYNC_RETRY_MS
  if (env.now < retryAt) {
    env.wake(retryAt, true)
    return shown
  }
  nextTry(env, c, attempt)
  return pipeline(env, c, init, shown, attempt)
}

// a new try of an attempt begins now, with the spec as it is now
function nextTry(env: PodEnv, c: Container, attempt: AttemptMemo): void {
  attempt.tries++
  attempt.anchorMs = env.now
  attempt.image = c.image
  attempt.pulls = undefined
  attempt.retryAtMs = undefined
}

/** A terminated container to be restarted: wait out the back-off (CrashLoopBackOff), then begin the next attempt. */
function restart(env: PodEnv, c: Container, init: boolean, s: ContainerStatus): ContainerStatus {
  const key = containerKey(c.name, init)
  const nextCount = s.restartCount + 1
  let attempt = env.memo.attempts[key]
  if (!attempt || attempt.restartCount !== nextCount) {
    const last = lastTermination(s).terminated!
    const finished = exactTime(env.memo, `${key}/finishedAt`, last.finishedAt) ?? env.now
    const entry = env.memo.backoff[key]
    // the back-off is keyed by a hash of the spec: a changed container starts with none
    const fresh = !entry || finished - entry.lastUpdateMs > 2 * BACKOFF_MAX_MS || imageChanged(env, c, s)
    if (!fresh && env.now - finished < entry.backoffMs) {
      const until = finished + entry.backoffMs
      env.wake(until)
      const note = `${key}/backoff/${nextCount}`
      if (!env.memo.noted.includes(note)) {
        env.memo.noted.push(note)
        env.events.push({type: 'Warning', reason: 'BackOff', message: `Back-off restarting failed container ${c.name} in pod ${podDesc(env.pod)}`, fieldPath: fieldPathOf(c, init)})
      }
      const message = `back-off ${goDuration(entry.backoffMs)} restarting failed container=${c.name} pod=${podDesc(env.pod)}`
      return withState(s, {waiting: {reason: 'CrashLoopBackOff', message}}, {lastState: lastTermination(s)})
    }
    env.memo.backoff[key] = {backoffMs: fresh ? BACKOFF_INITIAL_MS : Math.min(2 * entry.backoffMs, BACKOFF_MAX_MS), lastUpdateMs: finished}
    env.memo.noted = env.memo.noted.filter((n) => !n.startsWith(`${key}/backoff/`))
    attempt = env.memo.attempts[key] = {restartCount: nextCount, tries: 0, anchorMs: env.now, emitted: [], image: c.image}
  }
  return pipeline(env, c, init, s, attempt)
}

/**
 * A running container killed because its definition changed has exited: start the new definition at
 * once (no back-off: its key is new). Until the new container runs, the status shows the old one
 * running (undefined); a start that fails shows its reason with the old container as lastState.
 */
function replace(env: PodEnv, c: Container, init: boolean, s: ContainerStatus, st: {exitCode: number; reason: string; finishedAtMs: number}): ContainerStatus | undefined {
  const key = containerKey(c.name, init)
  const dead = exited(env, c, init, s, st)
  let attempt = env.memo.attempts[key]
  if (!attempt || attempt.restartCount !== s.restartCount + 1) {
    // a container that restarted before leaves an exited one behind: the new key's back-off begins now
    if (s.lastState?.terminated) env.memo.backoff[key] = {backoffMs: BACKOFF_INITIAL_MS, lastUpdateMs: env.now}
    else delete env.memo.backoff[key]
    attempt = env.memo.attempts[key] = {restartCount: s.restartCount + 1, tries: 0, anchorMs: st.finishedAtMs, emitted: [], image: c.image}
  }
  const next = pipeline(env, c, init, dead, attempt)
  return next === dead ? undefined : next
}

/** A running container: exits, probes, and the kill of a changed definition. */
function running(env: PodEnv, c: Container, init: boolean, s: ContainerStatus, stopping: boolean): ContainerStatus | undefined {
  const ref: ContainerRef = {pod: env.pod, container: c, init}
  let kill = stopping ? undefined : restartKill(env, c, init)
  if (!kill && !stopping && restartsOnChange(c, init) && imageChanged(env, c, s)) kill = beginRestartKill(env, c, init, fieldPathOf(c, init))
  const handle = handleOf(env, c, init, s)
  const st = env.runtime.inspect(ref, handle, env.now)
  if (!st.running) return kill ? replace(env, c, init, s, st) : exited(env, c, init, s, st)
  const next = env.runtime.nextChangeAt(ref, handle)
  if (next !== undefined) env.wake(next)
  if (kill) {
    for (const t of [kill.termAtMs, kill.killAtMs]) if (t > env.now) env.wake(t)
    return undefined
  }
  const probed = withProbes(env, c, init, s, handle.startedAtMs)
  return probed === s ? undefined : probed
}

/** One transition of a container at env.now, or undefined when nothing happens now. */
function transition(env: PodEnv, c: Container, init: boolean, s: ContainerStatus, eligible: boolean, stopping: boolean): ContainerStatus | undefined {
  if (s.state?.running) return running(env, c, init, s, stopping)
  if (stopping) return undefined
  const last = lastTermination(s).terminated
  if (last) return shouldRestart(env.pod, c, init, last.exitCode) ? same(s, restart(env, c, init, s)) : undefined
  if (!eligible) return undefined
  const key = containerKey(c.name, init)
  const attempt = (env.memo.attempts[key] ??= {restartCount: s.restartCount, tries: 0, anchorMs: env.now, emitted: [], image: c.image})
  return same(s, pipeline(env, c, init, s, attempt))
}

const same = (before: ContainerStatus, after: ContainerStatus): ContainerStatus | undefined => (JSON.stringify(before) === JSON.stringify(after) ? undefined : after)

/**
 * The container's status after every transition due at env.now. `eligible`: it may start (sandbox
 * ready, earlier init containers done). `stopping`: the pod is terminating, nothing starts any more.
 */
export function stepContainer(env: PodEnv, c: Container, init: boolean, old: ContainerStatus | undefined, eligible: boolean, stopping = false): ContainerStatus {
  let s = specImage(env, c, init, old ?? initialStatus(env.pod, c))
  for (let i = 0; i < 8; i++) {
    const next = transition(env, c, init, s, eligible, stopping)
    if (!next) break
    s = next
  }
  return specImage(env, c, init, s)
}

// a container not created yet shows the image of the spec its pod worker syncs (a pull in progress
// holds the worker: the spec it began with)
function specImage(env: PodEnv, c: Container, init: boolean, s: ContainerStatus): ContainerStatus {
  const image = env.memo.attempts[containerKey(c.name, init)]?.image ?? c.image ?? ''
  return s.containerID || s.image === image ? s : {...s, image}
}
