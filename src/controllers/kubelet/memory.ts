// What a kubelet keeps in memory between passes, as the real one does (pod workers, back-off tables,
// the status manager's cache): when it began each step, which events it already recorded, precise
// (millisecond) times of what it wrote with second precision. Losing it — a reconciler restart — is
// what a kubelet restart does: steps in flight start over from now, back-off is forgotten, a
// terminating pod's termination starts again with its full grace period.
import type {TurnWait} from './termination-order.js'

import {rfc3339} from '../../api/types.js'

/** One container attempt the kubelet is working on: pulling, creating, starting. */
export interface AttemptMemo {
  /** the restart count the container will have once this attempt runs */
  restartCount: number
  /** retries within the attempt (CreateContainerConfigError, ErrImageNeverPull) */
  tries: number
  /** when the current try began */
  anchorMs: number
  /** events recorded for this attempt, keyed `<try>:<reason>` */
  emitted: string[]
  /** the spec image this try pulls and starts (a spec change mid-try applies to the next container) */
  image?: string
  /** whether this try pulls the image, decided when it begins (the pull puts the image on the node) */
  pulls?: boolean
  /** when a try whose pull failed is followed by the next one */
  retryAtMs?: number
}

/** client-go's per-container back-off entry (flowcontrol.Backoff). */
export interface BackoffEntry {
  backoffMs: number
  lastUpdateMs: number
}

/**
 * When a container being killed gets its stop signal and SIGKILL. `hook`: its preStop hook runs and the
 * runtime tells its end only once it comes; the times are then its bound (the whole grace period) until
 * the kubelet learns the end and moves them earlier (containers.ts).
 */
export interface SignalTimes {
  termAtMs: number
  killAtMs: number
  hook?: {fromMs: number; graceSeconds: number}
}

/** A termination in progress: when it began, with which grace, and each container's signal times. */
export interface TerminationMemo {
  startedMs: number
  graceSeconds: number
  containers: Record<string, SignalTimes>
  /** sidecars waiting for their turn (termination-order.ts), by containerKey() */
  waiting?: Record<string, TurnWait>
}

/** Everything the kubelet remembers about one pod (by uid). */
export interface PodMemo {
  /** when the sandbox will be (or was) ready */
  sandboxReadyMs?: number
  /** attempts in progress, keyed by containerKey() */
  attempts: Record<string, AttemptMemo>
  backoff: Record<string, BackoffEntry>
  /** the last pull error of each image in back-off (`ErrImagePull: <error>`), for the ImagePullBackOff message */
  pullErrors?: Record<string, string>
  /** precise times behind second-precision timestamps in the status, keyed `<containerKey>/<field>` */
  exact: Record<string, number>
  /** FailedMount retries (the volume manager's exponential back-off) */
  mount?: {nextMs: number; delayMs: number}
  /** FailedCreatePodSandBox retries (a RuntimeClass gone or its handler not configured): the try and when the next one is */
  sandboxRetry?: {attempt: number; nextMs: number}
  termination?: TerminationMemo
  /** running containers being killed to start again with a changed definition, by containerKey() */
  restarts?: Record<string, SignalTimes>
  /** running containers being killed because a liveness or startup probe failed, by containerKey() */
  probeKills?: Record<string, SignalTimes>
  /** when the last BackOff (restarting a failed container) was recorded, by containerKey() */
  backoffEvents?: Record<string, number>
  /** the time of the last failed probe run recorded as Unhealthy, by `<containerKey>/<kind>` */
  probeEvents?: Record<string, number>
}

/** `signals` without `key` (undefined when nothing is left): a kill in progress forgotten once it is over. */
export function withoutKill<T>(signals: Record<string, T> | undefined, key: string): Record<string, T> | undefined {
  if (!signals?.[key]) return signals
  const {[key]: _done, ...rest} = signals
  return Object.keys(rest).length > 0 ? rest : undefined
}

/** Memo keys: init and app containers may not share names, but keep them apart anyway. */
export function containerKey(name: string, init: boolean): string {
  return `${init ? 'init' : 'app'}/${name}`
}

/** What the kubelet knows of a pod it has not seen before. */
export function emptyPodMemo(): PodMemo {
  return {attempts: {}, backoff: {}, exact: {}}
}

/** A deep copy, so a plan can change it freely and be thrown away if its writes fail. */
export function cloneMemo(m: PodMemo | undefined): PodMemo {
  return m ? structuredClone(m) : emptyPodMemo()
}

