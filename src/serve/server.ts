// `ksim serve`'s HTTPS server: bearer-token authentication, then /version, health, discovery, OpenAPI (v2, v3)
// and the REST paths of every served kind, each answered from the cluster's store through Api.
import type {IncomingMessage, ServerResponse} from 'node:http'
import type {AddressInfo} from 'node:net'
import https from 'node:https'
import {timingSafeEqual} from 'node:crypto'

import type {Api} from '../api/server.js'
import type {RequestContext} from './context.js'

import {StatusError} from '../api/errors.js'
import {AGGREGATED_CONTENT_TYPE, aggregatedDiscovery, apiGroupList, apiVersions, resourceList, wantsAggregated} from './discovery-docs.js'
import {errorReply, notFoundPath, readBody, send, statusBody, warningHeaders, type Reply} from './http.js'
import {hashOf, immutableHeaders, openApiDocument, openApiRoot} from './openapi.js'
import {openApiV2Reply} from './openapi-v2.js'
import {getOne, listObjects} from './read.js'
import {groupVersionOf, resourceRoute} from './routes.js'
import {getSubresource, postSubresource, putSubresource} from './subresource.js'
import {WatchHub, serveWatch} from './watch-stream.js'
import {create, deleteCollection, deleteOne, patch, update} from './write.js'

export interface ServeOptions {
  api: Api
  host: string
  port: number
  token: string
  cert: string
  key: string
  /** what GET /version answers */
  version: Record<string, unknown>
  /** called after each request that wrote */
  onWrite?: () => void
}

export interface RunningServer {
  port: number
  /** the watches open now */
  watches(): number
  close(): Promise<void>
}

/** Paths a real API server answers without credentials (system:public-info-viewer). */
const PUBLIC = new Set(['/healthz', '/livez', '/readyz', '/version'])

function authorized(req: IncomingMessage, token: string): boolean {
  const h = req.headers.authorization ?? ''
  if (!h.startsWith('Bearer ')) return false
  const given = Buffer.from(h.slice(7).trim())
  const want = Buffer.from(token)
  return given.length === want.length && timingSafeEqual(given, want)
}

const METHOD_NOT_ALLOWED = (): StatusError => new StatusError(405, 'MethodNotAllowed', 'the server does not allow this method on the requested resource', {})

/** The non-resource paths: health, version, discovery, OpenAPI. Undefined when the path is a resource's. */
export function nonResource(opts: Pick<ServeOptions, 'api' | 'version'>, req: IncomingMessage, url: URL): Reply | undefined {
  const p = url.pathname.replace(/\/+$/, '') || '/'
  if (p === '/healthz' || p === '/livez' || p === '/readyz') return {code: 200, body: 'ok', headers: {'Content-Type': 'text/plain; charset=utf-8'}}
  if (p === '/version') return {code: 200, body: opts.version}
  if (p === '/api' || p === '/apis') {
    if (wantsAggregated(req.headers.accept)) return {code: 200, body: aggregatedDiscovery(p === '/api'), headers: {'Content-Type': AGGREGATED_CONTENT_TYPE}}
    return {code: 200, body: p === '/api' ? apiVersions(req.headers.host ?? '') : apiGroupList()}
  }
  if (p === '/openapi/v3') return {code: 200, body: openApiRoot()}
  if (p.startsWith('/openapi/v3/')) {
    const doc = openApiDocument(p.slice('/openapi/v3/'.length))
    if (!doc) throw notFoundPath()
    const fresh = url.searchParams.get('hash') === hashOf(doc)
    return {code: 200, body: doc, headers: fresh ? immutableHeaders() : {}}
  }
  if (p === '/openapi/v2') return openApiV2Reply(req.headers.accept)
  if (p === '/') throw notFoundPath()
  const gv = groupVersionOf(p)
  if (gv && gv.rest.length === 0) {
    const list = resourceList(gv.gv)
    if (!list) throw notFoundPath()
    return {code: 200, body: list}
  }
  // describe namespace lists these; a real API server serves them, and a ksim cluster holds none
  const empty = /^\/api\/v1\/namespaces\/[^/]+\/(resourcequotas|limitranges)$/.exec(p)
  if (empty) return {code: 200, body: {kind: empty[1] === 'resourcequotas' ? 'ResourceQuotaList' : 'LimitRangeList', apiVersion: 'v1', metadata: {resourceVersion: String(opts.api.revision())}, items: []}}
  return undefined
}

