// Test helper: a fresh temp directory per test, stores opened in it closed and the directory removed after.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {fileURLToPath} from 'node:url'

import {isStoreError, type StoreErrorCode} from '../../src/store/errors.js'
import {Store, type StoreOptions} from '../../src/store/sqlite-store.js'

// What a test of the store needs from its private temp directory.
export interface TempStores {
  /** the current test's directory */
  readonly dir: string
  /** a path inside the current test's directory */
  file(name?: string): string
  /** opens a store in the current test's directory; closed after the test */
  open(name?: string, opts?: StoreOptions): Store
}

/** Registers mocha hooks giving each test of the enclosing describe its own temp directory. */
export function useTempStores(): TempStores {
  let dir = ''
  let stores: Store[] = []
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ksim-store-test-'))
  })
  afterEach(() => {
    for (const s of stores) s.close()
    stores = []
    fs.rmSync(dir, {recursive: true, force: true})
  })
  return {
    get dir() {
      return dir
    },
    file: (name = 'state.db') => path.join(dir, name),
    open(name = 'state.db', opts?: StoreOptions) {
      const s = Store.open(path.join(dir, name), opts)
      stores.push(s)
      return s
    },
  }
}

/** Runs `fn`, expecting a StoreError with `code`; returns it for further assertions. */
export function storeError(code: StoreErrorCode, fn: () => unknown): Error & {code: string; file?: string} {
  try {
    fn()
  } catch (error) {
    if (isStoreError(error, code)) return error
    throw new Error(`expected StoreError ${code}, got ${String(error)}`, {cause: error})
  }
  throw new Error(`expected StoreError ${code}, got no error`)
}

/** The repository root, found from this compiled file (dist/test/store/temp-store.js). */
export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..')

/** A script in test/store/fixtures (plain ESM, not compiled). */
export const fixture = (name: string): string => path.join(repoRoot, 'test', 'store', 'fixtures', name)

/** The compiled store module that child processes import. */
export const compiledStore = path.join(repoRoot, 'dist', 'src', 'store', 'sqlite-store.js')
