// Opening a state file with SQLite: the checks that refuse a file before anything is written to it (a
// link, a newer schema, something not SQLite), the connection's settings (WAL, busy timeout, page
// size), and the in-memory read-only copy for a user who cannot write the state folder.
import Database from 'better-sqlite3'
import fs from 'node:fs'
import path from 'node:path'

import {StoreError, translateSqliteError} from './errors.js'
import {SCHEMA_VERSION, migrate, readSchemaVersion, useWal} from './schema.js'

export interface StoreOptions {
  /** milliseconds to wait for another process's write lock; default 10 s */
  busyTimeoutMs?: number
  /** open read-only: never create the file, never write */
  readonly?: boolean
  /** fail instead of creating a missing file */
  mustExist?: boolean
  /** the most SQLite keeps of the file in memory, KiB; default better-sqlite3's 16 MiB */
  cacheKiB?: number
  /**
   * the most this connection waits for other writers in all, over every write it makes (a command's
   * budget, not each object's): once a write has given up, the next ones try once and fail at once
   */
  writeWaitBudgetMs?: number
}

/** The page size of new state files. */
const PAGE_SIZE = 16_384

/** Runs `fn`, turning SQLite's errors into StoreErrors that name `file`. */
export function guarded<R>(file: string, fn: () => R): R {
  try {
    return fn()
  } catch (error) {
    throw translateSqliteError(error, file)
  }
}

// creates a missing state file empty, owner-only, never through a link
function createStateFile(file: string, opts: StoreOptions): void {
  // a link at the state file could point anywhere: SQLite would follow it, so it is refused here
  const exists = fs.existsSync(file)
  if (fs.lstatSync(file, {throwIfNoEntry: false})?.isSymbolicLink()) {
    throw new StoreError('Unreadable', `refusing to use state file ${file}: it is a symbolic link`, file)
  }
  if (!exists && (opts.readonly || opts.mustExist)) {
    throw new StoreError('NotFound', `state file ${file} does not exist`, file)
  }
  if (exists) return
  fs.mkdirSync(path.dirname(file), {recursive: true, mode: 0o700})
  // create it empty with owner-only permissions before SQLite touches it
  // O_EXCL: never through a dangling link; a file another process created meanwhile is fine
  const {O_CREAT, O_EXCL, O_NOFOLLOW, O_WRONLY} = fs.constants
  try {
    fs.closeSync(fs.openSync(file, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW, 0o600))
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST' || !fs.lstatSync(file).isFile()) {
      throw new StoreError('Unreadable', `refusing to use state file ${file}: ${(error as Error).message}`, file)
    }
  }
}

function newerSchema(file: string, version: number): StoreError {
  return new StoreError(
    'NewerSchema',
    `state file ${file} was written by a newer ksim (schema version ${version}; this ksim understands up to ${SCHEMA_VERSION}); upgrade ksim to use it`,
    file,
  )
}

/**
 * Opens (creating if needed) the SQLite database in `file`, set up for the store; returns it with its
 * busy timeout. Errors name the file and never reset it: a file that is newer, foreign or not SQLite is
 * refused before anything is written to it.
 */
export function openDatabase(file: string, opts: StoreOptions): {db: Database.Database; busyMs: number} {
  createStateFile(file, opts)
  let db: Database.Database
  try {
    db = new Database(file, {readonly: Boolean(opts.readonly), fileMustExist: true})
  } catch (error) {
    throw translateSqliteError(error, file)
  }
  try {
    const busyTimeoutMs = opts.busyTimeoutMs ?? 10_000
    db.pragma(`busy_timeout = ${busyTimeoutMs}`)
    // read the version before any write (switching to WAL rewrites the header)
    const version = readSchemaVersion(db, file)
    if (version !== undefined && version > SCHEMA_VERSION) throw newerSchema(file, version)
    if (version === undefined && opts.readonly) {
      throw new StoreError('NotFound', `state file ${file} has not been initialised`, file)
    }
    if (!opts.readonly) {
      // a new file gets 16 KiB pages: a 2-3 KB JSON document then fits in one page with no overflow
      // page, which makes each write and read about twice as cheap; it only takes effect before
      // the file's first write, so an existing file keeps its size
      if (version === undefined) db.pragma(`page_size = ${PAGE_SIZE}`)
      useWal(db, busyTimeoutMs)
      db.pragma('synchronous = NORMAL')
      if (opts.cacheKiB !== undefined) db.pragma(`cache_size = -${Math.max(0, Math.floor(opts.cacheKiB))}`)
      if (version === undefined) migrate(db, false, file)
    }
    return {db, busyMs: busyTimeoutMs}
  } catch (error) {
    db.close()
    throw translateSqliteError(error, file)
  }
}

/**
 * A read-only copy of the database in `file` as it is on disk, in memory: for a user who may read the
 * file but not write its folder, where SQLite cannot make the shared-memory file a WAL database needs.
 */
export function openSnapshotDatabase(file: string): Database.Database {
  let bytes: Buffer
  try {
    const fd = fs.openSync(file, fs.constants.O_RDONLY | fs.constants.O_NOFOLLOW)
    try {
      bytes = fs.readFileSync(fd)
    } finally {
      fs.closeSync(fd)
    }
  } catch (error) {
    throw new StoreError('Unreadable', `cannot use state file ${file} (${(error as Error).message})`, file)
  }
  // a WAL database's header (read/write versions 2) becomes a rollback one: memory has no WAL
  if (bytes.length >= 20 && bytes[18] === 2 && bytes[19] === 2) bytes[18] = bytes[19] = 1
  let db: Database.Database
  try {
    db = new Database(bytes, {readonly: true})
  } catch (error) {
    throw translateSqliteError(error, file)
  }
  try {
    const version = readSchemaVersion(db, file)
    if (version === undefined) throw new StoreError('NotFound', `state file ${file} has not been initialised`, file)
    if (version > SCHEMA_VERSION) throw newerSchema(file, version)
    return db
  } catch (error) {
    db.close()
    throw translateSqliteError(error, file)
  }
}
