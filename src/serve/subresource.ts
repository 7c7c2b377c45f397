// Subresources on an object path: status (GET, PUT; PATCH goes through write.ts), scale (GET, PUT; the
// autoscaling/v1 Scale of a workload), pods/binding (POST, the scheduler's), pods/eviction (POST,
// api/eviction.ts) and pods/log (GET, serve/pod-log.ts).
import type {KObject} from '../api/types.js'
import type {RequestContext} from './context.js'
import type {Reply} from './http.js'

import {apiErrors} from '../api/errors.js'
import {evictPod} from '../api/eviction.js'
import {scaleOf, writeScale} from '../api/patch/subresources.js'
import {lookupKind} from '../api/registry.js'
import {dryRunOf} from './context.js'
import {decodeOptional} from './body.js'
import {subresourcesOf} from '../serve/discovery-docs.js'
import {notFoundPath} from './http.js'
import {objectReply} from './read.js'
import {podLog} from './pod-log.js'
import {deleteOptionsOf} from './write.js'

const success = (code: number): Reply => ({code, body: {kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Success', code}})

/** The subresource's verbs; 404 for one the kind does not have, 405 for a method it does not take. */
function checkVerb(ctx: RequestContext, verb: string): void {
  const sub = subresourcesOf(ctx.route.rt).find((s) => s.name === ctx.route.subresource)
  if (!sub) throw notFoundPath()
  if (!sub.verbs.includes(verb)) throw apiErrors.methodNotAllowed('the server does not allow this method on the requested resource')
}

export function getSubresource(ctx: RequestContext): Reply | undefined {
  checkVerb(ctx, 'get')
  const {rt, namespace, name, subresource} = ctx.route
  if (subresource === 'log') return podLog(ctx)
  const obj = ctx.api.get(rt, namespace ?? '', name!)
  return subresource === 'scale' ? {code: 200, body: scaleOf(obj)} : objectReply(ctx, obj)
}

function bodyObject(body: string, what: string): KObject {
  const obj = decodeOptional(body) as KObject | undefined
  if (!obj) throw apiErrors.badRequest(`${what}: the body of the request is empty`)
  obj.metadata ??= {}
  return obj
}

export function putSubresource(ctx: RequestContext, body: string): Reply {
  checkVerb(ctx, 'update')
  const {rt, namespace, name, subresource} = ctx.route
  const input = bodyObject(body, subresource!)
  if (input.metadata.name !== name) throw apiErrors.badRequest(`the name of the object (${input.metadata.name ?? ''}) does not match the name on the URL (${name})`)
  const dryRun = dryRunOf(ctx)
  const stored = ctx.api.get(rt, namespace ?? '', name!)
  const rv = input.metadata.resourceVersion
  if (rv && rv !== stored.metadata.resourceVersion) {
    throw apiErrors.conflict(rt.plural, rt.group, name!, 'the object has been modified; please apply your changes to the latest version and try again')
  }
  if (subresource === 'scale') {
    const scale = writeScale(ctx.api, stored, input, {dryRun})
    if (!dryRun) ctx.wrote()
    return {code: 200, body: scale}
  }
  if (!lookupKind(input.apiVersion ?? '', input.kind ?? '')) Object.assign(input, {apiVersion: stored.apiVersion, kind: stored.kind})
  const next = {...stored, status: input.status, metadata: {...stored.metadata, resourceVersion: rv ?? stored.metadata.resourceVersion}}
  if (dryRun) return objectReply(ctx, next)
  const written = ctx.api.updateStatus(next)
  ctx.wrote()
  return objectReply(ctx, written)
}

export function postSubresource(ctx: RequestContext, body: string): Reply {
  checkVerb(ctx, 'create')
  const {namespace, name, subresource} = ctx.route
  const input = bodyObject(body, subresource!)
  if (input.metadata.name && input.metadata.name !== name) {
    throw apiErrors.badRequest(`name in URL does not match name in ${subresource === 'binding' ? 'Binding' : 'Eviction'} object`)
  }
  if (subresource === 'binding') {
    const target = (input as {target?: {name?: string}}).target
    if (!target?.name) throw apiErrors.invalid('Binding', '', name!, [{type: 'FieldValueRequired', field: 'target.name', detail: ''}])
    ctx.api.bind(namespace ?? '', name!, target.name, {uid: input.metadata.uid, resourceVersion: input.metadata.resourceVersion})
    ctx.wrote()
    return success(201)
  }
  // eviction: the Eviction API's rules (api/eviction.ts), with the eviction's deleteOptions
  const opts = deleteOptionsOf(ctx, (input as {deleteOptions?: Record<string, unknown>}).deleteOptions ?? {})
  evictPod(ctx.api, namespace ?? '', name!, opts)
  if (!opts.dryRun) ctx.wrote()
  return success(201)
}
