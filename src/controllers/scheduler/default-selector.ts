// helper.DefaultSelector, for the system default spread constraints: the selectors of the Services of
// the pod's namespace that select it (merged), plus the selector of its controlling ReplicaSet,
// ReplicationController or StatefulSet. Read from the cache once per pass, per namespace.
import type {Pod} from 'kubernetes-types/core/v1.js'
import type {ObjectCache} from '../types.js'

import {labelSelectorFromObject, newRequirement, type LabelSelector} from '../../machinery/labels.js'
import {sortByKey} from '../../machinery/label-selector.js'

const OWNERS: Record<string, string> = {'v1/ReplicationController': 'ReplicationController', 'apps/v1/ReplicaSet': 'ReplicaSet', 'apps/v1/StatefulSet': 'StatefulSet'}

/** A DefaultSelector over the cache. */
export function defaultSelectorOf(cache: ObjectCache): (pod: Pod) => LabelSelector | undefined {
  const services = new Map<string, Record<string, string>[]>()
  return (pod) => {
    const ns = pod.metadata?.namespace ?? ''
    let selectors = services.get(ns)
    if (!selectors) {
      selectors = cache.list('Service', ns).flatMap((s) => {
        const sel = (s.spec as {selector?: Record<string, string>} | undefined)?.selector
        return sel && Object.keys(sel).length > 0 ? [sel] : []
      })
      services.set(ns, selectors)
    }
    const labels = (pod.metadata?.labels ?? {}) as Record<string, string>
    const set: Record<string, string> = {}
    for (const sel of selectors) if (Object.entries(sel).every(([k, v]) => labels[k] === v)) Object.assign(set, sel)
    const reqs = Object.entries(set).map(([k, v]) => newRequirement(k, '=', [v]))
    const owner = pod.metadata?.ownerReferences?.find((r) => r.controller)
    const kind = owner && OWNERS[`${owner.apiVersion}/${owner.kind}`]
    if (owner && kind) {
      const o = cache.get(kind, ns, owner.name)
      const sel = (o?.spec as {selector?: unknown} | undefined)?.selector
      if (sel) {
        try {
          // a ReplicationController's selector is a plain map
          const ls = kind === 'ReplicationController' ? {matchLabels: sel as Record<string, string>} : (sel as never)
          reqs.push(...labelSelectorFromObject(ls).requirements)
        } catch {
          // an invalid selector adds nothing
        }
      }
    }
    return reqs.length > 0 ? {requirements: sortByKey(reqs)} : undefined
  }
}
