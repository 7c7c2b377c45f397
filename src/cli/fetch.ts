// Fetches what resource requests name: listed (with selectors) or by name, collecting NotFound errors
// per name as kubectl does (found objects still print; the command exits 1).
import type {ResourceType} from '../api/registry.js'
import type {Api} from '../api/server.js'
import type {KObject} from '../api/types.js'
import type {ResourceRequest} from './resource-args.js'

import {isStatusError} from '../api/errors.js'

export interface FetchOptions {
  /** namespace to read, or undefined for all namespaces (-A) */
  namespace: string | undefined
  labelSelector?: string
  fieldSelector?: string
  ignoreNotFound?: boolean
}

export interface FetchedGroup {
  rt: ResourceType
  objects: KObject[]
  /** whether this group came from a list (as opposed to names) */
  listed: boolean
}

export interface FetchResult {
  groups: FetchedGroup[]
  errors: unknown[]
  /** the store revision the lists were read at (for watch) */
  revision: number
}

export function fetchResources(api: Api, requests: ResourceRequest[], opts: FetchOptions): FetchResult {
  const errors: unknown[] = []
  const groups: FetchedGroup[] = []
  let revision = 0
  api.snapshot(() => {
    revision = api.revision()
    for (const {rt, names} of requests) {
      if (names.length === 0) {
        const list = api.list(rt, opts.namespace, {labelSelector: opts.labelSelector, fieldSelector: opts.fieldSelector})
        groups.push({rt, objects: list.items, listed: true})
        continue
      }
      const objects: KObject[] = []
      for (const name of names) {
        try {
          objects.push(api.get(rt, opts.namespace ?? 'default', name))
        } catch (error) {
          if (opts.ignoreNotFound && isStatusError(error, 'NotFound')) continue
          errors.push(error)
        }
      }
      groups.push({rt, objects, listed: false})
    }
  })
  return {groups, errors, revision}
}
