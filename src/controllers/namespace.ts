// The namespace controller: a Terminating namespace has its contents deleted (pods gracefully, so their
// kubelets terminate them) and disappears once nothing is left in it.
import type {KObject} from '../api/types.js'
import type {Controller, ControllerContext, ObjectCache, ObjectChange, ReconcileResult, Watch} from './types.js'

import {finalizeNamespace} from '../api/delete.js'
import {namespaceType} from '../api/kinds/namespace.js'
import {allTypes} from '../api/registry.js'

/** Namespaces being deleted: a deletionTimestamp or phase Terminating. */
export function terminatingNamespaces(namespaces: KObject[]): KObject[] {
  return namespaces.filter((ns) => ns.metadata.deletionTimestamp || (ns.status as {phase?: string} | undefined)?.phase === 'Terminating')
}

/**
 * Calls finalizeNamespace for a Terminating namespace (its key is its name) whenever what it contains
 * changes. Events and Leases are deleted at once by finalizeNamespace, so their (frequent) changes
 * need not wake it.
 */
export class NamespaceController implements Controller {
  readonly name = 'namespace'
  readonly watches: readonly Watch[]

  constructor() {
    // an object in a namespace wakes that namespace only while it is being deleted
    const contents = (c: ObjectChange, cache: ObjectCache): string[] => {
      const ns = cache.get('Namespace', '', c.namespace)
      return ns && terminatingNamespaces([ns]).length > 0 ? [c.namespace] : []
    }
    const kinds = allTypes().filter((t) => t.namespaced && t.kind !== 'Event' && t.kind !== 'Lease')
    this.watches = [{kind: 'Namespace'}, ...kinds.map((t) => ({kind: t.kind, map: contents}))]
  }

  keys(cache: ObjectCache): string[] {
    return terminatingNamespaces(cache.list('Namespace')).map((ns) => ns.metadata.name!)
  }

  reconcile(ctx: ControllerContext, name: string): ReconcileResult {
    const current = ctx.api.peek('Namespace', '', name)
    if (!current || terminatingNamespaces([current]).length === 0) return {}
    const r = finalizeNamespace(ctx.api, namespaceType, current)
    if (r.removed) ctx.log(`namespace ${name} is empty and was removed`)
    return {}
  }
}
