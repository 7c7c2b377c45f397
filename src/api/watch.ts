// Api.watch: the changes committed after a revision, read from the store's change log page by page
// and filtered by kind, namespace and name (what `wait`, `delete`, `rollout status`, `drain` and a
// future server-side watch follow). Reading is pull-based: `next()` costs one cheap revision query
// when nothing was committed since the last call, by this process or another.
import type {Change, Store} from '../store/sqlite-store.js'
import type {KObject} from './types.js'

import {isStoreError} from '../store/errors.js'

/** Which changes a watch reports; every field left out matches all. */
export interface WatchFilter {
  kinds?: readonly string[]
  namespace?: string
  name?: string
}

/** What one read of a watch found. */
export interface WatchBatch {
  /** the matching changes, oldest first */
  changes: Change<KObject>[]
  /** the log no longer held every change after the watch's position: the reader must list again */
  compacted: boolean
}

const PAGE = 500

export class ChangeFeed {
  #cursor: number

  constructor(
    private readonly store: Store,
    fromRevision: number,
    private readonly filter: WatchFilter = {},
  ) {
    this.#cursor = fromRevision
  }

  /** The revision the watch has read up to. */
  get revision(): number {
    return this.#cursor
  }

  /** The changes committed since the last read (or the starting revision). */
  next(): WatchBatch {
    const latest = this.store.revision()
    if (latest <= this.#cursor) return {changes: [], compacted: false}
    const kinds = this.filter.kinds
    // one kind is filtered by the log's index; several (or none) are read whole and filtered here
    const kind = kinds?.length === 1 ? kinds[0] : undefined
    const changes: Change<KObject>[] = []
    try {
      for (;;) {
        const page = this.store.changesSince<KObject>(this.#cursor, {kind, limit: PAGE})
        for (const c of page) {
          this.#cursor = c.rev
          if (this.matches(c)) changes.push(c)
        }
        if (page.length < PAGE) break
      }
    } catch (error) {
      if (!isStoreError(error, 'Compacted')) throw error
      this.#cursor = latest
      return {changes, compacted: true}
    }
    // changes of other kinds move the position too, so a later read never starts below compaction for them
    if (latest > this.#cursor) this.#cursor = latest
    return {changes, compacted: false}
  }

  private matches(c: Change<KObject>): boolean {
    const f = this.filter
    return (!f.kinds || f.kinds.includes(c.kind)) && (f.namespace === undefined || c.namespace === f.namespace) && (f.name === undefined || c.name === f.name)
  }
}
