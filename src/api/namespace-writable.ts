// Creating in a namespace: it must exist and not be terminating (the NamespaceLifecycle admission plugin).
import {apiErrors} from './errors.js'
import type {ResourceType} from './registry.js'
import type {KObject, ObjectMeta} from './types.js'

export function checkNamespaceWritable(api: {peek(kind: string, namespace: string, name: string): KObject | undefined}, rt: ResourceType, meta: ObjectMeta): void {
  const ns = api.peek('Namespace', '', meta.namespace!)
  if (!ns) throw apiErrors.notFound('namespaces', '', meta.namespace!)
  if (ns.metadata.deletionTimestamp || (ns.status as {phase?: string} | undefined)?.phase === 'Terminating') {
    throw apiErrors.forbidden(rt.plural, rt.group, meta.name || meta.generateName || '', `unable to create new content in namespace ${meta.namespace} because it is being terminated`)
  }
}
