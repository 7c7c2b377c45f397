// What `ksim cluster status` reports: the cluster's files, its reconciler (from the lease) and the work
// waiting for it (pods not yet running or still terminating, nodes and how many are Ready).
import type {KObject} from '../api/types.js'

import {reconcilerLog} from '../config/paths.js'
import {Store} from '../store/sqlite-store.js'
import {readReconcilerStatus, type ReconcilerStatus} from './lease.js'
import {checkedStateFile} from '../config/private-dir.js'

/** A cluster's state at a glance. */
export interface ClusterStatus {
  cluster: string
  stateFile: string
  logFile: string
  reconciler: ReconcilerStatus
  pods: {total: number; pending: number; terminating: number}
  nodes: {total: number; ready: number}
}

/** Reads a cluster's status from its state file (which must exist). */
export function readClusterStatus(cluster: string, now = new Date()): ClusterStatus {
  const store = Store.open(checkedStateFile(cluster), {mustExist: true})
  try {
    return store.snapshot(() => {
      const pods = store.list<KObject>('Pod').items.map((sv) => sv.value)
      const nodes = store.list<KObject>('Node').items.map((sv) => sv.value)
      const ready = (n: KObject) =>
        ((n.status as {conditions?: {type?: string; status?: string}[]} | undefined)?.conditions ?? []).some((c) => c.type === 'Ready' && c.status === 'True')
      return {
        cluster,
        stateFile: store.file,
        logFile: reconcilerLog(cluster),
        reconciler: readReconcilerStatus(store, now),
        pods: {
          total: pods.length,
          pending: pods.filter((p) => !p.metadata.deletionTimestamp && (p.status as {phase?: string} | undefined)?.phase === 'Pending').length,
          terminating: pods.filter((p) => p.metadata.deletionTimestamp).length,
        },
        nodes: {total: nodes.length, ready: nodes.filter((n) => ready(n)).length},
      }
    })
  } finally {
    store.close()
  }
}