const READS_BODY = new Set(['POST', 'PUT', 'PATCH', 'DELETE'])

/** A request on a resource path, by method (its body read from `req`, unless given). Undefined: the watch took over the response. */
export async function resource(ctx: RequestContext, given?: Buffer): Promise<Reply | undefined> {
  const {route, req} = ctx
  ctx.rawBody = given ?? (READS_BODY.has(req.method ?? '') ? await readBody(req) : Buffer.alloc(0))
  const body = ctx.rawBody.toString('utf8')
  const method = req.method ?? 'GET'
  if (route.subresource !== undefined) {
    if (method === 'GET') return getSubresource(ctx)
    if (method === 'PUT') return putSubresource(ctx, body)
    if (method === 'POST') return postSubresource(ctx, body)
    if (method === 'PATCH') return patch(ctx, body)
    throw METHOD_NOT_ALLOWED()
  }
  if (route.name === undefined) {
    if (method === 'GET') {
      const w = ctx.url.searchParams.get('watch')
      if (w === 'true' || w === '1') return void serveWatch(ctx)
      return listObjects(ctx)
    }
    if (method === 'POST') return create(ctx, body)
    if (method === 'DELETE') return deleteCollection(ctx, body)
    throw METHOD_NOT_ALLOWED()
  }
  if (method === 'GET') return getOne(ctx)
  if (method === 'PUT') return update(ctx, body)
  if (method === 'PATCH') return patch(ctx, body)
  if (method === 'DELETE') return deleteOne(ctx, body)
  throw METHOD_NOT_ALLOWED()
}

async function handle(opts: ServeOptions, hub: WatchHub, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const url = new URL(req.url ?? '/', 'https://ksim')
  if (!PUBLIC.has(url.pathname) && !authorized(req, opts.token)) {
    send(res, {code: 401, body: statusBody(new StatusError(401, 'Unauthorized', 'Unauthorized', {}))})
    req.resume()
    return
  }
  // a deprecated resource's warning goes with every answer about it, errors included
  let deprecation: string | undefined
  const withDeprecation = (reply: Reply): Reply => {
    if (!deprecation) return reply
    const headers = reply.headers ?? {}
    const warnings = [...[headers.Warning ?? []].flat(), ...warningHeaders([deprecation]).Warning]
    return {...reply, headers: {...headers, Warning: warnings}}
  }
  try {
    const fixed = nonResource(opts, req, url)
    if (fixed) return send(res, fixed)
    const gv = groupVersionOf(url.pathname)
    const route = gv && resourceRoute(gv.gv, gv.rest)
    if (!route) throw notFoundPath()
    deprecation = route.rt.warning
    if (deprecation && !res.headersSent) res.setHeader('Warning', warningHeaders([deprecation]).Warning)
    const reply = await resource({api: opts.api, route, url, req, res, hub, rawBody: Buffer.alloc(0), wrote: () => opts.onWrite?.()})
    if (reply) send(res, withDeprecation(reply))
  } catch (error) {
    const reply = withDeprecation(errorReply(error))
    // a body too large was not read to its end: the connection cannot carry another request
    if (reply.code === 413) reply.headers = {...reply.headers, Connection: 'close'}
    send(res, reply)
  }
}

/** Starts the server; resolves once it listens (on the port it got, for port 0). */
export async function startServer(opts: ServeOptions): Promise<RunningServer> {
  const hub = new WatchHub(opts.api)
  const server = https.createServer({cert: opts.cert, key: opts.key}, (req, res) => void handle(opts, hub, req, res))
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(opts.port, opts.host, () => resolve())
  })
  return {
    port: (server.address() as AddressInfo).port,
    watches: () => hub.size,
    close: () =>
      new Promise<void>((resolve) => {
        hub.closeAll()
        server.close(() => resolve())
        server.closeAllConnections()
      }),
  }
}
