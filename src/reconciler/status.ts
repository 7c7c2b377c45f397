// What `ksim cluster status` reports: the cluster's files, its reconciler (from the lease) and the work
// waiting for it (pods not yet running or still terminating, nodes: how many are Ready, which have their kubelet stopped).
import type {KObject} from '../api/types.js'

import {reconcilerLog, stateFile} from '../config/paths.js'
import {KUBELET_STOPPED_ANNOTATION} from '../controllers/kubelet/heartbeat.js'
import {openStore} from '../store/open-store.js'
import {readReconcilerStatus, type ReconcilerStatus} from './lease.js'
import {checkedStateFile} from '../config/private-dir.js'

/** A cluster's state at a glance. */
export interface ClusterStatus {
  cluster: string
  stateFile: string
  logFile: string
  reconciler: ReconcilerStatus
  pods: {total: number; pending: number; terminating: number}
  /** `ready` leaves out nodes whose kubelet is stopped: their Ready condition stays True until the grace period passes */
  nodes: {total: number; ready: number; kubeletStopped: string[]}
}

/** Reads a cluster's status from its state file (which must exist). */
export function readClusterStatus(cluster: string, now = new Date()): ClusterStatus {
  const store = openStore(checkedStateFile(cluster), {mustExist: true})
  try {
    return store.snapshot(() => {
      // the lease first, so that it is judged against the clocks as they were when it was read: listing
      // every pod can take seconds (a minute at 100,000 pods on a loaded machine), longer than the lease
      // lasts, and a lease read after that looked expired while its holder renewed it every 2 s
      const reconciler = readReconcilerStatus(store, now)
      // only the pods whose stored text can match are parsed (the store's prefilter; each is then checked
      // exactly): at 100,000 Running pods, parsing them all took most of a minute on a loaded machine
      const podsWith = (text: string) => store.list<KObject>('Pod', undefined, {contains: [text]}).items.map((sv) => sv.value)
      const nodes = store.list<KObject>('Node').items.map((sv) => sv.value)
      const ready = (n: KObject) =>
        ((n.status as {conditions?: {type?: string; status?: string}[]} | undefined)?.conditions ?? []).some((c) => c.type === 'Ready' && c.status === 'True')
      const stopped = (n: KObject) => n.metadata.annotations?.[KUBELET_STOPPED_ANNOTATION] === 'true'
      return {
        cluster,
        stateFile: store.file,
        logFile: reconcilerLog(cluster),
        reconciler,
        pods: {
          total: store.count('Pod'),
          pending: podsWith('"phase":"Pending"').filter((p) => !p.metadata.deletionTimestamp && (p.status as {phase?: string} | undefined)?.phase === 'Pending').length,
          terminating: podsWith('"deletionTimestamp":').filter((p) => p.metadata.deletionTimestamp).length,
        },
        nodes: {total: nodes.length, ready: nodes.filter((n) => ready(n) && !stopped(n)).length, kubeletStopped: nodes.filter((n) => stopped(n)).map((n) => n.metadata.name ?? '')},
      }
    })
  } finally {
    store.close()
  }
}

/** What `ksim cluster list` shows of a cluster: undefined when its state file cannot be read. */
export function readClusterSummary(cluster: string): {nodes: number; pods: number; running: boolean} | undefined {
  try {
    const store = openStore(stateFile(cluster), {mustExist: true})
    try {
      return {nodes: store.count('Node'), pods: store.count('Pod'), running: readReconcilerStatus(store).alive}
    } finally {
      store.close()
    }
  } catch {
    return undefined
  }
}
