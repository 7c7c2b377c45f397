// Live values for completion: contexts and clusters from KSIM_HOME, namespaces and object names read
// straight from a cluster's state file, opened read-only. Every failure (no config, no state file, a
// locked or corrupt one) yields no values: completion never prints an error into a terminal.
//
// The completion fast path is CommonJS and imports no ES module of ours (each costs Node more to load,
// on every TAB; its one import beyond this folder is CommonJS too, machinery/resource-names.cts), so it repeats three facts from src/config: KSIM_HOME (default
// ~/.ksim), the contexts in KSIM_HOME/kubeconfig (or $KUBECONFIG's files; config.json before it is migrated), and state in KSIM_HOME/clusters/<cluster>/state.db.
// test/cli/complete/live.test.ts checks they agree.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

/** contexts.ts's KsimConfig. */
interface KsimConfig {
  currentContext?: string
  contexts: Record<string, {cluster: string; namespace?: string}>
}

/** The cluster used when the user has no contexts at all (clusters.ts's DEFAULT_CLUSTER). */
const DEFAULT_CLUSTER = 'ksim'

/** How long a TAB waits for a state file another process holds locked. */
const BUSY_TIMEOUT_MS = 250

/** paths.ts's ksimHome(). */
export function home(): string {
  const env = process.env.KSIM_HOME
  return env && env.length > 0 ? path.resolve(env) : path.join(os.homedir(), '.ksim')
}

/** paths.ts's stateFile(). */
export function stateFile(cluster: string): string {
  return path.join(home(), 'clusters', cluster, 'state.db')
}

interface Named {
  name?: unknown
  context?: {cluster?: unknown; namespace?: unknown}
  cluster?: {server?: unknown}
}

/** kubeconfig-files.ts's loadingPrecedence() (without --kubeconfig, which completion does not see). */
function kubeconfigFiles(): string[] {
  const env = (process.env.KUBECONFIG ?? '').split(path.delimiter).filter((f) => f !== '')
  return env.length > 0 ? env.map((f) => path.resolve(f)) : [path.join(home(), 'kubeconfig')]
}

/** The merged contexts of the kubeconfig files (first file wins), each with the ksim cluster it names (contexts.ts's ksimClusterOf). */
function readKubeconfigs(files: string[]): KsimConfig {
  const yaml = require('js-yaml') as {load(text: string): unknown}
  const cfg: KsimConfig = {contexts: {}}
  const servers = new Map<string, string>()
  const contexts = new Map<string, {cluster: string; namespace?: string}>()
  for (const file of files) {
    let data: {['current-context']?: unknown; contexts?: unknown; clusters?: unknown} | undefined
    try {
      data = yaml.load(fs.readFileSync(file, 'utf8')) as typeof data
    } catch {
      continue
    }
    if (!cfg.currentContext && typeof data?.['current-context'] === 'string' && data['current-context'] !== '') cfg.currentContext = data['current-context']
    for (const c of Array.isArray(data?.clusters) ? (data.clusters as Named[]) : []) {
      if (typeof c?.name === 'string' && !servers.has(c.name)) servers.set(c.name, typeof c.cluster?.server === 'string' ? c.cluster.server : '')
    }
    for (const c of Array.isArray(data?.contexts) ? (data.contexts as Named[]) : []) {
      if (typeof c?.name !== 'string' || contexts.has(c.name)) continue
      const namespace = typeof c.context?.namespace === 'string' && c.context.namespace !== '' ? c.context.namespace : undefined
      contexts.set(c.name, {cluster: typeof c.context?.cluster === 'string' ? c.context.cluster : '', ...(namespace ? {namespace} : {})})
    }
  }
  for (const [name, c] of contexts) {
    const server = servers.get(c.cluster)
    // a cluster entry whose server is not ksim's names no ksim cluster
    const cluster = server === undefined ? c.cluster : server.startsWith('ksim://') ? server.slice('ksim://'.length) : ''
    cfg.contexts[name] = {...c, cluster}
  }
  return cfg
}

/** contexts.ts's readConfig() (with legacy-config.ts's config.json before it is migrated), every failure an empty config. */
export function readConfig(): KsimConfig {
  const files = kubeconfigFiles()
  if (files.some((f) => fs.existsSync(f)) || process.env.KUBECONFIG) return readKubeconfigs(files)
  try {
    const data = JSON.parse(fs.readFileSync(path.join(home(), 'config.json'), 'utf8')) as Partial<KsimConfig>
    return {currentContext: data.currentContext, contexts: data.contexts ?? {}}
  } catch {
    return {contexts: {}}
  }
}

