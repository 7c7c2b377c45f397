// A polling watch on the store's change log: every change after a revision, once each, oldest first.
// It reads the log only when SQLite says something was committed, so an idle watch costs two tiny queries.
import {isStoreError} from './errors.js'
import type {Change, Store} from './sqlite-store.js'

// How a watch polls, what it filters, and where it reports the error that ends it.
export interface WatchOptions {
  /** pause between polls in milliseconds; default 100 */
  intervalMs?: number
  /** only changes of this kind */
  kind?: string
  /** changes read per query; a poll keeps reading until it has caught up; default 500 */
  limit?: number
  /**
   * Called once when the watch ends by itself: StoreError 'Compacted' when `fromRevision` (or the
   * watch's position) fell out of the change log — list again and start a new watch — or whatever
   * `onChange` or the store threw. Without it the error is thrown from the timer (uncaught).
   */
  onError?: (error: unknown) => void
}

/** Stops a watch; no onChange call happens after it returns. Calling it again does nothing. */
export type StopWatch = () => void

/**
 * Delivers every change with a revision above `fromRevision` to `onChange`, in revision order, exactly
 * once, until stopped. The first poll runs on the next tick, never before this returns.
 */
export function watchChanges<T = unknown>(
  store: Store,
  fromRevision: number,
  onChange: (change: Change<T>) => void,
  opts: WatchOptions = {},
): StopWatch {
  const intervalMs = opts.intervalMs ?? 100
  const limit = opts.limit ?? 500
  let cursor = fromRevision
  let stopped = false
  let seen: string | undefined
  let timer: NodeJS.Timeout | undefined

  // reads pages until caught up; moves the cursor past changes of other kinds too, so a kind watch
  // is not reported Compacted for changes it never wanted
  const drain = (): void => {
    for (;;) {
      const {revision, changes} = store.snapshot(() => ({
        revision: store.revision(),
        changes: store.changesSince<T>(cursor, {kind: opts.kind, limit}),
      }))
      for (const change of changes) {
        if (stopped) return
        cursor = change.rev
        onChange(change)
      }
      if (changes.length < limit) {
        if (!stopped && revision > cursor) cursor = revision
        return
      }
    }
  }

  const poll = (): void => {
    timer = undefined
    if (stopped) return
    try {
      // read the stamp before the log: a commit after this read changes the stamp for the next poll
      const stamp = `${store.dataVersion()}:${store.localWrites()}`
      if (stamp !== seen) {
        seen = stamp
        drain()
      }
    } catch (error) {
      if (isStoreError(error, 'Locked')) {
        seen = undefined // a writer held us off; try again next time
      } else {
        stopped = true
        if (opts.onError) opts.onError(error)
        else throw error
        return
      }
    }
    if (!stopped) timer = setTimeout(poll, intervalMs)
  }

  timer = setTimeout(poll, 0)
  return () => {
    stopped = true
    if (timer !== undefined) clearTimeout(timer)
    timer = undefined
  }
}
