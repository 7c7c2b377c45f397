// The writing verbs on a resource path: POST (create), PUT (update), DELETE (one object or a collection)
// and PATCH, each through Api with the request's dryRun, fieldValidation and fieldManager.
import type {DeleteOptions, PropagationPolicy} from '../api/delete.js'
import type {KObject} from '../api/types.js'
import type {RequestContext} from './context.js'
import type {Reply} from './http.js'

import {apiErrors} from '../api/errors.js'
import {dryRunOf, fieldValidationOf, intParam, param} from './context.js'
import {decodeObject, decodeOptional, patchTypeOf} from './body.js'
import {warningHeaders} from './http.js'
import {objectReply} from './read.js'

/** The body's namespace against the path's: filled in when absent, 400 when different. */
function checkNamespace(ctx: RequestContext, obj: KObject): void {
  const {rt, namespace} = ctx.route
  if (!rt.namespaced) return
  if (namespace === undefined) throw apiErrors.methodNotAllowed('the server does not allow this method on the requested resource')
  if (!obj.metadata.namespace) obj.metadata.namespace = namespace
  else if (obj.metadata.namespace !== namespace) throw apiErrors.badRequest('the namespace of the provided object does not match the namespace sent on the request')
}

// without a fieldManager the API server names the writer by its user agent's first part (`kubectl/v1.35.2 …` → kubectl)
const managerOf = (ctx: RequestContext): string | undefined => param(ctx, 'fieldManager') || ctx.req.headers['user-agent']?.split('/')[0].slice(0, 128) || undefined
const writeOptions = (ctx: RequestContext) => ({dryRun: dryRunOf(ctx), fieldValidation: fieldValidationOf(ctx), fieldManager: managerOf(ctx)})

export function create(ctx: RequestContext, body: string): Reply {
  const obj = decodeObject(ctx.req, body, ctx.route.rt, ctx.rawBody)
  checkNamespace(ctx, obj)
  const opts = writeOptions(ctx)
  const {object, warnings} = ctx.api.create(obj, opts)
  if (!opts.dryRun) ctx.wrote()
  return {...objectReply(ctx, object, 201), headers: warningHeaders(warnings)}
}

export function update(ctx: RequestContext, body: string): Reply {
  const obj = decodeObject(ctx.req, body, ctx.route.rt, ctx.rawBody)
  checkNamespace(ctx, obj)
  const name = ctx.route.name!
  if (obj.metadata.name !== name) throw apiErrors.badRequest(`the name of the object (${obj.metadata.name ?? ''}) does not match the name on the URL (${name})`)
  const opts = writeOptions(ctx)
  const updated = ctx.api.transaction(() => {
    // no resourceVersion: an unconditional update of the object as it is now (AllowUnconditionalUpdate)
    obj.metadata.resourceVersion ||= ctx.api.get(ctx.route.rt, ctx.route.namespace ?? '', name).metadata.resourceVersion
    return ctx.api.update(obj, opts)
  })
  if (!opts.dryRun) ctx.wrote()
  return objectReply(ctx, updated)
}

export function patch(ctx: RequestContext, body: string): Reply {
  const {rt, namespace, name, subresource} = ctx.route
  const type = patchTypeOf(ctx.req)
  if (subresource !== undefined && subresource !== 'status' && subresource !== 'scale') throw apiErrors.methodNotAllowed(`the server does not allow this method on the requested resource`)
  const force = param(ctx, 'force')
  // an apply patch must name its manager itself (no user-agent default)
  const manager = type === 'apply' ? param(ctx, 'fieldManager') || undefined : managerOf(ctx)
  const opts = {...writeOptions(ctx), fieldManager: manager, subresource: subresource as 'status' | 'scale' | undefined, ...(force !== undefined ? {force: force === 'true'} : {})}
  const patched = ctx.api.patch(rt, namespace ?? '', name!, type, body, opts)
  if (!opts.dryRun) ctx.wrote()
  return objectReply(ctx, patched)
}

const POLICIES: readonly string[] = ['Background', 'Foreground', 'Orphan']

/** DeleteOptions from the body, else from the query (as the API server reads them). */
export function deleteOptionsOf(ctx: RequestContext, body: Record<string, unknown> | undefined): DeleteOptions {
  const o = body ?? {}
  const grace = o.gracePeriodSeconds ?? intParam(ctx, 'gracePeriodSeconds')
  let policy = (o.propagationPolicy ?? param(ctx, 'propagationPolicy')) as string | undefined
  const orphan = o.orphanDependents ?? param(ctx, 'orphanDependents')
  if (policy === undefined && orphan !== undefined) policy = orphan === true || orphan === 'true' ? 'Orphan' : 'Background'
  if (policy !== undefined && !POLICIES.includes(policy)) {
    throw apiErrors.invalid('DeleteOptions', '', '', [{type: 'FieldValueNotSupported', field: 'propagationPolicy', value: policy, hasValue: true, detail: 'supported values: "Foreground", "Background", "Orphan", "nil"'}])
  }
  if (grace !== undefined && typeof grace !== 'number') throw apiErrors.badRequest('gracePeriodSeconds must be an integer')
  const dryRun = Array.isArray(o.dryRun) ? o.dryRun.includes('All') : dryRunOf(ctx)
  const pre = o.preconditions as {uid?: string; resourceVersion?: string} | undefined
  return {gracePeriodSeconds: grace as number | undefined, propagationPolicy: policy as PropagationPolicy | undefined, dryRun, preconditions: pre}
}

/** Kinds whose DELETE answers with the deleted object rather than a Status (ReturnDeletedObject). */
const RETURNS_DELETED = new Set(['Pod'])

export function deleteOne(ctx: RequestContext, body: string): Reply {
  const {rt, namespace, name} = ctx.route
  const opts = deleteOptionsOf(ctx, decodeOptional(body, ctx.req, ctx.rawBody))
  const {object, removed} = ctx.api.delete(rt, namespace ?? '', name!, opts)
  if (!opts.dryRun) ctx.wrote()
  if (!removed || RETURNS_DELETED.has(rt.kind)) return objectReply(ctx, object)
  const details = {name: object.metadata.name, ...(rt.group ? {group: rt.group} : {}), kind: rt.plural, uid: object.metadata.uid}
  return {code: 200, body: {kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Success', details}}
}

/** DELETE on a list path: every object the selectors match, each deleted as by itself; answers the list of them. */
export function deleteCollection(ctx: RequestContext, body: string): Reply {
  const {rt, namespace} = ctx.route
  const opts = deleteOptionsOf(ctx, decodeOptional(body, ctx.req, ctx.rawBody))
  const list = ctx.api.list(rt, namespace, {labelSelector: param(ctx, 'labelSelector'), fieldSelector: param(ctx, 'fieldSelector')})
  const items: KObject[] = []
  for (const o of list.items) {
    try {
      items.push(ctx.api.delete(rt, o.metadata.namespace ?? '', o.metadata.name!, opts).object)
    } catch (error) {
      // gone meanwhile: as the API server, skip it
      if ((error as {code?: number}).code !== 404) throw error
    }
  }
  if (!opts.dryRun && items.length > 0) ctx.wrote()
  return {code: 200, body: {kind: list.kind, apiVersion: list.apiVersion, metadata: {resourceVersion: String(ctx.api.revision())}, items}}
}