/** Context names, sorted. */
export function contextNames(): string[] {
  return Object.keys(readConfig().contexts).sort()
}

/** Cluster names (folders holding a state file), sorted. */
export function clusterNames(): string[] {
  try {
    return fs
      .readdirSync(path.join(home(), 'clusters'))
      .filter((n) => fs.existsSync(stateFile(n)))
      .sort()
  } catch {
    return []
  }
}

/** The cluster and default namespace that --context (or the current context) selects. */
export function selectTarget(context: string | undefined): {cluster: string; namespace: string} | undefined {
  const cfg = readConfig()
  if (context === undefined && Object.keys(cfg.contexts).length === 0) return {cluster: DEFAULT_CLUSTER, namespace: 'default'}
  const name = context ?? cfg.currentContext ?? ''
  // context names are the user's: `constructor` or `__proto__` must not find Object.prototype's members
  const entry = Object.hasOwn(cfg.contexts, name) ? cfg.contexts[name] : undefined
  // paths.ts's cluster name rule: a context naming `../x` reads nothing outside KSIM_HOME
  const valid = typeof entry?.cluster === 'string' && entry.cluster.length <= 40 && /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/.test(entry.cluster)
  return entry && valid ? {cluster: entry.cluster, namespace: entry.namespace || 'default'} : undefined
}

interface Statement {
  pluck(): Statement
  all(...params: unknown[]): unknown[]
}
interface Database {
  prepare(sql: string, owner?: unknown, internal?: boolean): Statement
  close(): void
}
interface Addon {
  isInitialized?: boolean
  setErrorConstructor(ctor: unknown): void
  Database: new (file: string, given: string, anonymous: boolean, readonly: boolean, mustExist: boolean, timeout: number, verbose: null, buffer: null) => Database
}
type DatabaseClass = new (file: string, opts: {readonly: boolean; fileMustExist: boolean; timeout: number}) => Database

/**
 * Opens a SQLite file read-only. better-sqlite3's JavaScript wrapper costs ~5 ms to load (a third of
 * the time a TAB may take), so for the 12.x release this was written against the native binding is
 * used directly, the way the wrapper's own constructor calls it; any other release goes through the
 * public API.
 */
function openReadOnly(file: string): Database {
  const dir = packageDir('better-sqlite3')
  const version = dir ? (JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')) as {version: string}).version : ''
  if (dir && version.startsWith('12.')) {
    const addon = require(path.join(dir, 'build', 'Release', 'better_sqlite3.node')) as Addon
    // the wrapper sets its own error class when it loads (and then marks the binding initialised)
    if (!addon.isInitialized) addon.setErrorConstructor(Error)
    return new addon.Database(file, file, false, true, true, BUSY_TIMEOUT_MS, null, null)
  }
  const Database = require('better-sqlite3') as DatabaseClass
  return new Database(file, {readonly: true, fileMustExist: true, timeout: BUSY_TIMEOUT_MS})
}

/** Where Node would find a package from here (the node_modules folders up the tree), without require.resolve's cost. */
function packageDir(name: string): string | undefined {
  for (let dir = __dirname; ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, 'node_modules', name)
    if (fs.existsSync(path.join(candidate, 'package.json'))) return candidate
    if (path.dirname(dir) === dir) return undefined
  }
}

/**
 * Names of stored objects of `kind` in `namespace` ('' for cluster-scoped kinds, undefined for every
 * namespace, each name once) starting with `prefix`.
 */
export function objectNames(cluster: string, kind: string, namespace: string | undefined, prefix: string): string[] {
  const file = stateFile(cluster)
  if (!fs.existsSync(file)) return []
  let db: Database | undefined
  try {
    db = openReadOnly(file)
    const names =
      namespace === undefined
        ? db.prepare('SELECT DISTINCT name FROM objects WHERE kind = ? AND substr(name, 1, ?) = ? ORDER BY name', db, false).pluck().all(kind, prefix.length, prefix)
        : db
            .prepare('SELECT name FROM objects WHERE kind = ? AND namespace = ? AND substr(name, 1, ?) = ? ORDER BY name', db, false)
            .pluck()
            .all(kind, namespace, prefix.length, prefix)
    return names.filter((n): n is string => typeof n === 'string')
  } catch {
    return []
  } finally {
    try {
      db?.close()
    } catch {
      // nothing to report
    }
  }
}
