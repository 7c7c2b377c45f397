// Clusters and contexts together: which cluster a command talks to, creating the default one on first use.
import fs from 'node:fs'

import {defaultProfile, type ClusterProfile} from '../api/cluster-profile.js'
import {readConfig, updateConfig} from '../config/contexts.js'
import {clusterDir, clustersDir, stateFile} from '../config/paths.js'
import {Store} from '../store/sqlite-store.js'
import {bootstrapCluster} from './bootstrap.js'

export const DEFAULT_CLUSTER = 'ksim'

/** A user-facing failure with kubectl-style text (printed as `error: <message>`). */
export class UsageError extends Error {
  override name = 'UsageError'
}

export interface Target {
  context: string
  cluster: string
  /** the namespace to use: -n, else the context's, else default */
  namespace: string
  /** whether the namespace came from -n or the context (kubectl's "explicit" namespace) */
  namespaceExplicit: boolean
}

const CLUSTER_NAME = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/

export function clusterExists(name: string): boolean {
  return fs.existsSync(stateFile(name))
}

export function listClusters(): string[] {
  if (!fs.existsSync(clustersDir())) return []
  return fs
    .readdirSync(clustersDir())
    .filter((n) => fs.existsSync(stateFile(n)))
    .sort()
}

/** Creates a cluster's state and a context of the same name; makes it current when asked. */
export async function createCluster(name: string, settings: Partial<Omit<ClusterProfile, 'name'>>, opts: {use: boolean; now?: Date}): Promise<ClusterProfile> {
  if (!CLUSTER_NAME.test(name) || name.length > 40) {
    throw new UsageError(`invalid cluster name "${name}": must be lower case alphanumeric characters or '-', start and end with an alphanumeric character, and be at most 40 characters`)
  }
  if (clusterExists(name)) throw new UsageError(`cluster "${name}" already exists`)
  const profile: ClusterProfile = {...defaultProfile, ...settings, name}
  const dir = clusterDir(name)
  fs.mkdirSync(dir, {recursive: true, mode: 0o700})
  fs.chmodSync(dir, 0o700)
  const tmp = `${stateFile(name)}.creating-${process.pid}`
  const store = Store.open(tmp)
  try {
    bootstrapCluster(store, profile, opts.now ?? new Date())
    store.db.pragma('wal_checkpoint(TRUNCATE)')
  } finally {
    store.close()
  }
  // publish the finished file atomically: a half-created cluster never appears
  for (const suffix of ['-wal', '-shm']) fs.rmSync(tmp + suffix, {force: true})
  fs.renameSync(tmp, stateFile(name))
  await updateConfig((cfg) => {
    cfg.contexts[name] = {cluster: name}
    if (opts.use || !cfg.currentContext) cfg.currentContext = name
  })
  return profile
}

/** Removes a cluster's state and its context. */
export async function deleteCluster(name: string): Promise<void> {
  if (!clusterExists(name)) throw new UsageError(`cluster "${name}" not found`)
  fs.rmSync(clusterDir(name), {recursive: true, force: true})
  await updateConfig((cfg) => {
    for (const [ctx, entry] of Object.entries(cfg.contexts)) if (entry.cluster === name) delete cfg.contexts[ctx]
    if (cfg.currentContext && !cfg.contexts[cfg.currentContext]) cfg.currentContext = undefined
  })
}

/**
 * Resolves --context and -n to a cluster and namespace. On a machine with no config at all, creates
 * the default cluster so that the first command just works.
 */
export async function resolveTarget(flags: {context?: string; namespace?: string}): Promise<Target> {
  let cfg = readConfig()
  if (Object.keys(cfg.contexts).length === 0 && !flags.context && !clusterExists(DEFAULT_CLUSTER)) {
    await createCluster(DEFAULT_CLUSTER, {}, {use: true})
    cfg = readConfig()
  }
  const contextName = flags.context ?? cfg.currentContext
  if (!contextName) throw new UsageError(`current-context is not set; run 'ksim config use-context NAME' or 'ksim cluster create NAME'`)
  const entry = cfg.contexts[contextName]
  if (!entry) {
    throw new UsageError(flags.context ? `context was not found for specified context: ${contextName}` : `current-context "${contextName}" does not exist`)
  }
  const ns = flags.namespace ?? entry.namespace
  return {context: contextName, cluster: entry.cluster, namespace: ns || 'default', namespaceExplicit: Boolean(flags.namespace)}
}
