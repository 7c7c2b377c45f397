// Clusters and contexts together: which cluster a command talks to, creating the default one on first use.
// A cluster appears in one step: its state file is built under a temporary name and published with
// link(), which fails when the name is taken, so of several concurrent creates of one name exactly one
// wins and no file is ever replaced. The default cluster of a first command is made under the config
// lock, so concurrent first commands make it once and all find its context.
import fs from 'node:fs'

import {defaultProfile, type ClusterProfile} from '../api/cluster-profile.js'
import {addKsimContext, ksimClusterOf, readConfig, removeKsimCluster, updateConfigSync, withConfigLockUnless, type Kubeconfig} from '../config/contexts.js'
import {field} from '../config/kubeconfig.js'
import {defaultFilename, isExplicit, isKsimDefault} from '../config/kubeconfig-files.js'
import {checkClusterName, clusterDir, clustersDir, isValidClusterName, stateFile} from '../config/paths.js'
import {checkedStateFile, checkPrivateDir} from '../config/private-dir.js'
import {openStore} from '../store/open-store.js'
import {bootstrapCluster} from './bootstrap.js'
import {writeClusterCA} from './cluster-ca.js'
import {generateRootCAPair} from './root-ca.js'

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

/** A valid cluster name, or a UsageError saying what a name must be. */
export function checkedClusterName(name: string): string {
  try {
    return checkClusterName(name)
  } catch (error) {
    throw new UsageError((error as Error).message)
  }
}

export function clusterExists(name: string): boolean {
  return fs.existsSync(stateFile(checkedClusterName(name)))
}

export function listClusters(): string[] {
  if (!fs.existsSync(clustersDir())) return []
  return fs
    .readdirSync(clustersDir())
    .filter((n) => isValidClusterName(n) && fs.existsSync(stateFile(n)))
    .sort()
}

/** Removes what a create left behind: its temporary state file and SQLite's files beside it. */
function removeTemp(tmp: string): void {
  for (const suffix of ['', '-wal', '-shm', '-journal']) fs.rmSync(tmp + suffix, {force: true})
}

/** Builds the cluster's state file and publishes it; AlreadyExists when the name is (or gets) taken. */
function createStateFile(name: string, profile: ClusterProfile, now: Date): void {
  const file = checkedStateFile(name)
  if (fs.existsSync(file)) throw new UsageError(`cluster "${name}" already exists`)
  fs.mkdirSync(clustersDir(), {recursive: true, mode: 0o700})
  fs.mkdirSync(clusterDir(name), {recursive: true, mode: 0o700})
  checkPrivateDir(clusterDir(name))
  const tmp = `${file}.creating-${process.pid}`
  // the CA's key stays beside the state (ksim serve issues its serving certificate from it)
  const ca = profile.rootCACert ? undefined : generateRootCAPair(now)
  try {
    removeTemp(tmp)
    const store = openStore(tmp)
    try {
      bootstrapCluster(store, ca ? {...profile, rootCACert: ca.cert} : profile, now)
      store.checkpoint('truncate')
    } finally {
      store.close()
    }
    for (const suffix of ['-wal', '-shm']) fs.rmSync(tmp + suffix, {force: true})
    // link, not rename: it never replaces a state file another create published meanwhile
    fs.linkSync(tmp, file)
    if (ca) writeClusterCA(name, ca)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') throw new UsageError(`cluster "${name}" already exists`)
    throw error
  } finally {
    removeTemp(tmp)
  }
}

/** Creates a cluster's state and a context of the same name; makes it current when asked. */
export async function createCluster(name: string, settings: Partial<Omit<ClusterProfile, 'name'>>, opts: {use: boolean; now?: Date}): Promise<ClusterProfile> {
  return createClusterSync(name, settings, opts)
}