/**
 * The precise time behind a status timestamp: the remembered milliseconds when they still round to
 * the stored string (this process wrote it), otherwise the string itself (second precision).
 */
export function exactTime(memo: PodMemo, key: string, stored: string | undefined | null): number | undefined {
  if (!stored) return undefined
  const ms = memo.exact[key]
  if (ms !== undefined && rfc3339(new Date(ms)) === stored) return ms
  const parsed = Date.parse(stored)
  return Number.isNaN(parsed) ? undefined : parsed
}

/** Records the precise time of a timestamp about to be written, and returns its stored form. */
export function stamp(memo: PodMemo, key: string, ms: number): string {
  memo.exact[key] = ms
  return rfc3339(new Date(ms))
}

/** A pod whose last sync had nothing to do, and what that sync read. */
interface Settled {
  pod: object
  node: object
  configs: number
}

/** The kubelet's memory of every pod it runs, plus the images each node has pulled. */
export class KubeletMemory {
  readonly pods = new Map<string, PodMemo>()
  readonly images = new Map<string, Set<string>>()
  readonly #settled = new Map<string, Settled>()
  #configs: readonly object[] = []
  #configEpoch = 0

  /**
   * Moves every deadline and start time the kubelet keeps by `deltaMs`: after the wall clock stepped,
   * a grace period, a back-off or a pending step still ends as long after its start as it should
   * (the real kubelet measures them on the monotonic clock). Status timestamps already written stay.
   */
  shiftDeadlines(deltaMs: number): void {
    const shiftSignals = (m: Record<string, SignalTimes> | undefined): void => {
      for (const v of Object.values(m ?? {})) {
        v.termAtMs += deltaMs
        v.killAtMs += deltaMs
      }
    }
    for (const memo of this.pods.values()) {
      if (memo.sandboxReadyMs !== undefined) memo.sandboxReadyMs += deltaMs
      for (const a of Object.values(memo.attempts)) {
        a.anchorMs += deltaMs
        if (a.retryAtMs !== undefined) a.retryAtMs += deltaMs
      }
      for (const b of Object.values(memo.backoff)) b.lastUpdateMs += deltaMs
      if (memo.mount) memo.mount.nextMs += deltaMs
      if (memo.sandboxRetry) memo.sandboxRetry.nextMs += deltaMs
      if (memo.termination) {
        memo.termination.startedMs += deltaMs
        shiftSignals(memo.termination.containers)
        for (const w of Object.values(memo.termination.waiting ?? {})) w.hookEndMs += deltaMs
      }
      shiftSignals(memo.restarts)
      shiftSignals(memo.probeKills)
      for (const m of [memo.probeEvents, memo.backoffEvents]) for (const k of Object.keys(m ?? {})) m![k] += deltaMs
    }
    // a settled pod planned nothing for later: nothing of it moves
  }

  /** Forgets pods that no longer exist. */
  /** Forgets a pod (gone, or its kubelet stopped). */
  forget(uid: string): void {
    this.pods.delete(uid)
    this.#settled.delete(uid)
  }

  retain(uids: Set<string>): void {
    for (const uid of this.pods.keys()) if (!uids.has(uid)) this.pods.delete(uid)
    for (const uid of this.#settled.keys()) if (!uids.has(uid)) this.#settled.delete(uid)
  }

  imagesOf(node: string): Set<string> {
    let s = this.images.get(node)
    if (!s) this.images.set(node, (s = new Set()))
    return s
  }

  /**
   * A number that changes whenever one of the ConfigMaps and Secrets a pod may read changes (the
   * reconciler's cache replaces an object when it changes, so comparing the objects themselves is enough).
   */
  configEpoch(configs: readonly object[]): number {
    if (configs.length !== this.#configs.length || configs.some((c, i) => c !== this.#configs[i])) {
      this.#configs = configs
      this.#configEpoch++
    }
    return this.#configEpoch
  }

  /**
   * Records that a sync of exactly these (frozen, cached) objects planned nothing now and nothing
   * later: another sync of the same objects would plan nothing either.
   */
  settle(uid: string, pod: object, node: object, configs: number): void {
    if (Object.isFrozen(pod) && Object.isFrozen(node)) this.#settled.set(uid, {pod, node, configs})
    else this.#settled.delete(uid)
  }

  /** Whether the pod, its node and the config objects are those of a sync that planned nothing. */
  isSettled(uid: string, pod: object, node: object, configs: number): boolean {
    const s = this.#settled.get(uid)
    if (s && s.pod === pod && s.node === node && s.configs === configs) return true
    if (s) this.#settled.delete(uid)
    return false
  }
}
