// Where ksim keeps things: everything under KSIM_HOME (default ~/.ksim), one folder per cluster.
import os from 'node:os'
import path from 'node:path'

/** The root of all ksim config and state; KSIM_HOME moves it (tests and scripts use that). */
export function ksimHome(): string {
  const env = process.env.KSIM_HOME
  return env && env.length > 0 ? path.resolve(env) : path.join(os.homedir(), '.ksim')
}

export function clustersDir(): string {
  return path.join(ksimHome(), 'clusters')
}

export function clusterDir(cluster: string): string {
  return path.join(clustersDir(), cluster)
}

/** The cluster's SQLite state file. */
export function stateFile(cluster: string): string {
  return path.join(clusterDir(cluster), 'state.db')
}

/** The reconciler's log, beside the state. */
export function reconcilerLog(cluster: string): string {
  return path.join(clusterDir(cluster), 'reconciler.log')
}
