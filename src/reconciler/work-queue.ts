// Which controllers are due, and when the next one will be: pure bookkeeping with the time passed in,
// so the runner's scheduling (changes, requeue timers, back-off after failures) is tested without waiting.
import type {ReconcileResult} from '../controllers/types.js'

/** First retry after a failure; each further failure doubles it, up to BACKOFF_MAX_MS. */
export const BACKOFF_BASE_MS = 100
export const BACKOFF_MAX_MS = 10_000

/** The wait before retrying a controller that has failed `failures` times in a row (1 → 100 ms). */
export function backoffMs(failures: number): number {
  if (failures <= 0) return 0
  return Math.min(BACKOFF_MAX_MS, BACKOFF_BASE_MS * 2 ** Math.min(failures - 1, 20))
}

interface Entry {
  name: string
  watches: ReadonlySet<string>
  /** something it watches changed since its last successful pass */
  dirty: boolean
  /** when its requested requeue falls due */
  timerAt?: number
  /** the requeue is routine upkeep that does not count as pending work */
  background: boolean
  failures: number
  /** not before this time (back-off after a failure) */
  retryAt?: number
}

/** The state of every controller: dirty, timed, backing off. Times are milliseconds on one clock. */
export class WorkQueue {
  readonly #entries: Entry[]

  constructor(controllers: readonly {name: string; watches: readonly string[]}[]) {
    this.#entries = controllers.map((c) => ({name: c.name, watches: new Set(c.watches), dirty: true, background: false, failures: 0}))
  }

  /** Marks every controller that watches one of `kinds` as needing a pass. */
  markChanged(kinds: Iterable<string>): void {
    for (const kind of kinds) for (const e of this.#entries) if (e.watches.has(kind)) e.dirty = true
  }

  /** Marks every controller as needing a pass (start-up, relist). */
  markAll(): void {
    for (const e of this.#entries) e.dirty = true
  }

  /** Names of the controllers due at `now`, in the order they were given. */
  due(now: number): string[] {
    return this.#entries.filter((e) => this.isDue(e, now)).map((e) => e.name)
  }

  /** A pass succeeded: its result's requeue replaces any earlier timer; back-off is forgotten. */
  succeeded(name: string, now: number, result: ReconcileResult | undefined): void {
    const e = this.entry(name)
    e.dirty = false
    e.failures = 0
    e.retryAt = undefined
    const after = result?.requeueAfterMs
    e.timerAt = after === undefined || !Number.isFinite(after) ? undefined : now + Math.max(0, after)
    e.background = Boolean(result?.background)
  }

  /** A pass threw: retry after the back-off; returns the wait in milliseconds. */
  failed(name: string, now: number): number {
    const e = this.entry(name)
    e.failures++
    e.dirty = true
    const wait = backoffMs(e.failures)
    e.retryAt = now + wait
    return wait
  }

  /** How many times in a row `name` has failed. */
  failures(name: string): number {
    return this.entry(name).failures
  }

  /** The earliest time a controller that is not due now becomes due (undefined: none will by itself). */
  nextDue(now: number): number | undefined {
    let next: number | undefined
    for (const e of this.#entries) {
      let at: number | undefined
      if (e.dirty) at = Math.max(now, e.retryAt ?? now)
      else if (e.timerAt !== undefined) at = Math.max(e.timerAt, e.retryAt ?? e.timerAt)
      if (at !== undefined && (next === undefined || at < next)) next = at
    }
    return next
  }

  /**
   * Whether work is pending: a controller is due or failing, or asked to run again for a reason other
   * than routine upkeep. An idle reconciler has none.
   */
  pending(): boolean {
    return this.#entries.some((e) => e.dirty || e.failures > 0 || (e.timerAt !== undefined && !e.background))
  }

  private isDue(e: Entry, now: number): boolean {
    if (e.retryAt !== undefined && e.retryAt > now) return false
    return e.dirty || (e.timerAt !== undefined && e.timerAt <= now)
  }

  private entry(name: string): Entry {
    const e = this.#entries.find((x) => x.name === name)
    if (!e) throw new Error(`unknown controller ${name}`)
    return e
  }
}
