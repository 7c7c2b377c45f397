// The API server's cap on a request body (apiserver's MaxRequestBodyBytes, 3 MiB): a larger body is
// refused with 413 RequestEntityTooLarge before it is decoded.
import {apiErrors} from './errors.js'

export const MAX_REQUEST_BODY_BYTES = 3 * 1024 * 1024

/** Throws RequestEntityTooLarge for a body (JSON text) over the limit. */
export function checkRequestBody(body: string): void {
  // a string's UTF-8 size is at most three bytes per UTF-16 unit, at least one: count only when needed
  if (body.length <= MAX_REQUEST_BODY_BYTES / 3) return
  if (body.length > MAX_REQUEST_BODY_BYTES || Buffer.byteLength(body, 'utf8') > MAX_REQUEST_BODY_BYTES) {
    throw apiErrors.requestEntityTooLarge(MAX_REQUEST_BODY_BYTES)
  }
}
