// The ReplicaSet controller (pkg/controller/replicaset): the replica manager of apps/v1 ReplicaSets,
// whose selector is a metav1.LabelSelector (matchLabels and matchExpressions).
import type {KObject} from '../../api/types.js'

import {replicaSetType} from '../../api/kinds/replicaset.js'
import {labelSelectorFromObject, type LabelSelector} from '../../machinery/labels.js'
import {ReplicaManager} from './replica-manager.js'

function selectorOf(rs: KObject): LabelSelector | undefined {
  try {
    return labelSelectorFromObject((rs.spec as {selector?: Parameters<typeof labelSelectorFromObject>[0]} | undefined)?.selector ?? null)
  } catch {
    return undefined
  }
}

/** Syncs one ReplicaSet per key; a second sync of a settled set writes nothing. */
export class ReplicaSetController extends ReplicaManager {
  constructor() {
    super({name: 'replicaset', type: replicaSetType, component: 'replicaset-controller', selectorOf})
  }
}
