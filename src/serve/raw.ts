// One request answered without the HTTP server: `ksim get --raw PATH`, `create --raw PATH -f FILE` and
// `replace --raw`. The same routes and handlers as `ksim serve`, the body exactly as serve would send it;
// an error status is thrown as the StatusError it is (the CLI prints it as kubectl prints a server error).
import type {IncomingMessage} from 'node:http'

import type {Api} from '../api/server.js'
import {apiErrors, StatusError, type StatusReason} from '../api/errors.js'
import {notFoundPath, replyBytes, type Reply} from './http.js'
import {groupVersionOf, resourceRoute} from './routes.js'
import {nonResource, resource} from './server.js'

export interface RawRequest {
  method: 'GET' | 'POST' | 'PUT'
  /** the path with its query, as kubectl's --raw takes it */
  path: string
  body?: Buffer
}

/** What the server sends for one request, as bytes (the CLI writes them as they are, as kubectl does). */
export async function answerRaw(api: Api, version: Record<string, unknown>, request: RawRequest): Promise<string | Buffer> {
  const url = new URL(request.path, 'https://ksim')
  // what kubectl's REST client sends: JSON both ways, its name as the user agent (the field manager of a write)
  const req = {method: request.method, headers: {accept: 'application/json, */*', 'content-type': 'application/json', 'user-agent': 'kubectl'}} as unknown as IncomingMessage
  let reply: Reply | undefined = request.method === 'GET' ? nonResource({api, version}, req, url) : undefined
  if (!reply) {
    const gv = groupVersionOf(url.pathname)
    const route = gv && resourceRoute(gv.gv, gv.rest)
    if (!route) throw notFoundPath()
    const w = url.searchParams.get('watch')
    if (w === 'true' || w === '1') throw apiErrors.badRequest('ksim answers --raw requests one at a time: watch=true is served by `ksim serve` only')
    const ctx = {api, route, url, req, res: undefined as never, hub: undefined as never, rawBody: Buffer.alloc(0), wrote: () => {}}
    reply = await resource(ctx, request.body ?? Buffer.alloc(0))
  }
  if (!reply) throw notFoundPath()
  if (reply.code >= 400) {
    const status = reply.body as {reason?: StatusReason; message?: string; details?: Record<string, unknown>}
    throw new StatusError(reply.code, status.reason ?? '', status.message ?? '', status.details ?? {})
  }
  return replyBytes(reply)
}
