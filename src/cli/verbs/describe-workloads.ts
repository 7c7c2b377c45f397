// What describe deployment / replicaset read besides the object: the ReplicaSets a Deployment
// controls, and the pods of a ReplicaSet's namespace (the describer counts the ones it controls).
import type {Api} from '../../api/server.js'
import type {KObject} from '../../api/types.js'

import {lookupKind} from '../../api/registry.js'

/** The extra describe context of a Deployment or ReplicaSet. */
export function workloadContext(api: Api, obj: KObject): {replicaSets?: KObject[]; pods?: KObject[]} {
  const ns = obj.metadata.namespace || 'default'
  const controlled = (o: KObject): boolean => (o.metadata.ownerReferences ?? []).some((r) => r.controller && r.uid === obj.metadata.uid)
  if (obj.kind === 'Deployment') return {replicaSets: api.list(lookupKind('apps/v1', 'ReplicaSet')!, ns).items.filter(controlled)}
  return {pods: api.list(lookupKind('v1', 'Pod')!, ns).items.filter(controlled)}
}
