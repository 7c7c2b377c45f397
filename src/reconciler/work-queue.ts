// Which keys of which controllers are due, and when the next one will be: client-go's workqueue as pure
// bookkeeping with the time passed in — per key a dirty mark, a requeueAfter timer and a rate-limited
// back-off — so the runner's scheduling is tested without waiting.
import type {ReconcileResult} from '../controllers/types.js'

import {TimerHeap, type Timer} from './timer-heap.js'

/** First retry after a failure (client-go's default per-item limiter); each further failure doubles it. */
export const BACKOFF_BASE_MS = 5
export const BACKOFF_MAX_MS = 1_000_000

/** The wait before retrying a key that has failed `failures` times in a row (1 → 5 ms, up to 1000 s). */
export function backoffMs(failures: number): number {
  if (failures <= 0) return 0
  return Math.min(BACKOFF_MAX_MS, BACKOFF_BASE_MS * 2 ** Math.min(failures - 1, 30))
}

/** A key's timers: a requested requeue, or a retry after failures (which replaces it). */
interface KeyState {
  timerAt?: number
  /** the requeue is routine upkeep that does not count as pending work */
  background: boolean
  failures: number
  retryAt?: number
  /** the time of this key's entry in the timer heap (one per key: a later timer waits behind it) */
  heapAt?: number
}

/** One controller's keys. */
class Keys {
  /** keys to reconcile now, in the order they were marked */
  readonly dirty = new Set<string>()
  readonly states = new Map<string, KeyState>()
  constructor(readonly name: string) {}
}

/** The state of every controller's keys. Times are milliseconds on one clock. */
export class WorkQueue {
  readonly #controllers: Keys[]
  readonly #byName = new Map<string, Keys>()
  readonly #timers = new TimerHeap<Keys>()
  /** keys failing now, and keys with a requeue that is work in progress */
  #failing = 0
  #foreground = 0

  constructor(controllers: readonly {name: string}[]) {
    this.#controllers = controllers.map((c) => new Keys(c.name))
    for (const k of this.#controllers) this.#byName.set(k.name, k)
  }

  /** Marks keys of `name` dirty. A key backing off after a failure waits for its retry. */
  add(name: string, keys: Iterable<string>): void {
    const c = this.entry(name)
    for (const key of keys) if (c.states.get(key)?.retryAt === undefined) c.dirty.add(key)
  }

  /** Names of the controllers with keys due at `now`, in the order they were given. */
  due(now: number): string[] {
    this.fire(now)
    return this.#controllers.filter((c) => c.dirty.size > 0).map((c) => c.name)
  }

  /** Takes the dirty keys of `name` (in marking order) for reconciling; a key marked again meanwhile runs again. */
  take(name: string): string[] {
    const c = this.entry(name)
    const keys = [...c.dirty]
    c.dirty.clear()
    return keys
  }

  /** A key reconciled: its result's requeue replaces any earlier timer; its back-off is forgotten. */
  succeeded(name: string, key: string, now: number, result: ReconcileResult | undefined): void {
    const c = this.entry(name)
    const s = c.states.get(key)
    const after = result?.requeueAfterMs
    const at = after === undefined || !Number.isFinite(after) ? undefined : now + Math.max(0, after)
    if (!s && at === undefined) return
    const state = s ?? {background: false, failures: 0}
    if (state.failures > 0) this.#failing--
    state.failures = 0
    state.retryAt = undefined
    this.setTimer(state, at, Boolean(result?.background))
    if (at !== undefined) this.schedule(c, key, state, at)
    this.store(c, key, state)
  }

  /** A key's reconcile threw: retry it after its back-off; returns the wait in milliseconds. */
  failed(name: string, key: string, now: number): number {
    const c = this.entry(name)
    const state = c.states.get(key) ?? {background: false, failures: 0}
    if (state.failures === 0) this.#failing++
    state.failures++
    this.setTimer(state, undefined, false)
    const wait = backoffMs(state.failures)
    state.retryAt = now + wait
    this.schedule(c, key, state, state.retryAt)
    c.dirty.delete(key)
    this.store(c, key, state)
    return wait
  }

  /** How many times in a row a key has failed. */
  failures(name: string, key: string): number {
    return this.entry(name).states.get(key)?.failures ?? 0
  }

  /** The earliest time a key becomes due (now when one is dirty; undefined: none will by itself). */
  nextDue(now: number): number | undefined {
    if (this.#controllers.some((c) => c.dirty.size > 0)) return now
    const top = this.top()
    return top === undefined ? undefined : Math.max(now, top.at)
  }

  /**
   * Whether work is pending: a key is dirty or failing, or asked to run again for a reason other than
   * routine upkeep. An idle reconciler has none.
   */
  pending(): boolean {
    return this.#failing > 0 || this.#foreground > 0 || this.#controllers.some((c) => c.dirty.size > 0)
  }

  // moves every key whose timer or retry has come to the dirty set
  private fire(now: number): void {
    for (let top = this.top(); top && top.at <= now; top = this.top()) {
      const {owner: c, key} = this.#timers.pop()!
      const state = c.states.get(key)!
      state.heapAt = undefined
      if (state.retryAt !== undefined) state.retryAt = undefined
      else this.setTimer(state, undefined, false)
      this.store(c, key, state)
      c.dirty.add(key)
    }
  }

  // the earliest entry whose time is its key's due time; an entry whose key's timer moved later since
  // it was queued is queued again for then, one whose timer went is dropped
  private top(): Timer<Keys> | undefined {
    for (;;) {
      const top = this.#timers.top((at, c, key) => c.states.get(key)?.heapAt === at)
      if (!top) return undefined
      const state = top.owner.states.get(top.key)!
      const due = state.retryAt ?? state.timerAt
      if (due === top.at) return top
      this.#timers.pop()
      state.heapAt = undefined
      if (due !== undefined) this.schedule(top.owner, top.key, state, due)
      else this.store(top.owner, top.key, state)
    }
  }

  // one heap entry per key: a new one only when the timer is earlier than the entry already queued
  private schedule(c: Keys, key: string, state: KeyState, at: number): void {
    if (state.heapAt !== undefined && state.heapAt <= at) return
    state.heapAt = at
    this.#timers.push(at, c, key)
  }


  private setTimer(state: KeyState, at: number | undefined, background: boolean): void {
    if (state.timerAt !== undefined && !state.background) this.#foreground--
    state.timerAt = at
    state.background = background
    if (at !== undefined && !background) this.#foreground++
  }

  // keeps a key's state only while it has a timer or failures
  private store(c: Keys, key: string, state: KeyState): void {
    if (state.timerAt === undefined && state.retryAt === undefined && state.failures === 0) c.states.delete(key)
    else c.states.set(key, state)
  }

  private entry(name: string): Keys {
    const c = this.#byName.get(name)
    if (!c) throw new Error(`unknown controller ${name}`)
    return c
  }
}
