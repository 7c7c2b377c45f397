// What a resource request handler gets: the Api, the parsed route and URL, the request's headers, and
// the hooks of the server around it.
import type {IncomingMessage, ServerResponse} from 'node:http'

import type {Api} from '../api/server.js'
import type {ResourceRoute} from './routes.js'
import type {WatchHub} from './watch-stream.js'

import {apiErrors} from '../api/errors.js'
import type {FieldValidation} from '../api/api-core.js'

export interface RequestContext {
  api: Api
  route: ResourceRoute
  url: URL
  req: IncomingMessage
  res: ServerResponse
  hub: WatchHub
  /** the request body as received (protobuf bodies are bytes) */
  rawBody: Buffer
  /** called after a request wrote to the store */
  wrote(): void
}

/** A query parameter, or undefined. */
export const param = (ctx: RequestContext, name: string): string | undefined => ctx.url.searchParams.get(name) ?? undefined

/** `dryRun=All` (the only value the API server takes). */
export function dryRunOf(ctx: RequestContext): boolean {
  const values = ctx.url.searchParams.getAll('dryRun')
  for (const v of values) if (v !== 'All') throw apiErrors.badRequest(`Invalid dry run value: ${JSON.stringify(v)}; supported values: "All"`)
  return values.length > 0
}

/** `fieldValidation` (absent: the server's default, Warn). */
export function fieldValidationOf(ctx: RequestContext): FieldValidation | undefined {
  const v = param(ctx, 'fieldValidation')
  if (v === undefined || v === '') return undefined
  if (v === 'Strict' || v === 'Warn' || v === 'Ignore') return v
  throw apiErrors.badRequest(`fieldValidation must be one of "Ignore", "Warn", or "Strict"; got "${v}"`)
}

/** An integer query parameter; 400 when it is not one. */
export function intParam(ctx: RequestContext, name: string): number | undefined {
  const v = param(ctx, name)
  if (v === undefined || v === '') return undefined
  if (!/^-?\d+$/.test(v)) throw apiErrors.badRequest(`invalid value for ${name}: ${JSON.stringify(v)}`)
  return Number(v)
}
