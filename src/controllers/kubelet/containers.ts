// One container's life as the kubelet drives it, one transition at a time at the pass's `now`: pull
// (Pulling/Pulled), create and start (Created/Started), readiness, exit, and restart per restartPolicy
// with client-go's back-off (immediately after the first crash, then 10 s doubling to 5 min; reset
// after 10 min of calm) shown as CrashLoopBackOff. Pure: the pod, the memory and the clock in; the new
// status, the events to record and the next due time out.
import type {Container, ContainerState, ContainerStatus, Pod} from 'kubernetes-types/core/v1.js'
import type {PodPass} from './pod-pass.js'
import type {ContainerHandle, ContainerRef, Runtime} from './runtime.js'

import {goQuote, imageNameError} from './images.js'
import {goDuration} from '../../machinery/duration.js'
import {containerConfigError} from './config.js'
import {createdStatus, initialStatus, lastTermination, withState} from './container-status.js'
import {beginRestartKill, endRestartKill, imageChanged, restartKill, restartsOnChange} from './definition.js'
import {beginProbeKill, endProbeKill, probeKill} from './probe-kill.js'
import {probeContainer} from './probes.js'
import {containerKey, exactTime, stamp, type AttemptMemo, type SignalTimes} from './memory.js'
import {afterHookEnded} from './kill.js'
import {emitOnce, fieldPathOf, podDesc} from './pod-pass.js'
import {BACKOFF_INITIAL_MS, BACKOFF_MAX_MS, SYNC_RETRY_MS, pullBackOff, pullFailed, pullStarted, pullSucceeded} from './pull.js'
import {shouldRestart} from './status.js'

export {BACKOFF_INITIAL_MS, BACKOFF_MAX_MS, SYNC_RETRY_MS} from './pull.js'

/**
 * The handle of a running container: its ID and precise start, with the SIGTERM and SIGKILL of its
 * pod's termination (or of a restart for a changed definition) delivered through the runtime once they
 * are due (at their planned times).
 */
export function handleOf(pass: PodPass, c: Container, init: boolean, s: ContainerStatus): ContainerHandle {
  const key = containerKey(c.name, init)
  const ref: ContainerRef = {pod: pass.pod, container: c, init}
  const startedAtMs = exactTime(pass.memo, `${key}/startedAt`, s.state?.running?.startedAt) ?? pass.now
  let handle: ContainerHandle = {containerID: s.containerID ?? '', startedAtMs}
  const signals = pass.memo.termination?.containers[key] ?? pass.memo.restarts?.[key] ?? pass.memo.probeKills?.[key]
  if (signals?.hook) settleHook(pass, ref, signals)
  if (signals && signals.termAtMs <= pass.now) handle = pass.runtime.signalTerm(ref, handle, signals.termAtMs)
  if (signals && signals.killAtMs <= pass.now) handle = pass.runtime.kill(ref, handle, signals.killAtMs)
  return handle
}

/** how often the kubelet looks whether a preStop hook of unknown length has ended */
const HOOK_POLL_MS = 200

// a preStop hook the runtime runs for real: once it has ended, the signals move to its end (the bound
// stays when it overruns); until then the kubelet looks again shortly
function settleHook(pass: PodPass, ref: ContainerRef, signals: SignalTimes): void {
  const hook = signals.hook!
  const end = pass.now >= signals.termAtMs ? signals.termAtMs : pass.runtime.preStopEndedAt?.(ref)
  if (end === undefined) {
    pass.wake(pass.now + HOOK_POLL_MS)
    return
  }
  // a hook that ended within its time and failed: FailedPreStopHook (one that overran is not waited for)
  const failure = pass.now >= signals.termAtMs ? undefined : pass.runtime.preStopFailure?.(ref)
  if (failure) pass.events.push({type: 'Warning', reason: 'FailedPreStopHook', message: failure, fieldPath: fieldPathOf(ref.container, ref.init)})
  const moved = afterHookEnded(hook, Math.min(Math.max(end, hook.fromMs), signals.termAtMs))
  signals.termAtMs = Math.min(signals.termAtMs, moved.termAtMs)
  signals.killAtMs = Math.min(signals.killAtMs, moved.killAtMs)
  delete signals.hook
  for (const t of [signals.termAtMs, signals.killAtMs]) if (t > pass.now) pass.wake(t)
}

