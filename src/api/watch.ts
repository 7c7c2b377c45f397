// Api.watch: the changes committed after a revision, read through the store's one change-log pager
// (store/changes.ts) and filtered by kind, namespace and name: what `wait`, `delete`, `rollout status`,
// `drain`, `get --watch` and a future server-side watch follow. Reading is pull-based: `next()` costs one cheap
// change-stamp read when nothing was written since the last call, by this process or another.
import type {Backend, Change} from '../store/backend.js'
import type {KObject} from './types.js'

import {readChanges} from '../store/changes.js'
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
  /** when compacted: the store's error, which says how far back the log still goes */
  compaction?: Error
}

const PAGE = 500

export class ChangeFeed {
  #cursor: number
  #stamp: string | undefined

  constructor(
    private readonly store: Backend,
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
    // the stamp is read before the log: a commit after it changes the stamp for the next call
    const stamp = this.store.changeStamp()
    if (stamp === this.#stamp) return {changes: [], compacted: false}
    this.#stamp = stamp
    const kinds = this.filter.kinds
    // one kind is filtered by the log's index; several (or none) are read whole and filtered here
    const kind = kinds?.length === 1 ? kinds[0] : undefined
    const changes: Change<KObject>[] = []
    try {
      this.#cursor = readChanges<KObject>(this.store, this.#cursor, {kind, limit: PAGE}, (c) => void (this.matches(c) && changes.push(c)))
    } catch (error) {
      if (!isStoreError(error, 'Compacted')) {
        this.#stamp = undefined // nothing was read (the position is unchanged): the next call reads again
        throw error
      }
      this.#cursor = this.store.revision()
      return {changes, compacted: true, compaction: error as Error}
    }
    return {changes, compacted: false}
  }

  private matches(c: Change<KObject>): boolean {
    const f = this.filter
    return (!f.kinds || f.kinds.includes(c.kind)) && (f.namespace === undefined || c.namespace === f.namespace) && (f.name === undefined || c.name === f.name)
  }
}
