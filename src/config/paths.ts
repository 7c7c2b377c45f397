// Where ksim keeps things: everything under KSIM_HOME (default ~/.ksim), one folder per cluster.
// A cluster name becomes a folder name, so every path below is built from a checked name only:
// `../..` or `a/b` can never lead outside KSIM_HOME.
import os from 'node:os'
import path from 'node:path'

/** Cluster names: a DNS-1123 label (as kind's cluster names), at most 40 characters. */
const CLUSTER_NAME = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/
export const CLUSTER_NAME_MAX = 40

/** A name that cannot be a cluster's (it would not be a plain folder name under KSIM_HOME/clusters). */
export class InvalidClusterNameError extends Error {
  override name = 'InvalidClusterNameError'
  constructor(readonly clusterName: string) {
    super(
      `invalid cluster name ${JSON.stringify(clusterName)}: must be lower case alphanumeric characters or '-', start and end with an alphanumeric character, and be at most ${CLUSTER_NAME_MAX} characters`,
    )
  }
}

export function isValidClusterName(name: unknown): name is string {
  return typeof name === 'string' && name.length <= CLUSTER_NAME_MAX && CLUSTER_NAME.test(name)
}

/** Throws InvalidClusterNameError unless `name` is a valid cluster name. */
export function checkClusterName(name: unknown): string {
  if (!isValidClusterName(name)) throw new InvalidClusterNameError(String(name))
  return name
}

/** The root of all ksim config and state; KSIM_HOME moves it (tests and scripts use that). */
export function ksimHome(): string {
  const env = process.env.KSIM_HOME
  return env && env.length > 0 ? path.resolve(env) : path.join(os.homedir(), '.ksim')
}

export function clustersDir(): string {
  return path.join(ksimHome(), 'clusters')
}

export function clusterDir(cluster: string): string {
  return path.join(clustersDir(), checkClusterName(cluster))
}

/** The cluster's SQLite state file. */
export function stateFile(cluster: string): string {
  return path.join(clusterDir(cluster), 'state.db')
}

/** The reconciler's log, beside the state. */
export function reconcilerLog(cluster: string): string {
  return path.join(clusterDir(cluster), 'reconciler.log')
}

/** The process runtime's container instances (pid, exit, log of each), beside the state. */
export function containersDir(cluster: string): string {
  return path.join(clusterDir(cluster), 'containers')
}