/** started/ready of a running container from its probes (probes.ts); a failed liveness or startup probe begins its kill. */
function withProbes(pass: PodPass, c: Container, init: boolean, s: ContainerStatus, handle: ContainerHandle, stopping: boolean): ContainerStatus {
  let started = true
  let ready = false
  if (!init || c.restartPolicy === 'Always') {
    const outcome = probeContainer(pass, c, init, handle)
    ;({started, ready} = outcome)
    if (outcome.failed && !stopping) beginProbeKill(pass, c, init, outcome.failed)
  }
  return s.started === started && s.ready === ready ? s : withState(s, s.state!, {started, ready})
}

/** A running container the runtime reports gone: its terminated state. */
function exited(pass: PodPass, c: Container, init: boolean, s: ContainerStatus, st: {exitCode: number; reason: string; finishedAtMs: number; message?: string}): ContainerStatus {
  const key = containerKey(c.name, init)
  endProbeKill(pass, c, init)
  const terminated = {
    exitCode: st.exitCode,
    reason: st.reason,
    ...(st.message ? {message: st.message} : {}),
    startedAt: s.state?.running?.startedAt,
    finishedAt: stamp(pass.memo, `${key}/finishedAt`, st.finishedAtMs),
    containerID: s.containerID,
  }
  return withState(s, {terminated}, {ready: init && c.restartPolicy !== 'Always' ? st.exitCode === 0 : false, started: false})
}

