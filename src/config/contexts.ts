// The user's contexts, like a kubeconfig: clusters, the current context, a namespace per context.
// Kept in KSIM_HOME/config.json. Every change runs under a lock (config.json.lock) and is one atomic
// write (a temporary file, fsync, rename), so concurrent commands never lose each other's changes.
// Context names are the user's: they live in a Map, never as keys of a plain object (`__proto__`,
// `constructor` and `toString` are ordinary names here).
import fs from 'node:fs'
import path from 'node:path'

import {withFileLock, withFileLockUnless} from './file-lock.js'
import {checkedHome} from './private-dir.js'
import {ksimHome} from './paths.js'

export interface ContextEntry {
  /** '' when the context names no cluster yet (kubectl's `config set-context x --namespace=y` makes one so). */
  cluster: string
  namespace?: string
  /** the kubeconfig user (AUTHINFO) the context names, when one was given */
  user?: string
}

export interface KsimConfig {
  currentContext?: string
  contexts: Map<string, ContextEntry>
}

/** The file the config is kept in. */
export function configFile(): string {
  return path.join(ksimHome(), 'config.json')
}

function lockFile(): string {
  return `${configFile()}.lock`
}

function badConfig(detail: string): Error {
  return new Error(`ksim config ${configFile()} is not valid (${detail}); fix or remove it`)
}

/** Parses config.json's text, checking its shape (the file is the user's to edit). */
export function parseConfig(raw: string): KsimConfig {
  let data: unknown
  try {
    data = raw.trim() === '' ? {} : JSON.parse(raw)
  } catch (error) {
    throw new Error(`ksim config ${configFile()} is not valid JSON (${(error as Error).message}); fix or remove it`)
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) throw badConfig('not a JSON object')
  const {currentContext, contexts = {}} = data as {currentContext?: unknown; contexts?: unknown}
  if (currentContext !== undefined && typeof currentContext !== 'string') throw badConfig('currentContext is not a string')
  if (typeof contexts !== 'object' || contexts === null || Array.isArray(contexts)) throw badConfig('contexts is not an object')
  const map = new Map<string, ContextEntry>()
  for (const [name, entry] of Object.entries(contexts)) {
    const e = entry as {cluster?: unknown; namespace?: unknown; user?: unknown} | null
    if (typeof e !== 'object' || e === null || typeof e.cluster !== 'string') throw badConfig(`context ${JSON.stringify(name)} has no cluster`)
    if (e.namespace !== undefined && typeof e.namespace !== 'string') throw badConfig(`context ${JSON.stringify(name)} has a namespace that is not a string`)
    if (e.user !== undefined && typeof e.user !== 'string') throw badConfig(`context ${JSON.stringify(name)} has a user that is not a string`)
    const parsed: ContextEntry = {cluster: e.cluster}
    if (e.namespace !== undefined) parsed.namespace = e.namespace
    if (e.user !== undefined) parsed.user = e.user
    map.set(name, parsed)
  }
  return {currentContext: currentContext === '' ? undefined : currentContext, contexts: map}
}

/** config.json's text for `cfg` (contexts in name order, as the file has always been written). */
export function serialiseConfig(cfg: KsimConfig): string {
  const contexts = Object.fromEntries([...cfg.contexts].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
  const data = cfg.currentContext === undefined ? {contexts} : {contexts, currentContext: cfg.currentContext}
  return `${JSON.stringify(data, undefined, '\t')}\n`
}

/** Reads the whole config (a snapshot; change it with `updateConfig`). */
export function readConfig(): KsimConfig {
  let raw: string
  try {
    raw = fs.readFileSync(configFile(), 'utf8')
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return {contexts: new Map()}
    throw new Error(`cannot read ksim config ${configFile()}: ${(error as Error).message}`)
  }
  return parseConfig(raw)
}

/** Writes `text` to `file` atomically: a temporary file beside it, fsync-ed, renamed over it. */
export function writeFileAtomic(file: string, text: string): void {
  const tmp = `${file}.tmp-${process.pid}`
  fs.rmSync(tmp, {force: true})
  const fd = fs.openSync(tmp, fs.constants.O_WRONLY | fs.constants.O_CREAT | fs.constants.O_EXCL | fs.constants.O_NOFOLLOW, 0o600)
  try {
    fs.writeFileSync(fd, text)
    fs.fsyncSync(fd)
  } catch (error) {
    fs.closeSync(fd)
    fs.rmSync(tmp, {force: true})
    throw error
  }
  fs.closeSync(fd)
  try {
    fs.renameSync(tmp, file)
  } catch (error) {
    fs.rmSync(tmp, {force: true})
    throw error
  }
  // the rename itself reaches the disk with the folder
  try {
    const dir = fs.openSync(path.dirname(file), 'r')
    try {
      fs.fsyncSync(dir)
    } finally {
      fs.closeSync(dir)
    }
  } catch {
    // some file systems cannot fsync a folder
  }
}

/** Runs `fn` holding the config lock: nothing else changes the config (or creates the first cluster) meanwhile. */
export function withConfigLock<T>(fn: () => T): T {
  const home = checkedHome()
  fs.mkdirSync(home, {recursive: true, mode: 0o700})
  return withFileLock(lockFile(), fn, {what: `ksim config ${configFile()}`})
}

/**
 * Runs `fn` under the config lock unless, while waiting for it, `done()` turns true (another process
 * did what `fn` would do); undefined then.
 */
export function withConfigLockUnless<T>(fn: () => T, done: () => boolean): {value: T} | undefined {
  const home = checkedHome()
  fs.mkdirSync(home, {recursive: true, mode: 0o700})
  return withFileLockUnless(lockFile(), fn, done, {what: `ksim config ${configFile()}`})
}

/** Applies `change` to the config under the lock and saves it in one atomic write. */
export async function updateConfig(change: (cfg: KsimConfig) => void): Promise<KsimConfig> {
  return updateConfigSync(change)
}

export function updateConfigSync(change: (cfg: KsimConfig) => void): KsimConfig {
  return withConfigLock(() => {
    const cfg = readConfig()
    change(cfg)
    writeFileAtomic(configFile(), serialiseConfig(cfg))
    return cfg
  })
}
