// LIST: one kind, one namespace or all, filtered by label and field selectors as the API server does.
import type {Backend} from '../store/backend.js'

import {withResourceVersion} from './meta.js'
import {apiVersionOf, type ResourceType} from './registry.js'
import {selectorFilter, selectorNeedles} from './list-filter.js'
import type {KList, KObject} from './types.js'

export interface ListOptions {
  labelSelector?: string
  fieldSelector?: string
}

export function listObjects(store: Backend, rt: ResourceType, namespace: string | undefined, opts: ListOptions): KList {
  const filter = selectorFilter(rt, opts.labelSelector, opts.fieldSelector)
  const res = store.list<KObject>(rt.kind, namespace, {contains: selectorNeedles(opts.labelSelector)})
  const items: KObject[] = []
  for (const sv of res.items) {
    const obj = withResourceVersion(sv.value, sv.rev)
    if (filter(obj)) items.push(obj)
  }
  return {apiVersion: apiVersionOf(rt), kind: `${rt.kind}List`, metadata: {resourceVersion: String(res.revision)}, items}
}