/** Pull, create and start one attempt; returns the status once running, or as it is while in progress. */
function pipeline(pass: PodPass, c: Container, init: boolean, s: ContainerStatus, attempt: AttemptMemo): ContainerStatus {
  const ref: ContainerRef = {pod: pass.pod, container: c, init}
  const key = containerKey(c.name, init)
  const image = attempt.image ?? c.image ?? ''
  const info = pass.runtime.resolveImage(image)
  const timings = pass.runtime.timings(ref)
  const present = pass.images.has(info.image)
  const policy = c.imagePullPolicy ?? 'IfNotPresent'
  // a try that failed for a reason that has gone away (the ConfigMap was created, the image pulled by
  // another pod) is tried again at once instead of at the next periodic sync
  const failed = (id: string): boolean => attempt.emitted.includes(`${attempt.tries}:${id}`)
  // so is a try whose container spec changed since (the update makes the pod worker sync at once)
  const respecified = attempt.image !== c.image && ['Failed', 'ErrImageNeverPull', 'InvalidImageName', 'ErrImagePull', 'ImagePullBackOff'].some(failed)
  if ((failed('Failed') && !containerConfigError(pass.pod, c, pass.lookup)) || (failed('ErrImageNeverPull') && present) || respecified) {
    nextTry(pass, c, attempt)
    return pipeline(pass, c, init, s, attempt)
  }
  const invalid = imageNameError(image)
  if (invalid) {
    const message = `Failed to apply default image tag ${goQuote(image)}: ${invalid}`
    emitOnce(pass, attempt, 'InspectFailed', c, init, {type: 'Warning', reason: 'InspectFailed', message})
    emitOnce(pass, attempt, 'InvalidImageName', c, init, {type: 'Warning', reason: 'Failed', message: 'Error: InvalidImageName'})
    return retryLater(pass, c, init, attempt, s, {waiting: {reason: 'InvalidImageName', message}})
  }
  if (policy === 'Never' && !present) {
    const message = `Container image ${goQuote(image)} is not present with pull policy of Never`
    emitOnce(pass, attempt, 'ErrImageNeverPull', c, init, {type: 'Warning', reason: 'ErrImageNeverPull', message})
    emitOnce(pass, attempt, 'NeverPullFailed', c, init, {type: 'Warning', reason: 'Failed', message: 'Error: ErrImageNeverPull'})
    return retryLater(pass, c, init, attempt, s, {waiting: {reason: 'ErrImageNeverPull', message}})
  }
  const pulls = (attempt.pulls ??= policy === 'Always' || !present)
  const pullMs = pulls ? timings.pullMs : 0
  if (pulls) {
    const backOff = failed('ErrImagePull') ? undefined : pullBackOff(pass.memo, image, attempt.anchorMs)
    if (backOff !== undefined) {
      emitOnce(pass, attempt, 'BackOff', c, init, {type: 'Normal', reason: 'BackOff', message: `Back-off pulling image ${goQuote(image)}`})
      emitOnce(pass, attempt, 'ImagePullBackOff', c, init, {type: 'Warning', reason: 'Failed', message: 'Error: ImagePullBackOff'})
      return retryLater(pass, c, init, attempt, s, {waiting: {reason: 'ImagePullBackOff', message: backOff}})
    }
    if (emitOnce(pass, attempt, 'Pulling', c, init, {type: 'Normal', reason: 'Pulling', message: `Pulling image ${goQuote(image)}`})) pullStarted(pass.memo, image)
  }
  const pulledAt = attempt.anchorMs + pullMs
  if (pass.now < pulledAt) {
    pass.wake(pulledAt)
    return s
  }
  const pullError = pulls ? pass.runtime.pullError(ref, image) : undefined
  if (pullError !== undefined) return failPull(pass, c, init, attempt, s, pullError, pulledAt)
  const pulled = pulls
    ? `Successfully pulled image "${image}" in ${goDuration(pullMs)} (${goDuration(pullMs)} including waiting). Image size: ${info.sizeBytes} bytes.`
    : `Container image "${image}" already present on machine`
  if (emitOnce(pass, attempt, 'Pulled', c, init, {type: 'Normal', reason: 'Pulled', message: pulled}) && pulls) pullSucceeded(pass.memo, pulledAt)
  pass.images.add(info.image)
  const configError = containerConfigError(pass.pod, c, pass.lookup)
  if (configError) {
    emitOnce(pass, attempt, 'Failed', c, init, {type: 'Warning', reason: 'Failed', message: `Error: ${configError}`})
    return retryLater(pass, c, init, attempt, s, {waiting: {reason: 'CreateContainerConfigError', message: configError}}, pulledAt)
  }
  const createError = pass.runtime.createError?.(ref)
  if (createError) {
    emitOnce(pass, attempt, 'CreateFailed', c, init, {type: 'Warning', reason: 'Failed', message: `Error: ${createError}`})
    return retryLater(pass, c, init, attempt, s, {waiting: {reason: 'CreateContainerError', message: createError}}, pulledAt)
  }
  const startedAt = pulledAt + timings.startMs
  if (pass.now < startedAt) {
    pass.wake(startedAt)
    return s
  }
  emitOnce(pass, attempt, 'Created', c, init, {type: 'Normal', reason: 'Created', message: `Created container: ${c.name}`})
  const handle = pass.runtime.start(ref, attempt.restartCount, startedAt)
  const startError = pass.runtime.startError?.(ref, handle)
  if (startError) emitOnce(pass, attempt, 'StartFailed', c, init, {type: 'Warning', reason: 'Failed', message: `Error: ${startError}`})
  else emitOnce(pass, attempt, 'Started', c, init, {type: 'Normal', reason: 'Started', message: `Started container ${c.name}`})
  delete pass.memo.attempts[key]
  endRestartKill(pass, c, init)
  const running: ContainerState = {running: {startedAt: stamp(pass.memo, `${key}/startedAt`, startedAt)}}
  const base = createdStatus(c, s, {state: running, lastState: lastTermination(s), restartCount: attempt.restartCount, image: info.image, imageID: info.imageID, containerID: handle.containerID, started: false, ready: false})
  return withProbes(pass, c, init, base, handle, false)
}

// a pull that failed at `failedAt`: ErrImagePull with the runtime's error, the image in back-off
function failPull(pass: PodPass, c: Container, init: boolean, attempt: AttemptMemo, s: ContainerStatus, error: string, failedAt: number): ContainerStatus {
  const image = attempt.image ?? c.image ?? ''
  const first = emitOnce(pass, attempt, 'ErrImagePull', c, init, {type: 'Warning', reason: 'Failed', message: `Failed to pull image ${goQuote(image)}: ${error}`})
  emitOnce(pass, attempt, 'ErrImagePullError', c, init, {type: 'Warning', reason: 'Failed', message: 'Error: ErrImagePull'})
  if (first) attempt.retryAtMs = pullFailed(pass.memo, image, failedAt, error)
  const retryAt = attempt.retryAtMs ?? failedAt + SYNC_RETRY_MS
  return retryLater(pass, c, init, attempt, s, {waiting: {reason: 'ErrImagePull', message: error}}, retryAt - SYNC_RETRY_MS)
}

