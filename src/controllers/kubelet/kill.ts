// killContainer's timing, shared by a pod's termination and a container restarted because its
// definition changed: the preStop hook runs first (bounded by the grace period, skipped when the grace
// is 0), then the stop signal with what is left of the grace period — never less than 2 s — then
// SIGKILL. The grace is the deletion's when the pod is being deleted, else the spec's, else 30 s.
import type {Container, Pod} from 'kubernetes-types/core/v1.js'
import type {Runtime} from './runtime.js'
import type {SignalTimes} from './memory.js'

/** minimumGracePeriodInSeconds: the SIGTERM→SIGKILL window is never shorter. */
export const MINIMUM_GRACE_SECONDS = 2

/** When one container gets its stop signal and when SIGKILL (and a preStop hook whose end is not known yet). */
export type KillSignals = SignalTimes

/** The grace period the kubelet applies: the deletion's, else the spec's, else 30 s. */
export function terminationGraceSeconds(pod: Pod): number {
  return pod.metadata?.deletionGracePeriodSeconds ?? pod.spec?.terminationGracePeriodSeconds ?? 30
}

/**
 * When `c`'s preStop hook, run from `startMs` within `grace` seconds, ends, and the grace left after it
 * (s). A hook whose length the runtime learns only when it ends is planned at its bound, with `hook` set.
 */
export function afterPreStop(runtime: Runtime, pod: Pod, c: Container, init: boolean, startMs: number, grace: number): {hookEndMs: number; graceLeft: number; hook?: SignalTimes['hook']} {
  const ran = grace > 0 ? runtime.runPreStop({pod, container: c, init}, startMs) : 0
  const hookMs = Math.min(ran, grace * 1000)
  const hook = Number.isFinite(ran) ? undefined : {fromMs: startMs, graceSeconds: grace}
  return {hookEndMs: startMs + hookMs, graceLeft: grace - Math.floor(hookMs / 1000), ...(hook ? {hook} : {})}
}

/** Signal times once a hook begun at `hook.fromMs` is known to have ended at `endMs`: the stop signal then, SIGKILL after the grace left (at least 2 s). */
export function afterHookEnded(hook: NonNullable<SignalTimes['hook']>, endMs: number): {termAtMs: number; killAtMs: number} {
  const left = hook.graceSeconds - Math.floor((endMs - hook.fromMs) / 1000)
  return {termAtMs: endMs, killAtMs: endMs + Math.max(left, MINIMUM_GRACE_SECONDS) * 1000}
}

/** The signals of killing `c` from `startMs` with `grace` seconds (runs its preStop hook through the runtime). */
export function killSignals(runtime: Runtime, pod: Pod, c: Container, init: boolean, startMs: number, grace: number): KillSignals {
  const {hookEndMs, graceLeft, hook} = afterPreStop(runtime, pod, c, init, startMs, grace)
  return {termAtMs: hookEndMs, killAtMs: hookEndMs + Math.max(graceLeft, MINIMUM_GRACE_SECONDS) * 1000, ...(hook ? {hook} : {})}
}
