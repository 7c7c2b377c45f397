// Named store errors, recognised by their `code` rather than by instanceof (they cross module copies).
import fs from 'node:fs'
import path from 'node:path'

export type StoreErrorCode =
  | 'KeyExists'
  | 'NotFound'
  | 'Conflict'
  | 'Compacted'
  | 'Corrupt'
  | 'Locked'
  | 'NewerSchema'
  | 'Unreadable'

export class StoreError extends Error {
  override name = 'StoreError'
  constructor(
    readonly code: StoreErrorCode,
    message: string,
    readonly file?: string,
  ) {
    super(message)
  }
}

export function isStoreError(e: unknown, code?: StoreErrorCode): e is StoreError {
  return e instanceof Error && e.name === 'StoreError' && (code === undefined || (e as StoreError).code === code)
}

// SQLite reports extended codes (SQLITE_BUSY_SNAPSHOT, SQLITE_CORRUPT_VTAB, SQLITE_READONLY_DBMOVED, ...):
// match on the primary code they start with.
function hasPrimary(code: string, ...primaries: string[]): boolean {
  return primaries.some((p) => code === p || code.startsWith(`${p}_`))
}

/** Whether the file system holding `file` has no room left (SQLite reports that as "disk I/O error" at times). */
function diskFull(file: string): boolean {
  try {
    const s = fs.statfsSync(path.dirname(file))
    return s.bavail * s.bsize < 64 * 1024
  } catch {
    return false
  }
}

/** Turns SQLite failures into StoreErrors that name the file; other errors pass through unchanged. */
export function translateSqliteError(error: unknown, file: string): unknown {
  if (isStoreError(error)) return error
  const code = String((error as {code?: unknown} | null)?.code ?? '')
  const msg = (error as Error | null)?.message ?? String(error)
  if (hasPrimary(code, 'SQLITE_BUSY', 'SQLITE_LOCKED') || /database is locked/.test(msg)) {
    return new StoreError('Locked', `state file ${file} is locked by another process (${msg})`, file)
  }
  if (hasPrimary(code, 'SQLITE_NOTADB', 'SQLITE_CORRUPT') || /not a database|malformed/.test(msg)) {
    return new StoreError('Corrupt', `state file ${file} is corrupt or not a ksim state file (${msg})`, file)
  }
  if (hasPrimary(code, 'SQLITE_FULL') || (hasPrimary(code, 'SQLITE_IOERR') && diskFull(file))) {
    return new StoreError('Unreadable', `cannot write state file ${file}: no space left on device (${msg})`, file)
  }
  if (hasPrimary(code, 'SQLITE_CANTOPEN', 'SQLITE_PERM', 'SQLITE_READONLY', 'SQLITE_IOERR', 'SQLITE_AUTH')) {
    return new StoreError('Unreadable', `cannot use state file ${file} (${msg})`, file)
  }
  return error
}
