// Sidecars stop last (kuberuntime_termination_order.go, with killContainer's use of it): when a pod is
// killed, every container runs its preStop hook at once; a sidecar (an init container with restartPolicy
// Always) then waits for its turn — until every regular container has exited and the sidecar declared
// after it has too — at most for what is left of the grace period. The wait, in whole seconds, comes off
// its grace period (never below the 2 s minimum); then it gets SIGTERM, and SIGKILL when that runs out.
// A container that was not running when the kill began holds nobody up.
import type {Container, ContainerStatus, Pod} from 'kubernetes-types/core/v1.js'
import type {PodPass} from './pod-pass.js'

import {MINIMUM_GRACE_SECONDS} from './kill.js'
import {containerKey, exactTime} from './memory.js'
import {isSidecar} from './status.js'

/** A sidecar waiting for its turn to get the stop signal. */
export interface TurnWait {
  /** when its preStop hook ended (the wait starts then) */
  hookEndMs: number
  /** its grace period left after the hook, in seconds (> 0: with none it does not wait) */
  graceSeconds: number
  /** the containers (keys) it waits for: the running regular ones and the next running sidecar */
  after: string[]
}

/** For each sidecar of `pod`, the running containers it waits for (by containerKey). */
export function prerequisites(pod: Pod, running: (key: string) => boolean): Map<string, string[]> {
  const regular = pod.spec!.containers.map((c) => containerKey(c.name, false)).filter(running)
  const out = new Map<string, string[]>()
  let later: string | undefined
  for (const c of [...(pod.spec?.initContainers ?? [])].reverse()) {
    if (!isSidecar(c)) continue
    const key = containerKey(c.name, true)
    out.set(key, later !== undefined && running(later) ? [...regular, later] : regular)
    later = key
  }
  return out
}

/** The stop and kill times of a sidecar whose turn came at `turnMs`. */
export function signalsAtTurn(wait: TurnWait, turnMs: number): {termAtMs: number; killAtMs: number} {
  const waited = Math.floor((turnMs - wait.hookEndMs) / 1000)
  const grace = Math.max(wait.graceSeconds - waited, MINIMUM_GRACE_SECONDS)
  return {termAtMs: turnMs, killAtMs: turnMs + grace * 1000}
}

/**
 * When a waiting sidecar's turn comes, given the statuses of this pass so far (by key): the latest exit of
 * the containers it waits for, or the end of its grace period if that comes first; undefined while it
 * still waits (a wake-up is planned for the end of the grace period).
 */
export function turnOf(pass: PodPass, wait: TurnWait, statuses: Map<string, ContainerStatus>): number | undefined {
  const deadlineMs = wait.hookEndMs + wait.graceSeconds * 1000
  let lastExitMs = wait.hookEndMs
  for (const key of wait.after) {
    const s = statuses.get(key)
    if (s?.state?.running) {
      if (pass.now >= deadlineMs) return deadlineMs
      pass.wake(deadlineMs)
      return undefined
    }
    const finished = exactTime(pass.memo, `${key}/finishedAt`, s?.state?.terminated?.finishedAt)
    if (finished !== undefined) lastExitMs = Math.max(lastExitMs, finished)
  }
  return Math.min(lastExitMs, deadlineMs)
}

/** Whether `c` waits for its turn in a pod kill: a sidecar, killed with some grace left after its hook. */
export const waitsForTurn = (c: Container, init: boolean, graceLeftSeconds: number): boolean => init && isSidecar(c) && graceLeftSeconds > 0
