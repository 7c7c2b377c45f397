// Which namespace an object from a file goes to: its own, else the target's; kubectl refuses a
// mismatch with an explicit -n.
import type {ResourceType} from '../../api/registry.js'
import type {KObject} from '../../api/types.js'
import type {Target} from '../../cluster/clusters.js'

import {CliError} from '../errors.js'

/** Sets metadata.namespace on a copy of `obj` as kubectl does before sending it. */
export function placeInNamespace(obj: KObject, rt: ResourceType, target: Pick<Target, 'namespace' | 'namespaceExplicit'>): KObject {
  if (!rt.namespaced) return obj
  const own = obj.metadata.namespace
  if (own && target.namespaceExplicit && own !== target.namespace) {
    throw new CliError(
      `the namespace from the provided object "${own}" does not match the namespace "${target.namespace}". You must pass '--namespace=${own}' to perform this operation.`,
    )
  }
  return {...obj, metadata: {...obj.metadata, namespace: own || target.namespace}}
}