// a failed try (config error, missing image) shows its reason and is tried again after SYNC_RETRY_MS
function retryLater(pass: PodPass, c: Container, init: boolean, attempt: AttemptMemo, s: ContainerStatus, state: ContainerState, failedAt = attempt.anchorMs): ContainerStatus {
  const shown = withState(s, state, s.state?.terminated ? {lastState: {terminated: s.state.terminated}} : {})
  const retryAt = failedAt + SYNC_RETRY_MS
  if (pass.now < retryAt) {
    pass.wake(retryAt, true)
    return shown
  }
  nextTry(pass, c, attempt)
  return pipeline(pass, c, init, shown, attempt)
}

// a new try of an attempt begins now, with the spec as it is now
function nextTry(pass: PodPass, c: Container, attempt: AttemptMemo): void {
  attempt.tries++
  attempt.anchorMs = pass.now
  attempt.image = c.image
  attempt.pulls = undefined
  attempt.retryAtMs = undefined
}

/** A terminated container to be restarted: wait out the back-off (CrashLoopBackOff), then begin the next attempt. */
function restart(pass: PodPass, c: Container, init: boolean, s: ContainerStatus): ContainerStatus {
  const key = containerKey(c.name, init)
  const nextCount = s.restartCount + 1
  let attempt = pass.memo.attempts[key]
  if (!attempt || attempt.restartCount !== nextCount) {
    const last = lastTermination(s).terminated!
    const finished = exactTime(pass.memo, `${key}/finishedAt`, last.finishedAt) ?? pass.now
    const entry = pass.memo.backoff[key]
    // the back-off is keyed by a hash of the spec: a changed container starts with none
    const fresh = !entry || finished - entry.lastUpdateMs > 2 * BACKOFF_MAX_MS || imageChanged(pass, c, s)
    if (!fresh && pass.now - finished < entry.backoffMs) {
      const until = finished + entry.backoffMs
      pass.wake(until)
      // every sync of the pod worker during the back-off records BackOff: it syncs again after SYNC_RETRY_MS
      const events = (pass.memo.backoffEvents ??= {})
      const last = events[key]
      if (last === undefined || pass.now >= last + SYNC_RETRY_MS) {
        events[key] = pass.now
        pass.events.push({type: 'Warning', reason: 'BackOff', message: `Back-off restarting failed container ${c.name} in pod ${podDesc(pass.pod)}`, fieldPath: fieldPathOf(c, init)})
      }
      if (events[key] + SYNC_RETRY_MS < until) pass.wake(events[key] + SYNC_RETRY_MS, true)
      const message = `back-off ${goDuration(entry.backoffMs)} restarting failed container=${c.name} pod=${podDesc(pass.pod)}`
      return withState(s, {waiting: {reason: 'CrashLoopBackOff', message}}, {lastState: lastTermination(s)})
    }
    pass.memo.backoff[key] = {backoffMs: fresh ? BACKOFF_INITIAL_MS : Math.min(2 * entry.backoffMs, BACKOFF_MAX_MS), lastUpdateMs: finished}
    if (pass.memo.backoffEvents) delete pass.memo.backoffEvents[key]
    attempt = pass.memo.attempts[key] = {restartCount: nextCount, tries: 0, anchorMs: pass.now, emitted: [], image: c.image}
  }
  return pipeline(pass, c, init, s, attempt)
}

/**
 * A running container killed because its definition changed has exited: start the new definition at
 * once (no back-off: its key is new). Until the new container runs, the status shows the old one
 * running (undefined); a start that fails shows its reason with the old container as lastState.
 */
