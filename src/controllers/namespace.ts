// The namespace controller: a Terminating namespace has its contents deleted (pods gracefully, so their
// kubelets terminate them) and disappears once nothing is left in it.
import type {KObject} from '../api/types.js'
import type {Controller, ControllerContext, ReconcileResult} from './types.js'

import {finalizeNamespace} from '../api/delete.js'
import {namespaceType} from '../api/kinds/namespace.js'
import {allTypes} from '../api/registry.js'

/** Namespaces being deleted: a deletionTimestamp or phase Terminating. */
export function terminatingNamespaces(namespaces: KObject[]): KObject[] {
  return namespaces.filter((ns) => ns.metadata.deletionTimestamp || (ns.status as {phase?: string} | undefined)?.phase === 'Terminating')
}

/**
 * Calls finalizeNamespace for each Terminating namespace whenever what they contain changes. Events
 * and Leases are deleted at once by finalizeNamespace, so their (frequent) changes need not wake it.
 */
export class NamespaceController implements Controller {
  readonly name = 'namespace'
  readonly watches: readonly string[]

  constructor() {
    this.watches = ['Namespace', ...allTypes().filter((t) => t.namespaced && t.kind !== 'Event' && t.kind !== 'Lease').map((t) => t.kind)]
  }

  reconcile(ctx: ControllerContext): ReconcileResult {
    for (const ns of terminatingNamespaces(ctx.cache.list('Namespace'))) {
      const current = ctx.api.peek('Namespace', '', ns.metadata.name!)
      if (!current) continue
      const r = finalizeNamespace(ctx.api, namespaceType, current)
      if (r.removed) ctx.log(`namespace ${ns.metadata.name} is empty and was removed`)
    }
    return {}
  }
}
