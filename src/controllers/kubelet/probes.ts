// The kubelet's prober (pkg/kubelet/prober), worked out from the clock instead of run by tickers. Each
// probe of a running container runs every periodSeconds; runs before initialDelaySeconds after the start
// count for nothing. A result takes effect after successThreshold successes or failureThreshold failures in
// a row (worker.doProbe). Until then readiness is False, liveness True and startup unknown. Liveness and
// readiness probes run only once the container has started (its startup probe succeeded). Every failed run
// records `Unhealthy` `<Kind> probe failed: <output>`; a failed liveness or startup probe gets the container
// killed (probe-kill.ts).
//
// A runtime whose probes really run (the process runtime) may not know a run's answer yet: the walk stops
// there and looks again soon; a run it could not make at all (errored) counts for nothing.
//
// The first run is the runtime's `readyMs` after the start (the time the kubelet takes to notice the start
// and the application to answer); with a startup probe, liveness and readiness run first when it succeeds
// (the kubelet triggers a readiness run at once), then on their own period.
import type {Container, Probe} from 'kubernetes-types/core/v1.js'
import type {PodPass} from './pod-pass.js'
import type {ContainerHandle, ContainerRef, ProbeKind} from './runtime.js'

import {containerKey} from './memory.js'
import {fieldPathOf} from './pod-pass.js'
import {probeOf} from './simulated-probes.js'

/** What one probe worked out to at pass.now. */
export interface ProbeState {
  /** the result in effect: undefined while none has taken effect (startup: not started yet) */
  result: boolean | undefined
  /** when that result took effect */
  sinceMs?: number
}

interface Grid {
  /** the time of run 0 */
  anchorMs: number
  periodMs: number
  /** runs before this one count for nothing (initialDelaySeconds) */
  firstRun: number
}

/** how soon a pass looks again for the answer of a probe still running */
const PENDING_RECHECK_MS = 250

const KIND_TITLE: Record<ProbeKind, string> = {liveness: 'Liveness', readiness: 'Readiness', startup: 'Startup'}

function gridOf(probe: Probe, anchorMs: number, startedAtMs: number): Grid {
  const periodMs = (probe.periodSeconds ?? 10) * 1000
  const delayEndMs = startedAtMs + (probe.initialDelaySeconds ?? 0) * 1000
  return {anchorMs, periodMs, firstRun: Math.max(0, Math.ceil((delayEndMs - anchorMs) / periodMs))}
}

const runAt = (g: Grid, k: number): number => g.anchorMs + k * g.periodMs

/**
 * Walks the runs of one probe up to pass.now (closed form over the stretches in which the runtime's answer
 * stays the same), records an Unhealthy event for each failed run not recorded yet, and plans a wake-up for
 * the next run that matters. `stopOnFailure`/`stopOnSuccess`: the walk ends when such a result takes effect
 * (liveness stops probing once it failed; startup once it decided).
 */