function createClusterSync(name: string, settings: Partial<Omit<ClusterProfile, 'name'>>, opts: {use: boolean; now?: Date}): ClusterProfile {
  checkedClusterName(name)
  const profile: ClusterProfile = {...defaultProfile, ...settings, name}
  createStateFile(name, profile, opts.now ?? new Date())
  updateConfigSync((cfg) => addKsimContext(cfg, name, opts.use))
  return profile
}

/** Removes a cluster's state and its context. A corrupt state file goes as any other. */
export async function deleteCluster(name: string): Promise<void> {
  if (!clusterExists(name)) throw new UsageError(`cluster "${name}" not found`)
  checkedStateFile(name)
  fs.rmSync(clusterDir(name), {recursive: true, force: true})
  updateConfigSync((cfg) => removeKsimCluster(cfg, name))
}

/** On a machine with no contexts at all, creates the default cluster, once, whoever else tries at the same time. */
function ensureDefaultCluster(): Kubeconfig {
  let seen: Kubeconfig | undefined
  // the process creating it holds the lock: the others stop waiting as soon as its context is there
  const done = () => (seen = readConfig()).contexts.size > 0
  const made = withConfigLockUnless(() => {
    const cfg = readConfig()
    if (cfg.contexts.size > 0) return cfg
    if (!clusterExists(DEFAULT_CLUSTER)) createClusterSync(DEFAULT_CLUSTER, {}, {use: true})
    else updateConfigSync((c) => addKsimContext(c, DEFAULT_CLUSTER, true))
    return readConfig()
  }, done)
  return made ? made.value : seen!
}

/**
 * Resolves --context and -n to a cluster and namespace. On a machine with no config at all, creates
 * the default cluster so that the first command just works.
 */
export async function resolveTarget(flags: {context?: string; namespace?: string; cluster?: string; user?: string}): Promise<Target> {
  // as kubectl: a --kubeconfig file that is not there is an error for every command but config's
  if (isExplicit() && !fs.existsSync(defaultFilename())) throw new UsageError(`stat ${defaultFilename()}: no such file or directory`)
  let cfg = readConfig()
  // only in ksim's own kubeconfig does a first command make the default cluster
  if (cfg.contexts.size === 0 && !flags.context && isKsimDefault()) cfg = ensureDefaultCluster()
  const contextName = flags.context ?? cfg.currentContext
  if (!contextName) throw new UsageError(`current-context is not set; run 'ksim config use-context NAME' or 'ksim cluster create NAME'`)
  const entry = cfg.contexts.get(contextName)
  if (!entry) {
    throw new UsageError(flags.context ? `context was not found for specified context: ${contextName}` : `current-context "${contextName}" does not exist`)
  }
  // as kubectl: --cluster and --user must name entries that exist
  if (flags.cluster && !cfg.clusters.has(flags.cluster)) throw new UsageError(`no server found for cluster "${flags.cluster}"`)
  const user = flags.user || field(entry, 'user')
  if (flags.user && !cfg.users.has(user)) throw new UsageError(`auth info "${user}" does not exist`)
  const clusterName = flags.cluster || field(entry, 'cluster')
  if (clusterName === '') {
    throw new UsageError(`context "${contextName}" names no cluster; set one with 'ksim config set-context ${contextName} --cluster=NAME'`)
  }
  const found = ksimClusterOf(cfg, clusterName)
  if ('server' in found) {
    throw new UsageError(`context "${contextName}" names cluster "${clusterName}" at server ${JSON.stringify(found.server)}: ksim talks only to its own clusters (server ksim://NAME)`)
  }
  if (!isValidClusterName(found.cluster)) {
    throw new UsageError(`context "${contextName}" names an invalid cluster ${JSON.stringify(found.cluster)}; fix it with 'ksim config set-context ${contextName} --cluster=NAME'`)
  }
  const ns = flags.namespace ?? (field(entry, 'namespace') || undefined)
  return {context: contextName, cluster: found.cluster, namespace: ns || 'default', namespaceExplicit: Boolean(flags.namespace)}
}
