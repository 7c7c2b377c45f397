// Where the rest of ksim gets a store: the SQLite backend today. Callers hold the Backend interface,
// so another backend would be chosen here and nowhere else.
import type {Backend} from './backend.js'
import {Store, type StoreOptions} from './sqlite-store.js'

export type {StoreOptions} from './sqlite-store.js'

/** Opens (creating if needed, unless told otherwise) the store in `file`; see Store.open. */
export function openStore(file: string, opts: StoreOptions = {}): Backend {
  return Store.open(file, opts)
}

/** A read-only in-memory copy of the store in `file`, for a user who cannot write its folder; see Store.openSnapshot. */
export function openStoreCopy(file: string): Backend {
  return Store.openSnapshot(file)
}
