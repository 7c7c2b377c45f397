// A polling watch on the store's change log: every change after a revision, once each, oldest first.
// It reads the log only when SQLite says something was committed, so an idle watch costs two tiny queries.
import type {Backend, Change} from './backend.js'
import {readChanges} from './changes.js'
import {isStoreError} from './errors.js'

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
  store: Backend,
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

  // reads pages until caught up (see readChanges)
  const drain = (): void => {
    const at = readChanges<T>(store, cursor, {kind: opts.kind, limit}, (change) => {
      if (stopped) return false
      cursor = change.rev
      onChange(change)
    })
    if (!stopped) cursor = at
  }

  const poll = (): void => {
    timer = undefined
    if (stopped) return
    try {
      // read the stamp before the log: a commit after this read changes the stamp for the next poll
      const stamp = store.changeStamp()
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