function replace(pass: PodPass, c: Container, init: boolean, s: ContainerStatus, st: {exitCode: number; reason: string; finishedAtMs: number}): ContainerStatus | undefined {
  const key = containerKey(c.name, init)
  const dead = exited(pass, c, init, s, st)
  let attempt = pass.memo.attempts[key]
  if (!attempt || attempt.restartCount !== s.restartCount + 1) {
    // a container that restarted before leaves an exited one behind: the new key's back-off begins now
    if (s.lastState?.terminated) pass.memo.backoff[key] = {backoffMs: BACKOFF_INITIAL_MS, lastUpdateMs: pass.now}
    else delete pass.memo.backoff[key]
    attempt = pass.memo.attempts[key] = {restartCount: s.restartCount + 1, tries: 0, anchorMs: st.finishedAtMs, emitted: [], image: c.image}
  }
  const next = pipeline(pass, c, init, dead, attempt)
  return next === dead ? undefined : next
}

/** A running container: exits, probes, and the kill of a changed definition or after a failed probe. */
function running(pass: PodPass, c: Container, init: boolean, s: ContainerStatus, stopping: boolean): ContainerStatus | undefined {
  const ref: ContainerRef = {pod: pass.pod, container: c, init}
  let kill = stopping ? undefined : restartKill(pass, c, init)
  if (!kill && !stopping && restartsOnChange(c, init) && imageChanged(pass, c, s)) kill = beginRestartKill(pass, c, init, fieldPathOf(c, init))
  const handle = handleOf(pass, c, init, s)
  const st = pass.runtime.inspect(ref, handle, pass.now)
  if (!st.running) return kill ? replace(pass, c, init, s, st) : exited(pass, c, init, s, st)
  const next = pass.runtime.nextChangeAt(ref, handle)
  if (next !== undefined) pass.wake(next)
  kill ??= stopping ? undefined : probeKill(pass, c, init)
  if (kill) {
    for (const t of [kill.termAtMs, kill.killAtMs]) if (t > pass.now) pass.wake(t)
    return undefined
  }
  const probed = withProbes(pass, c, init, s, handle, stopping)
  // a probe failed: the kill's signals may be due already
  if (!stopping && probeKill(pass, c, init)) return running(pass, c, init, probed, stopping) ?? probed
  return probed === s ? undefined : probed
}

/** One transition of a container at pass.now, or undefined when nothing happens now. */
function transition(pass: PodPass, c: Container, init: boolean, s: ContainerStatus, eligible: boolean, stopping: boolean): ContainerStatus | undefined {
  if (s.state?.running) return running(pass, c, init, s, stopping)
  if (stopping) return undefined
  const last = lastTermination(s).terminated
  if (last) return shouldRestart(pass.pod, c, init, last.exitCode) ? same(s, restart(pass, c, init, s)) : undefined
  if (!eligible) return undefined
  const key = containerKey(c.name, init)
  const attempt = (pass.memo.attempts[key] ??= {restartCount: s.restartCount, tries: 0, anchorMs: pass.now, emitted: [], image: c.image})
  return same(s, pipeline(pass, c, init, s, attempt))
}

const same = (before: ContainerStatus, after: ContainerStatus): ContainerStatus | undefined => (JSON.stringify(before) === JSON.stringify(after) ? undefined : after)

/**
 * The container's status after every transition due at pass.now. `eligible`: it may start (sandbox
 * ready, earlier init containers done). `stopping`: the pod is terminating, nothing starts any more.
 */
export function stepContainer(pass: PodPass, c: Container, init: boolean, old: ContainerStatus | undefined, eligible: boolean, stopping = false): ContainerStatus {
  let s = specImage(pass, c, init, old ?? initialStatus(pass.pod, c))
  for (let i = 0; i < 8; i++) {
    const next = transition(pass, c, init, s, eligible, stopping)
    if (!next) break
    s = next
  }
  return specImage(pass, c, init, s)
}

// a container not created yet shows the image of the spec its pod worker syncs (a pull in progress
// holds the worker: the spec it began with)
function specImage(pass: PodPass, c: Container, init: boolean, s: ContainerStatus): ContainerStatus {
  const image = pass.memo.attempts[containerKey(c.name, init)]?.image ?? c.image ?? ''
  return s.containerID || s.image === image ? s : {...s, image}
}
