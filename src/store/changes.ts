// The one reader of the change log: every change after a revision, page by page, oldest first. The
// API's watch (api/watch.ts), the reconciler's cache and anything else that follows the log read through here,
// so the paging, the resume revision and the compacted case are the same for all of them.
import type {Backend, Change, ChangesOptions} from './backend.js'

/**
 * Hands every change after revision `after` to `onChange`, in revision order, each page read in one
 * snapshot, and returns the revision the reader has caught up to: the store's revision when the log is
 * exhausted (past changes of other kinds too), or, when `onChange` returned false to refuse a change
 * and stop, the revision of the last change it took. Throws StoreError 'Compacted' (see isStoreError) when the
 * log no longer holds every change after `after`: list again and read on from the list's revision.
 */
export function readChanges<T = unknown>(
  store: Backend,
  after: number,
  opts: ChangesOptions,
  onChange: (change: Change<T>) => boolean | void,
): number {
  let cursor = after
  for (;;) {
    const page = store.changes<T>(cursor, opts)
    for (const change of page.changes) {
      if (onChange(change) === false) return cursor
      cursor = change.rev
    }
    cursor = Math.max(cursor, page.next)
    if (!page.more) return cursor
  }
}
