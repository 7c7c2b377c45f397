// The HTTP plumbing of `ksim serve`: reading a request body under the API server's 3 MiB limit, and
// writing JSON answers and metav1.Status errors as kube-apiserver writes them.
import type {IncomingMessage, ServerResponse} from 'node:http'

import {apiErrors, isStatusError, StatusError} from '../api/errors.js'
import {MAX_REQUEST_BODY_BYTES} from '../api/request-size.js'

/** One answer: status code, body (JSON unless a string), extra headers. */
export interface Reply {
  code: number
  body: unknown
  headers?: Record<string, string | string[]>
}

/** Reads the whole body; a body over 3 MiB is 413 RequestEntityTooLarge (the rest is not read). */
export function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length'] ?? 0)
    if (declared > MAX_REQUEST_BODY_BYTES) {
      reject(apiErrors.requestEntityTooLarge(MAX_REQUEST_BODY_BYTES))
      req.resume()
      return
    }
    const chunks: Buffer[] = []
    let size = 0
    let failed = false
    req.on('data', (c: Buffer) => {
      if (failed) return
      size += c.length
      if (size > MAX_REQUEST_BODY_BYTES) {
        failed = true
        reject(apiErrors.requestEntityTooLarge(MAX_REQUEST_BODY_BYTES))
        return
      }
      chunks.push(c)
    })
    req.on('end', () => failed || resolve(Buffer.concat(chunks)))
    req.on('error', reject)
  })
}

/** A thrown error as the Status reply the API server gives (an untyped one is a 500 InternalError). */
export function errorReply(error: unknown): Reply {
  const status = isStatusError(error) ? error : apiErrors.internal((error as Error).message ?? String(error))
  return {code: status.code, body: statusBody(status)}
}

/** metav1.Status of a StatusError, without empty details (as Go's omitempty drops them). */
export function statusBody(e: StatusError): Record<string, unknown> {
  const s = e.toStatus()
  const d = e.details
  const hasDetails = Object.values(d).some((v) => v !== undefined && v !== '' && !(Array.isArray(v) && v.length === 0))
  if (!hasDetails) delete s.details
  else s.details = Object.fromEntries(Object.entries(d).filter(([, v]) => v !== undefined && v !== ''))
  if (!e.reason) delete s.reason
  return s
}

/** 404 for a path the server does not serve. */
export const notFoundPath = (): StatusError => new StatusError(404, 'NotFound', 'the server could not find the requested resource', {})

/** `Warning: 299 - "text"` headers, as the API server sends admission and decoding warnings. */
export function warningHeaders(warnings: readonly string[]): Record<string, string[]> {
  return warnings.length === 0 ? {} : {Warning: warnings.map((w) => `299 - ${JSON.stringify(w)}`)}
}

/** A reply's body as sent: JSON, unless a string or bytes (sent as they are). */
export function replyBytes(reply: Reply): string | Buffer {
  return typeof reply.body === 'string' || Buffer.isBuffer(reply.body) ? reply.body : JSON.stringify(reply.body)
}

/** Writes a reply: JSON with `Content-Type: application/json` unless told otherwise (a string or bytes as they are). */
export function send(res: ServerResponse, reply: Reply): void {
  if (res.headersSent || res.destroyed) return
  const text = replyBytes(reply)
  const headers: Record<string, string | string[] | number> = {'Content-Type': 'application/json', 'Cache-Control': 'no-cache, private', ...reply.headers}
  headers['Content-Length'] = Buffer.byteLength(text)
  res.writeHead(reply.code, headers)
  res.end(text)
}
