// The replication manager (pkg/controller/replication): kube-controller-manager runs the ReplicaSet
// controller's code for ReplicationControllers, and so does ksim (deployment/replica-manager.ts). What
// differs: the selector is a plain label map (labels.SelectorFromSet: every pair must match; an empty
// map selects nothing here, as validation never lets one through) and the events come from
// `replication-controller`.
import type {KObject} from '../api/types.js'

import {replicationControllerType} from '../api/kinds/replicationcontroller.js'
import {sortByKey, type LabelSelector} from '../machinery/label-selector.js'
import {ReplicaManager} from './deployment/replica-manager.js'

/** An RC's `spec.selector` map as a selector; undefined when empty or not a map of strings. */
export function replicationSelector(rc: KObject): LabelSelector | undefined {
  const map = (rc.spec as {selector?: Record<string, string> | null} | undefined)?.selector
  if (!map || Object.keys(map).length === 0) return undefined
  // SelectorFromSet takes the map as it is: the API server never validated its keys and values
  return {requirements: sortByKey(Object.keys(map).map((key) => ({key, operator: '=' as const, values: [String(map[key])]})))}
}

/** Syncs one ReplicationController per key; a second sync of a settled controller writes nothing. */
export class ReplicationManager extends ReplicaManager {
  constructor() {
    super({name: 'replicationcontroller', type: replicationControllerType, component: 'replication-controller', selectorOf: replicationSelector})
  }
}
