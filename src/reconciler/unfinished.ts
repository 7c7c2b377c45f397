// Whether a cluster has work waiting for a reconciler that is not running: what every command (reads
// too) checks after opening the store, so that a reconciler that died does not leave pods
// ContainerCreating forever behind reads that look normal. The check costs one keyed read (the lease),
// the store's revision and, for a lease held by a local process, a signal 0.
import os from 'node:os'

import type {LeaseSpec} from '../api/kinds/lease.js'
import type {KObject} from '../api/types.js'
import type {Backend} from '../store/backend.js'

import {LEASE_NAME, LEASE_NAMESPACE, leaseVacancy, parseHolder, pidAlive} from './lease.js'

/** Why a reconciler should be started; undefined when one runs or nothing waits for one. */
export type UnfinishedWork =
  /** the lease names a holder whose process is gone (or, on another host, who stopped renewing): it died mid-work */
  | 'holder-dead'
  /** the cluster changed after its reconciler gave the lease back (settled, idle or stopped) */
  | 'changed-since-release'
  /** no reconciler ever ran, and the cluster holds workloads (written with auto-start turned off) */
  | 'never-reconciled'

/** kinds whose objects a controller acts on, looked for when no reconciler ever ran */
const WORKLOAD_KINDS = ['Pod', 'ReplicaSet', 'Deployment', 'StatefulSet', 'DaemonSet', 'ReplicationController'] as const

/**
 * The rule: a live lease holder means nothing to do here. A holder that is not live died (a clean exit
 * clears holderIdentity): its work is unfinished. A released lease records when the reconciler left a
 * settled cluster (an idle exit) or was stopped on purpose (`cluster stop`): any write after that
 * release (the store's revision moved past the lease's) is work nobody has looked at. No lease at all:
 * a fresh cluster is settled; workloads in it were written with auto-start off and wait.
 */
export function unfinishedWork(store: Backend, now = new Date()): UnfinishedWork | undefined {
  const lease = store.get<KObject>({kind: 'Lease', namespace: LEASE_NAMESPACE, name: LEASE_NAME})
  if (!lease) return WORKLOAD_KINDS.some((k) => store.count(k) > 0) ? 'never-reconciled' : undefined
  const spec = (lease.value.spec ?? {}) as LeaseSpec
  if (spec.holderIdentity) {
    // a holder alive on this host that is late renewing (a loaded machine) is slow, not dead: a command
    // starting another would only fight it for the lease and the state file's write lock
    const holder = parseHolder(spec.holderIdentity)
    if (holder && holder.host === os.hostname() && pidAlive(holder.pid)) return undefined
    return leaseVacancy(spec, now) === undefined ? undefined : 'holder-dead'
  }
  return store.revision() > lease.rev ? 'changed-since-release' : undefined
}
