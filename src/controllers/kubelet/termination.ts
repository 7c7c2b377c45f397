// Graceful termination, the kubelet's side (kuberuntime killContainer): for a pod with a
// deletionTimestamp every running container gets `Killing: Stopping container <c>`, runs its preStop
// hook (bounded by the grace period), then SIGTERM with what is left of the grace period — never less
// than 2 s, the documented one-off extension — then SIGKILL. Once nothing runs the pod gets its terminal
// phase and the kubelet deletes it with grace 0.
//
// The plan lives in the kubelet's memory only. A restarted reconciler has none, so it starts the
// termination over with the pod's full (current) grace period, as the pod documentation says a restarted
// kubelet does. A second delete that shortens the grace period restarts the sequence with the new grace,
// never delaying a signal already planned.
import type {Container, ContainerStatus, Pod} from 'kubernetes-types/core/v1.js'
import type {PodPass} from './pod-pass.js'

import {stepContainer} from './containers.js'
import {fieldPathOf} from './pod-pass.js'
import {killSignals, terminationGraceSeconds} from './kill.js'
import {containerKey, type TerminationMemo} from './memory.js'
import {getPhase, type Phase} from './status.js'

interface Target {
  c: Container
  init: boolean
  status: ContainerStatus | undefined
}

function targets(pod: Pod): Target[] {
  const init = pod.status?.initContainerStatuses ?? []
  const app = pod.status?.containerStatuses ?? []
  return [
    ...(pod.spec?.initContainers ?? []).map((c) => ({c, init: true, status: init.find((s) => s.name === c.name)})),
    ...pod.spec!.containers.map((c) => ({c, init: false, status: app.find((s) => s.name === c.name)})),
  ]
}

// killContainer for every running container, from `startMs` with `grace` seconds; a signal already
// planned (by an earlier termination, or by a restart for a changed definition) is never delayed
function plan(pass: PodPass, startMs: number, grace: number, previous?: TerminationMemo): TerminationMemo {
  const memo: TerminationMemo = {startedMs: startMs, graceSeconds: grace, containers: {}}
  for (const t of targets(pass.pod)) {
    if (!t.status?.state?.running) continue
    const key = containerKey(t.c.name, t.init)
    pass.events.push({type: 'Normal', reason: 'Killing', message: `Stopping container ${t.c.name}`, fieldPath: fieldPathOf(t.c, t.init)})
    let {termAtMs, killAtMs} = killSignals(pass.runtime, pass.pod, t.c, t.init, startMs, grace)
    const before = previous?.containers[key] ?? pass.memo.restarts?.[key]
    if (before) {
      termAtMs = Math.min(termAtMs, before.termAtMs)
      killAtMs = Math.min(killAtMs, before.killAtMs)
    }
    memo.containers[key] = {termAtMs, killAtMs}
  }
  return memo
}

/** The pod's statuses while terminating, and whether it is finished (no container runs any more). */
export interface TerminationStep {
  init: ContainerStatus[]
  app: ContainerStatus[]
  /** the terminal phase once finished */
  phase?: Phase
}

/** Advances the termination of a pod with a deletionTimestamp to pass.now. */
export function stepTermination(pass: PodPass): TerminationStep {
  const grace = terminationGraceSeconds(pass.pod)
  const current = pass.memo.termination
  if (!current) pass.memo.termination = plan(pass, pass.now, grace)
  else if (grace < current.graceSeconds) pass.memo.termination = plan(pass, pass.now, grace, current)
  pass.memo.attempts = {} // nothing new starts
  pass.memo.restarts = undefined // a kill for a changed definition goes on as part of the termination
  const signals = pass.memo.termination!.containers
  for (const s of Object.values(signals)) {
    if (s.termAtMs > pass.now) pass.wake(s.termAtMs)
    if (s.killAtMs > pass.now) pass.wake(s.killAtMs)
  }
  const init: ContainerStatus[] = []
  const app: ContainerStatus[] = []
  for (const t of targets(pass.pod)) {
    const s = stepContainer(pass, t.c, t.init, t.status, false, true)
    ;(t.init ? init : app).push(s)
  }
  if ([...init, ...app].some((s) => s.state?.running)) return {init, app}
  return finish(pass, init, app)
}

// TerminatePod: every app container of an initialised pod shows a terminated state; the phase is terminal
function finish(pass: PodPass, init: ContainerStatus[], app: ContainerStatus[]): TerminationStep {
  const initialised = app.some((s) => s.state?.terminated || s.lastState?.terminated) || pass.pod.status?.conditions?.some((c) => c.type === 'Initialized' && c.status === 'True')
  const finalApp = app.map((s) => {
    if (s.state?.terminated || !initialised) return s
    if (s.lastState?.terminated) return {...s, state: {terminated: s.lastState.terminated}, lastState: {}}
    return {...s, state: {terminated: {exitCode: 137, reason: 'ContainerStatusUnknown', message: 'The container could not be located when the pod was terminated'}}}
  })
  let phase = getPhase(pass.pod, init, finalApp, true)
  if (phase !== 'Succeeded' && phase !== 'Failed') phase = 'Failed'
  const old = pass.pod.status?.phase
  if (old === 'Succeeded' || old === 'Failed') phase = old
  return {init, app: finalApp, phase}
}