export function walkProbe(pass: PodPass, ref: ContainerRef, kind: ProbeKind, handle: ContainerHandle, anchorMs: number, stop: {onFailure?: boolean; onSuccess?: boolean}): ProbeState {
  const probe = probeOf(ref.container, kind)!
  const g = gridOf(probe, anchorMs, handle.startedAtMs)
  const thresholds = {ok: probe.successThreshold ?? 1, failed: probe.failureThreshold ?? 3}
  const lastRun = Math.floor((pass.now - g.anchorMs) / g.periodMs)
  const state: ProbeState = {result: kind === 'liveness' ? true : undefined}
  if (kind === 'readiness') state.result = false
  let k = g.firstRun
  let run = 0
  let last: boolean | undefined
  while (k <= lastRun) {
    const t = runAt(g, k)
    const answer = pass.runtime.probe(ref, kind, handle, t)
    // a real probe still running: the result stands as it was until its answer is known
    if (!answer) {
      pass.wake(pass.now + PENDING_RECHECK_MS)
      return state
    }
    const change = pass.runtime.probeChangesAt(ref, kind, handle, t)
    const end = Math.min(lastRun + 1, change === undefined ? Infinity : Math.max(k + 1, Math.ceil((change - g.anchorMs) / g.periodMs)))
    // a run that could not be made (errored) is recorded and discarded: it counts neither way (worker.doProbe)
    if (answer.errored) {
      recordFailures(pass, ref, kind, g, k, end, `${KIND_TITLE[kind]} probe errored and resulted in unknown state: ${answer.output}`)
      k = end
      continue
    }
    const before = answer.ok === last ? run : 0
    const needed = answer.ok ? thresholds.ok : thresholds.failed
    let stopAt: number | undefined
    if (state.result !== answer.ok && before + (end - k) >= needed) {
      const effect = k + needed - before - 1
      state.result = answer.ok
      state.sinceMs = runAt(g, effect)
      if ((answer.ok && stop.onSuccess) || (!answer.ok && stop.onFailure)) stopAt = effect + 1
    }
    if (!answer.ok) recordFailures(pass, ref, kind, g, k, stopAt ?? end, `${KIND_TITLE[kind]} probe failed: ${answer.output}`)
    if (stopAt !== undefined) return state
    run = before + (end - k)
    last = answer.ok
    k = end
  }
  // the next run matters while a run of results is building up, while failing (an event each), or when the answer will change
  const next = Math.max(k, g.firstRun)
  const change = pass.runtime.probeChangesAt(ref, kind, handle, runAt(g, next - 1))
  if (last === undefined || last !== state.result || last === false) pass.wake(runAt(g, next))
  else if (change !== undefined) pass.wake(runAt(g, Math.max(next, Math.ceil((change - g.anchorMs) / g.periodMs))))
  return state
}

// Unhealthy for the failed runs [from, to) not recorded yet (a kubelet that starts over records the last few)
function recordFailures(pass: PodPass, ref: ContainerRef, kind: ProbeKind, g: Grid, from: number, to: number, message: string): void {
  const key = `${containerKey(ref.container.name, ref.init)}/${kind}`
  const recorded = (pass.memo.probeEvents ??= {})[key]
  let first = from
  if (recorded !== undefined) first = Math.max(first, Math.floor((recorded - g.anchorMs) / g.periodMs) + 1)
  else first = Math.max(first, to - 3)
  if (first >= to) return
  for (let k = first; k < to; k++) {
    pass.events.push({type: 'Warning', reason: 'Unhealthy', message, fieldPath: fieldPathOf(ref.container, ref.init)})
  }
  pass.memo.probeEvents[key] = runAt(g, to - 1)
}

/** started, ready, and the probe (if any) whose failure means a kill, for a running container at pass.now. */
export interface ProbeOutcome {
  started: boolean
  ready: boolean
  /** the probe that failed and when: the container is to be killed */
  failed?: {kind: 'liveness' | 'startup'; atMs: number}
}

/** Works out a running container's probes at pass.now. */
export function probeContainer(pass: PodPass, c: Container, init: boolean, handle: ContainerHandle): ProbeOutcome {
  const ref: ContainerRef = {pod: pass.pod, container: c, init}
  const firstRunMs = handle.startedAtMs + pass.runtime.timings(ref).readyMs
  let startedAtMs = handle.startedAtMs
  if (c.startupProbe) {
    const startup = walkProbe(pass, ref, 'startup', handle, firstRunMs, {onFailure: true, onSuccess: true})
    if (startup.result === false) return {started: false, ready: false, failed: {kind: 'startup', atMs: startup.sinceMs!}}
    if (startup.result !== true) return {started: false, ready: false}
    startedAtMs = startup.sinceMs!
  }
  const anchorMs = c.startupProbe ? startedAtMs : firstRunMs
  if (c.livenessProbe) {
    const liveness = walkProbe(pass, ref, 'liveness', handle, anchorMs, {onFailure: true})
    if (liveness.result === false) return {started: true, ready: readiness(pass, ref, handle, anchorMs), failed: {kind: 'liveness', atMs: liveness.sinceMs!}}
  }
  return {started: true, ready: readiness(pass, ref, handle, anchorMs)}
}

// without a readiness probe a started container is ready
function readiness(pass: PodPass, ref: ContainerRef, handle: ContainerHandle, anchorMs: number): boolean {
  if (!ref.container.readinessProbe) return true
  return walkProbe(pass, ref, 'readiness', handle, anchorMs, {}).result === true
}
