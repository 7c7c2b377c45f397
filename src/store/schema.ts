// The store's on-disk schema and its version. A file of a newer version is refused by the caller.
import type Database from 'better-sqlite3'

import {StoreError} from './errors.js'

export const SCHEMA_VERSION = 1

const V1 = `
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS objects (
  kind TEXT NOT NULL,
  namespace TEXT NOT NULL,
  name TEXT NOT NULL,
  rev INTEGER NOT NULL,
  create_rev INTEGER NOT NULL,
  data TEXT NOT NULL,
  PRIMARY KEY (kind, namespace, name)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS changes (
  rev INTEGER PRIMARY KEY,
  type TEXT NOT NULL,
  kind TEXT NOT NULL,
  namespace TEXT NOT NULL,
  name TEXT NOT NULL,
  create_rev INTEGER NOT NULL,
  data TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS changes_kind_rev ON changes (kind, rev);
`

/**
 * Reads a file's schema version without writing anything: undefined for an empty (never initialised)
 * file. Throws Corrupt for a SQLite file that is not ours (other tables, or no usable version), so the
 * caller never adds our tables to somebody else's database.
 */
export function readSchemaVersion(db: Database.Database, file: string): number | undefined {
  const tables = db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table'`).pluck().all() as string[]
  if (tables.length === 0) return undefined
  const row = tables.includes('meta')
    ? (db.prepare(`SELECT value FROM meta WHERE key = 'schema_version'`).get() as {value: unknown} | undefined)
    : undefined
  const version = row === undefined ? Number.NaN : Number(row.value)
  if (!Number.isInteger(version) || version < 1) {
    const found = row === undefined ? `tables ${tables.sort().join(', ')} and no schema version` : `schema version ${JSON.stringify(row.value)}`
    throw new StoreError('Corrupt', `state file ${file} is not a ksim state file (it holds ${found})`, file)
  }
  return version
}

/**
 * Creates the schema in an empty file and returns the file's schema version. Never touches a file
 * whose version is newer than ours (the caller refuses it). Safe when several processes initialise the
 * same new file at once: the write is one IMMEDIATE transaction and every statement is idempotent.
 */
export function migrate(db: Database.Database, readonly: boolean, file = db.name): number {
  const found = readSchemaVersion(db, file)
  if (found !== undefined) return found
  if (readonly) return SCHEMA_VERSION
  db.transaction(() => {
    db.exec(V1)
    db.prepare(`INSERT OR IGNORE INTO meta(key, value) VALUES ('schema_version', ?)`).run(String(SCHEMA_VERSION))
    db.prepare(`INSERT OR IGNORE INTO meta(key, value) VALUES ('revision', '0')`).run()
    db.prepare(`INSERT OR IGNORE INTO meta(key, value) VALUES ('compacted', '0')`).run()
  }).immediate()
  return SCHEMA_VERSION
}

const pause = new Int32Array(new SharedArrayBuffer(4))

/**
 * Switches the file to WAL (a no-op when it already is). SQLite answers SQLITE_BUSY at once, without
 * waiting on the busy timeout, when another connection holds a lock during the switch — as happens
 * when several processes open a new file together — so retry here until the timeout runs out.
 */
export function useWal(db: Database.Database, busyTimeoutMs: number): void {
  // the clock starts at the first SQLITE_BUSY: the first read of \`performance\` costs every command 0.5 ms
  let deadline: number | undefined
  for (let wait = 1; ; wait = Math.min(wait * 2, 50)) {
    try {
      if (db.pragma('journal_mode', {simple: true}) !== 'wal') db.pragma('journal_mode = WAL')
      return
    } catch (error) {
      const code = String((error as {code?: unknown}).code ?? '')
      deadline ??= performance.now() + busyTimeoutMs
      if (!code.startsWith('SQLITE_BUSY') || performance.now() >= deadline) throw error
      Atomics.wait(pause, 0, 0, wait)
    }
  }
}
