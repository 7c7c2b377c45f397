// PUT of the status subresource (what the kubelet and controllers write): only `status` is taken from the
// input; spec and metadata stay as stored (ResetObjectMetaForStatus), so nothing but the status is validated
// or defaulted, and generation does not move. Conflict when `metadata.resourceVersion` is given and no
// longer current. The status writer's managedFields entry is recorded with `subresource: status`.
import type {ApiCore} from './api-core.js'
import type {ResourceType} from './registry.js'
import type {KObject} from './types.js'

import {isStoreError} from '../store/errors.js'
import {apiErrors} from './errors.js'
import {clone, withResourceVersion} from './meta.js'
import {managedOnStatus, withManagedFields, type ManagerOf} from './managed/record.js'

/** Writes `input`'s status over the stored object of type `rt`, as `manager` (Api.updateStatus). */
export function updateObjectStatus(api: ApiCore, rt: ResourceType, input: KObject, manager: ManagerOf): KObject {
  const namespace = rt.namespaced ? input.metadata.namespace || 'default' : ''
  const name = input.metadata.name ?? ''
  const key = {kind: rt.kind, namespace, name}
  const status = clone(input.status)
  rt.strategy.prepareForStatusUpdate?.(status)
  const rv = input.metadata.resourceVersion
  return api.store.transaction(() => {
    // with a resourceVersion the store's compare-and-swap checks it; without, any version will do
    const expected = rv ? Number(rv) : api.store.get(key)?.rev
    if (expected === undefined) throw apiErrors.notFound(rt.plural, rt.group, name)
    try {
      const sv = api.store.update<KObject>(key, expected, (_rev, current) => {
        const next: KObject = {...current.value, metadata: withManagedFields(current.value.metadata, managedOnStatus(current.value, status, manager, api.clock.now()))}
        if (status === undefined) delete next.status
        else next.status = status
        return next
      })
      return withResourceVersion(sv.value, sv.rev)
    } catch (error) {
      if (isStoreError(error, 'NotFound')) throw apiErrors.notFound(rt.plural, rt.group, name)
      if (isStoreError(error, 'Conflict')) throw apiErrors.conflict(rt.plural, rt.group, name, 'the object has been modified; please apply your changes to the latest version and try again')
      throw error
    }
  })
}
