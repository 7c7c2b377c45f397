// GET of one object and of lists (label and field selectors, limit/continue, resourceVersion), as JSON
// or as a Table when the client asks for one.
import type {KObject} from '../api/types.js'
import type {RequestContext} from './context.js'
import type {Reply} from './http.js'

import {apiErrors, StatusError} from '../api/errors.js'
import {intParam, param} from './context.js'
import {cachedList} from './list-cache.js'
import {includeObjectOf, toTable, wantsTable} from './table.js'
import {tableHandlerFor} from '../printers/table/index.js'

/** The object, or a Table of it. */
export function objectReply(ctx: RequestContext, obj: KObject, code = 200): Reply {
  if (!wantsTable(ctx.req.headers.accept)) return {code, body: obj}
  const includeObject = includeObjectOf(ctx.url.searchParams.get('includeObject'))
  return {code, body: toTable(obj.kind, [obj], {now: ctx.api.clock.now(), includeObject, resourceVersion: obj.metadata.resourceVersion, handler: tableHandlerFor(ctx.route.rt)})}
}

export function getOne(ctx: RequestContext): Reply {
  const {rt, namespace, name} = ctx.route
  return objectReply(ctx, ctx.api.get(rt, namespace ?? '', name!))
}

interface ContinueToken {
  rv: number
  /** the last key the previous page held: `namespace/name` */
  start: string
}

function decodeContinue(token: string): ContinueToken {
  try {
    const t = JSON.parse(Buffer.from(token, 'base64').toString('utf8')) as Partial<ContinueToken>
    if (typeof t.rv === 'number' && typeof t.start === 'string') return t as ContinueToken
  } catch {
    // below
  }
  throw apiErrors.badRequest('continue key is not valid: incorrect encoded start resourceVersion (version meta.k8s.io/v1)')
}

const keyOf = (o: KObject): string => `${o.metadata.namespace ?? ''}/${o.metadata.name}`

/** The resourceVersion a list may be served at: `N` newer than the store is a 504, as the API server times out waiting. */
function checkListVersion(ctx: RequestContext): void {
  const rv = param(ctx, 'resourceVersion')
  if (!rv || rv === '0') return
  if (!/^\d+$/.test(rv)) throw apiErrors.badRequest(`invalid resource version: ${rv}`)
  const current = ctx.api.revision()
  if (Number(rv) > current) throw new StatusError(504, 'Timeout', `Too large resource version: ${rv}, current: ${current}`, {retryAfterSeconds: 1})
  if (param(ctx, 'resourceVersionMatch') === 'Exact' && Number(rv) !== current) {
    throw new StatusError(410, 'Expired', `too old resource version: ${rv} (${current})`)
  }
}

/** LIST: the objects in `namespace` (or all), filtered, one page of them when `limit` is given. */
export function listObjects(ctx: RequestContext): Reply {
  const {rt, namespace} = ctx.route
  checkListVersion(ctx)
  const list = cachedList(ctx.api, rt, namespace, {labelSelector: param(ctx, 'labelSelector'), fieldSelector: param(ctx, 'fieldSelector')})
  let items = list.items
  let rv = list.metadata.resourceVersion!
  const cont = param(ctx, 'continue')
  if (cont) {
    const token = decodeContinue(cont)
    if (token.rv < ctx.api.store.compactedRevision()) {
      throw new StatusError(410, 'Expired', 'The provided continue parameter is too old to display a consistent list result. You can start a new list without the continue parameter.')
    }
    items = items.filter((o) => keyOf(o) > token.start)
    rv = String(token.rv)
  }
  const limit = intParam(ctx, 'limit')
  const before = items.length
  let next: string | undefined
  if (limit !== undefined && limit > 0 && items.length > limit) {
    items = items.slice(0, limit)
    next = Buffer.from(JSON.stringify({rv: Number(rv), start: keyOf(items.at(-1)!)})).toString('base64')
  }
  if (wantsTable(ctx.req.headers.accept)) {
    const includeObject = includeObjectOf(ctx.url.searchParams.get('includeObject'))
    return {code: 200, body: toTable(rt.kind, items, {now: ctx.api.clock.now(), includeObject, resourceVersion: rv, continueToken: next, handler: tableHandlerFor(rt)})}
  }
  const metadata: Record<string, unknown> = {resourceVersion: rv}
  if (next) {
    metadata.continue = next
    metadata.remainingItemCount = before - items.length
  }
  return {code: 200, body: {kind: list.kind, apiVersion: list.apiVersion, metadata, items}}
}
