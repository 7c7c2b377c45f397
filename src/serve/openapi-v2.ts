// /openapi/v2: one Swagger 2.0 document of every served kind, from the same schema as /openapi/v3
// (openapi-schemas.ts) — the definitions `kubectl explain --output plaintext-openapiv2` reads, and the
// PUT and PATCH operations declaring fieldValidation. client-go asks for it in protobuf only
// (`Accept: application/com.github.proto-openapi.spec.v2@v1.0+protobuf`) and unmarshals the body as
// protobuf whatever its Content-Type, so that Accept gets protobuf (openapi-v2-proto.ts); a client that
// accepts JSON gets JSON; any other Accept is 406, as kube-openapi's handler answers.
import {allTypes} from '../api/registry.js'
import {defaultSchema} from '../api/schema/schema.js'
import type {Reply} from './http.js'
import {objectPath} from './openapi.js'
import {componentSchemas} from './openapi-schemas.js'
import {encodeSwagger} from './openapi-v2-proto.js'

export const OPENAPI_V2_PROTOBUF = 'application/com.github.proto-openapi.spec.v2@v1.0+protobuf'
// the name kube-openapi also accepts for it
const OPENAPI_V2_PROTOBUF_OLD = 'application/com.github.proto-openapi.spec.v2.v1.0+protobuf'

let doc: Record<string, unknown> | undefined
let proto: Buffer | undefined

let builtFor: string | undefined

/** The Swagger 2.0 document (built once, and again whenever the custom resources served change). */
export function swaggerDocument(): Record<string, unknown> {
  const custom = JSON.stringify(allTypes().filter((t) => t.custom).map((t) => [t.group, t.version, t.kind, t.namespaced, t.custom!.schema]))
  if (custom !== builtFor) {
    doc = undefined
    proto = undefined
    builtFor = custom
  }
  doc ??= buildSwagger()
  return doc
}

function buildSwagger(): Record<string, unknown> {
  const paths: Record<string, unknown> = {}
  for (const rt of allTypes()) {
    const gvk = {group: rt.group, version: rt.version, kind: rt.kind}
    const op = (action: string) => ({
      operationId: `${action}${rt.kind}`,
      parameters: [{uniqueItems: true, type: 'string', name: 'fieldValidation', in: 'query'}],
      responses: {200: {description: 'OK'}},
      'x-kubernetes-action': action,
      'x-kubernetes-group-version-kind': gvk,
    })
    paths[objectPath(rt)] = {put: op('put'), patch: op('patch')}
  }
  return {swagger: '2.0', info: {title: 'Kubernetes', version: 'v1.35.2'}, paths, definitions: componentSchemas(allTypes(), defaultSchema(), true)}
}

/** GET /openapi/v2 in the first form the Accept header takes: JSON, protobuf, or 406. */
export function openApiV2Reply(accept: string | undefined): Reply {
  const types = (accept ?? '').split(',').map((a) => a.split(';')[0]!.trim().toLowerCase()).filter((a) => a !== '')
  if (types.length === 0) types.push('application/json')
  for (const t of types) {
    if (t === 'application/json' || t === '*/*' || t === 'application/*') return {code: 200, body: swaggerDocument()}
    if (t === OPENAPI_V2_PROTOBUF || t === OPENAPI_V2_PROTOBUF_OLD) {
      proto ??= encodeSwagger(swaggerDocument())
      // kube-openapi labels it application/octet-stream (Go's mime parser refuses the '@' in the type asked for)
      return {code: 200, body: proto, headers: {'Content-Type': 'application/octet-stream'}}
    }
  }
  // kube-openapi answers a bare 406, with no body
  return {code: 406, body: '', headers: {'Content-Type': 'text/plain; charset=utf-8'}}
}
