// The one wait of the CLI: `delete` (until gone), `wait`, `rollout status` and `drain` all re-check
// their condition here, as kubectl reuses `wait` for delete. It checks once at the start, then again
// whenever Api.watch reports a change to the kinds it follows (written by this process or by the
// reconciler), until every target meets its condition or the time runs out. The store offers no
// in-process notification of another process's commit, so the wake-up is one short poll of the
// store's revision (one cheap query) at one interval.
import type {Api} from '../../api/server.js'

/** Time as the wait sees it: real by default, fake in tests. */
export interface WaitClock {
  /** milliseconds, monotonic */
  now(): number
  sleep(ms: number): Promise<void>
}

export const realClock: WaitClock = {
  now: () => performance.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
}

/** How often the wait looks at the store's revision. */
export const WAKE_INTERVAL_MS = 20

export interface WaitOptions {
  /** milliseconds; Infinity waits without a limit, 0 checks once */
  timeoutMs: number
  /** the kinds whose changes can change the condition (all kinds when left out) */
  kinds?: readonly string[]
  clock?: WaitClock
  /** the condition reads the clock too: check it on every wake-up, not only after a change */
  everyWake?: boolean
}

/**
 * Waits until `condition` holds for every target (each target is checked until it holds, then no
 * more). Resolves with the targets that still did not meet it when the time ran out (empty on
 * success). An error thrown by `condition` ends the wait.
 */
export async function waitUntil<T>(api: Api, targets: readonly T[], condition: (target: T) => boolean, opts: WaitOptions): Promise<T[]> {
  const clock = opts.clock ?? realClock
  const deadline = clock.now() + opts.timeoutMs
  // the position is taken before the first check, so no change after it goes unseen
  const feed = api.watch(api.revision(), {kinds: opts.kinds})
  let pending = [...targets]
  let changed = true
  for (;;) {
    if (changed) pending = pending.filter((t) => !condition(t))
    if (pending.length === 0) return []
    const left = deadline - clock.now()
    if (left <= 0) return pending
    await clock.sleep(Math.max(1, Math.min(WAKE_INTERVAL_MS, left)))
    const batch = feed.next()
    changed = batch.compacted || batch.changes.length > 0 || opts.everyWake === true
  }
}
