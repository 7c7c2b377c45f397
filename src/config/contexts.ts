// The user's contexts: a kubeconfig (see kubeconfig-files.ts for which files, kubeconfig.ts for the
// model). A ksim cluster appears in it as a cluster entry whose server is `ksim://NAME` (ksim reaches it
// in-process, through KSIM_HOME/clusters/NAME), a user entry of the same name with no credentials, and a
// context joining them. A context naming a cluster that has no entry names the ksim cluster of that
// name (kubectl's `config set-context x --cluster=dev` makes such contexts).
import fs from 'node:fs'

import {withFileLockUnless} from './file-lock.js'
import {field, type Kubeconfig} from './kubeconfig.js'
import {ksimKubeconfig, loadKubeconfig, updateKubeconfig} from './kubeconfig-files.js'
import {KSIM_SERVER_PREFIX} from './legacy-config.js'
import {checkedHome} from './private-dir.js'

export {KSIM_SERVER_PREFIX}
export type {Kubeconfig}

/** The merged config of the files in use (a snapshot; change it with `updateConfig`). */
export function readConfig(): Kubeconfig {
  return loadKubeconfig().config
}

/** Applies `change` to the config under the files' locks and writes what changed. */
export async function updateConfig(change: (cfg: Kubeconfig) => void): Promise<Kubeconfig> {
  return updateKubeconfig(change)
}

export function updateConfigSync(change: (cfg: Kubeconfig) => void): Kubeconfig {
  return updateKubeconfig(change)
}

/**
 * Runs `fn` under ksim's kubeconfig lock unless, while waiting for it, `done()` turns true (another
 * process did what `fn` would do); undefined then.
 */
export function withConfigLockUnless<T>(fn: () => T, done: () => boolean): {value: T} | undefined {
  const home = checkedHome()
  fs.mkdirSync(home, {recursive: true, mode: 0o700})
  return withFileLockUnless(`${ksimKubeconfig()}.lock`, fn, done, {what: `kubeconfig ${ksimKubeconfig()}`})
}

/** What a context's cluster entry says: a ksim cluster's name, or a server ksim does not serve. */
export function ksimClusterOf(cfg: Kubeconfig, clusterName: string): {cluster: string} | {server: string} {
  const entry = cfg.clusters.get(clusterName)
  if (!entry) return {cluster: clusterName}
  const server = field(entry, 'server')
  return server.startsWith(KSIM_SERVER_PREFIX) ? {cluster: server.slice(KSIM_SERVER_PREFIX.length)} : {server}
}

/** Adds the context, cluster and user entries of ksim cluster `name`; makes the context current when asked or when none is. */
export function addKsimContext(cfg: Kubeconfig, name: string, use: boolean): void {
  cfg.clusters.set(name, {server: `${KSIM_SERVER_PREFIX}${name}`})
  if (!cfg.users.has(name)) cfg.users.set(name, {})
  cfg.contexts.set(name, {cluster: name, user: name})
  if (use || cfg.currentContext === '') cfg.currentContext = name
}

/** Removes ksim cluster `name`'s entries and every context that names it. */
export function removeKsimCluster(cfg: Kubeconfig, name: string): void {
  const entries = [...cfg.clusters.keys()].filter((c) => {
    const k = ksimClusterOf(cfg, c)
    return 'cluster' in k && k.cluster === name
  })
  for (const [ctx, entry] of cfg.contexts) {
    const c = field(entry, 'cluster')
    const k = ksimClusterOf(cfg, c)
    if ('cluster' in k && k.cluster === name) cfg.contexts.delete(ctx)
  }
  for (const c of entries) cfg.clusters.delete(c)
  // its user, when it is ksim's (no credentials) and no context is left using it
  const user = cfg.users.get(name)
  const used = [...cfg.contexts.values()].some((e) => field(e, 'user') === name)
  if (user && Object.keys(user).length === 0 && !used) cfg.users.delete(name)
  if (cfg.currentContext !== '' && !cfg.contexts.has(cfg.currentContext)) cfg.currentContext = ''
}
