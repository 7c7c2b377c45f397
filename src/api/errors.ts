// API errors shaped like metav1.Status; field errors (machinery/field-errors.ts) are re-exported for the API's code.

export type StatusReason =
  | 'NotFound'
  | 'AlreadyExists'
  | 'Conflict'
  | 'Invalid'
  | 'Forbidden'
  | 'BadRequest'
  | 'MethodNotAllowed'
  | 'InternalError'
  | 'Timeout'
  | 'RequestEntityTooLarge'
  | 'UnsupportedMediaType'
  | 'Expired'
  | 'Unauthorized'
  | 'TooManyRequests'
  /** metav1.StatusReasonUnknown: an error the API server did not type (kubectl: `Error from server: ...`) */
  | ''

import {fieldErrorText, type CauseType, type FieldError} from '../machinery/field-errors.js'

export {fieldErr, fieldErrorText, type CauseType, type FieldError} from '../machinery/field-errors.js'

export interface StatusDetails {
  name?: string
  group?: string
  /** the resource (plural) for most errors; the Kind for Invalid */
  kind?: string
  uid?: string
  causes?: {reason: CauseType | 'FieldManagerConflict' | 'DisruptionBudget'; message: string; field?: string}[]
  retryAfterSeconds?: number
}

/** An API error: the metav1.Status the API server would return. */
export class StatusError extends Error {
  override name = 'StatusError'
  readonly status = 'Failure'
  constructor(
    readonly code: number,
    readonly reason: StatusReason,
    message: string,
    readonly details: StatusDetails = {},
  ) {
    super(message)
  }

  toStatus(): Record<string, unknown> {
    return {kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message: this.message, reason: this.reason, details: this.details, code: this.code}
  }
}

export function isStatusError(e: unknown, reason?: StatusReason): e is StatusError {
  return e instanceof Error && e.name === 'StatusError' && (reason === undefined || (e as StatusError).reason === reason)
}

/** `pods "x" not found` / `deployments.apps "x" not found` */
export function qualifiedResource(resource: string, group: string): string {
  return group ? `${resource}.${group}` : resource
}

export const apiErrors = {
  notFound: (resource: string, group: string, name: string) =>
    new StatusError(404, 'NotFound', `${qualifiedResource(resource, group)} "${name}" not found`, {name, group, kind: resource}),
  alreadyExists: (resource: string, group: string, name: string) =>
    new StatusError(409, 'AlreadyExists', `${qualifiedResource(resource, group)} "${name}" already exists`, {name, group, kind: resource}),
  conflict: (resource: string, group: string, name: string, detail: string) =>
    new StatusError(409, 'Conflict', `Operation cannot be fulfilled on ${qualifiedResource(resource, group)} "${name}": ${detail}`, {
      name,
      group,
      kind: resource,
    }),
  forbidden: (resource: string, group: string, name: string, detail: string) =>
    new StatusError(403, 'Forbidden', `${qualifiedResource(resource, group)} "${name}" is forbidden: ${detail}`, {name, group, kind: resource}),
  badRequest: (message: string) => new StatusError(400, 'BadRequest', message),
  /** 413: a request body over the API server's limit (NewRequestEntityTooLargeError) */
  requestEntityTooLarge: (limit: number) => new StatusError(413, 'RequestEntityTooLarge', `Request entity too large: limit is ${limit}`),
  /** 415: a body in a format (Content-Type) the endpoint does not take */
  unsupportedMediaType: (accepted: readonly string[]) =>
    new StatusError(415, 'UnsupportedMediaType', `the body of the request was in an unknown format - accepted media types include: ${accepted.join(', ')}`),
  /** 429 (NewTooManyRequests): the client should retry after `retryAfterSeconds` */
  tooManyRequests: (message: string, retryAfterSeconds: number, causes: NonNullable<StatusDetails['causes']> = []) =>
    new StatusError(429, 'TooManyRequests', message, {...(causes.length > 0 ? {causes} : {}), ...(retryAfterSeconds > 0 ? {retryAfterSeconds} : {})}),
  methodNotAllowed: (message: string) => new StatusError(405, 'MethodNotAllowed', message),
  internal: (message: string) => new StatusError(500, 'InternalError', `Internal error occurred: ${message}`),
  /** A plain Go error the API server returned untyped (ErrorToAPIStatus: 500, reason Unknown). */
  untyped: (message: string) => new StatusError(500, '', message),
  /** NewGenericServerResponse(422, ...): the server's own message is dropped. */
  unprocessable: () => new StatusError(422, 'Invalid', 'the server rejected our request due to an error in our request'),
  /** 422 Invalid: `<Kind> "<name>" is invalid: <causes>` as the API server aggregates them. */
  invalid: (kind: string, group: string, name: string, errs: FieldError[]) => {
    const texts = [...new Set(errs.map((e) => fieldErrorText(e)))]
    const body = texts.length === 1 ? texts[0] : `[${texts.join(', ')}]`
    const qualifiedKind = group ? `${kind}.${group}` : kind
    return new StatusError(422, 'Invalid', `${qualifiedKind} "${name}" is invalid: ${body}`, {
      name,
      group,
      kind,
      causes: errs.map((e) => ({reason: e.type, message: fieldErrorText(e).slice(e.field.length + 2), field: e.field})),
    })
  },
}
