// Graceful termination, the kubelet's side (kuberuntime killContainer): for a pod with a
// deletionTimestamp every running container gets `Killing: Stopping container <c>`, runs its preStop
// hook (bounded by the grace period), then SIGTERM with what is left of the grace period — never less
// than 2 s, the documented one-off extension — then SIGKILL. Once nothing runs the pod gets its terminal
// phase and the kubelet deletes it with grace 0.
//
// The plan lives in the kubelet's memory only. A restarted reconciler has none, so it starts the
// termination over with the pod's full (current) grace period, as the pod documentation says a restarted
// kubelet does. A second delete that shortens the grace period restarts the sequence with the new grace,
// never delaying a signal already planned. Sidecars get their stop signal last (termination-order.ts).
// A pod whose regular containers are all done for good (restartPolicy Never or OnFailure) while its
// sidecars still run is killed the same way, without being deleted: it then reaches Succeeded or Failed.
import type {Container, ContainerStatus, Pod} from 'kubernetes-types/core/v1.js'
import type {PodPass} from './pod-pass.js'

import {stepContainer} from './containers.js'
import {fieldPathOf} from './pod-pass.js'
import {afterPreStop, MINIMUM_GRACE_SECONDS, terminationGraceSeconds} from './kill.js'
import {containerKey, type TerminationMemo} from './memory.js'
import {getPhase, shouldRestart, type Phase} from './status.js'
import {prerequisites, signalsAtTurn, turnOf, waitsForTurn} from './termination-order.js'

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
// planned (by an earlier termination, or by a restart for a changed definition) is never delayed; a
// sidecar with grace left after its hook waits for its turn instead
function plan(pass: PodPass, startMs: number, grace: number, previous?: TerminationMemo): TerminationMemo {
  const memo: TerminationMemo = {startedMs: startMs, graceSeconds: grace, containers: {}, waiting: {}}
  const all = targets(pass.pod)
  const runningKeys = new Set(all.filter((t) => t.status?.state?.running).map((t) => containerKey(t.c.name, t.init)))
  const prereqs = prerequisites(pass.pod, (key) => runningKeys.has(key))
  for (const t of all) {
    if (!t.status?.state?.running) continue
    const key = containerKey(t.c.name, t.init)
    pass.events.push({type: 'Normal', reason: 'Killing', message: `Stopping container ${t.c.name}`, fieldPath: fieldPathOf(t.c, t.init)})
    const {hookEndMs, graceLeft, hook} = afterPreStop(pass.runtime, pass.pod, t.c, t.init, startMs, grace)
    const before = previous?.containers[key] ?? pass.memo.restarts?.[key] ?? pass.memo.probeKills?.[key]
    if (!before && waitsForTurn(t.c, t.init, graceLeft)) {
      memo.waiting![key] = {hookEndMs, graceSeconds: graceLeft, after: prereqs.get(key) ?? []}
      continue
    }
    let termAtMs = hookEndMs
    let killAtMs = hookEndMs + Math.max(graceLeft, MINIMUM_GRACE_SECONDS) * 1000
    if (before) {
      termAtMs = Math.min(termAtMs, before.termAtMs)
      killAtMs = Math.min(killAtMs, before.killAtMs)
    }
    memo.containers[key] = {termAtMs, killAtMs, ...(hook && !before ? {hook} : {})}
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

/** Advances the termination of a pod being killed (deleted, past its deadline, or done but for its sidecars) to pass.now. */
export function stepTermination(pass: PodPass): TerminationStep {
  const grace = terminationGraceSeconds(pass.pod)
  const current = pass.memo.termination
  if (!current) pass.memo.termination = plan(pass, pass.now, grace)
  else if (grace < current.graceSeconds) pass.memo.termination = plan(pass, pass.now, grace, current)
  pass.memo.attempts = {} // nothing new starts
  pass.memo.restarts = undefined // a kill for a changed definition goes on as part of the termination
  pass.memo.probeKills = undefined // so does a kill after a failed probe
  const termination = pass.memo.termination!
  const wakeAt = (s: {termAtMs: number; killAtMs: number}): void => {
    for (const t of [s.termAtMs, s.killAtMs]) if (t > pass.now) pass.wake(t)
  }
  for (const s of Object.values(termination.containers)) wakeAt(s)
  // regular containers first, then the sidecars from the last declared: a sidecar's turn comes after theirs
  const all = targets(pass.pod)
  const statuses = new Map<string, ContainerStatus>()
  for (const t of [...all.filter((x) => !x.init), ...all.filter((x) => x.init).reverse()]) {
    const key = containerKey(t.c.name, t.init)
    const wait = termination.waiting?.[key]
    const turn = wait && turnOf(pass, wait, statuses)
    if (wait && turn !== undefined) {
      wakeAt((termination.containers[key] = signalsAtTurn(wait, turn)))
      delete termination.waiting![key]
    }
    statuses.set(key, stepContainer(pass, t.c, t.init, t.status, false, true))
  }
  const init = all.filter((t) => t.init).map((t) => statuses.get(containerKey(t.c.name, true))!)
  const app = all.filter((t) => !t.init).map((t) => statuses.get(containerKey(t.c.name, false))!)
  if ([...init, ...app].some((s) => s.state?.running)) return {init, app}
  return finish(pass, init, app)
}

/**
 * computePodActions' KillPod for a pod that is done but for its sidecars: restartPolicy Never or
 * OnFailure, every regular container exited for good, a sidecar still running.
 */
export function doneButSidecars(pod: Pod, init: ContainerStatus[], app: ContainerStatus[]): boolean {
  if ((pod.spec?.restartPolicy ?? 'Always') === 'Always' || !init.some((s) => s.state?.running)) return false
  return pod.spec!.containers.every((c) => {
    const terminated = app.find((s) => s.name === c.name)?.state?.terminated
    return terminated !== undefined && !shouldRestart(pod, c, false, terminated.exitCode)
  })
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
