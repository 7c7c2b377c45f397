// The Swagger 2.0 document in gnostic's protobuf (openapi.v2.Document, the bytes client-go's
// OpenAPISchema unmarshals): the subset of its messages the document of openapi-v2.ts uses. Maps are
// repeated (name, value) pairs in document order; `x-` keys are vendor extensions whose value is carried
// as YAML text (JSON is YAML), as kube-openapi writes them.

/** One message: JSON key → [field number, how to encode the value]. `x-` keys go to `ext`. */
interface Msg {
  fields: Record<string, [number, Enc]>
  ext?: number
}
/** `each`: a repeated message field, one per item of the array; a function: the bytes of one message. */
type Enc = 'string' | 'strings' | 'bool' | Msg | {each: (item: unknown) => Buffer} | ((v: unknown) => Buffer)

function varint(n: number): Buffer {
  const out: number[] = []
  while (n > 0x7f) {
    out.push((n & 0x7f) | 0x80)
    n = Math.floor(n / 128)
  }
  out.push(n)
  return Buffer.from(out)
}

const bytesField = (no: number, b: Buffer): Buffer => Buffer.concat([varint((no << 3) | 2), varint(b.length), b])
const stringField = (no: number, s: string): Buffer => bytesField(no, Buffer.from(s, 'utf8'))

function encodeValue(no: number, enc: Enc, v: unknown): Buffer[] {
  if (enc === 'string') return [stringField(no, String(v))]
  if (enc === 'strings') return (v as string[]).map((s) => stringField(no, s))
  if (enc === 'bool') return v ? [varint(no << 3), varint(1)] : []
  if (typeof enc === 'function') return [bytesField(no, enc(v))]
  if ('each' in enc) return (v as unknown[]).map((item) => bytesField(no, enc.each(item)))
  return [bytesField(no, encode(enc, v as Record<string, unknown>))]
}

// NamedAny{name = 1, value = 2: Any{yaml = 2}}
const namedAny = (name: string, v: unknown): Buffer => Buffer.concat([stringField(1, name), bytesField(2, stringField(2, `${JSON.stringify(v)}\n`))])

function encode(m: Msg, obj: Record<string, unknown>): Buffer {
  const parts: Buffer[] = []
  for (const [key, v] of Object.entries(obj)) {
    if (v === undefined) continue
    if (key.startsWith('x-') && m.ext) parts.push(bytesField(m.ext, namedAny(key, v)))
    const f = m.fields[key]
    if (f) parts.push(...encodeValue(f[0], f[1], v))
  }
  return Buffer.concat(parts)
}

/** A map as repeated Named* {name = 1, value = 2} in field `no` of the message returned. */
const named =
  (no: number, value: Msg | ((v: unknown) => Buffer)) =>
  (map: unknown): Buffer =>
    Buffer.concat(
      Object.entries(map as Record<string, unknown>).map(([name, v]) =>
        bytesField(no, Buffer.concat([stringField(1, name), bytesField(2, typeof value === 'function' ? value(v) : encode(value, v as Record<string, unknown>))])),
      ),
    )

const schema: Msg = {fields: {}, ext: 31}
const schemaFields: Record<string, [number, Enc]> = {
  $ref: [1, 'string'],
  format: [2, 'string'],
  description: [4, 'string'],
  uniqueItems: [16, 'bool'],
  required: [19, 'strings'],
  // AdditionalPropertiesItem{schema = 1}
  additionalProperties: [21, (v) => bytesField(1, encode(schema, v as Record<string, unknown>))],
  // TypeItem{value = 1}
  type: [22, (v) => stringField(1, String(v))],
  // ItemsItem{schema = 1}
  items: [23, (v) => bytesField(1, encode(schema, v as Record<string, unknown>))],
  allOf: [24, {each: (s) => encode(schema, s as Record<string, unknown>)}],
  // Properties{additional_properties = 1: NamedSchema}
  properties: [25, named(1, schema)],
}
Object.assign(schema.fields, schemaFields)

// ParametersItem{parameter = 1: Parameter{non_body_parameter = 2: NonBodyParameter{query_parameter_sub_schema = 3}}}
const queryParameter: Msg = {fields: {in: [2, 'string'], description: [3, 'string'], name: [4, 'string'], type: [6, 'string'], uniqueItems: [20, 'bool']}, ext: 23}
const parameterItem = (p: unknown): Buffer => bytesField(1, bytesField(2, bytesField(3, encode(queryParameter, p as Record<string, unknown>))))

// Responses{response_code = 1: NamedResponseValue{value: ResponseValue{response = 1: Response{description = 1}}}}
const response: Msg = {fields: {description: [1, 'string']}, ext: 5}
const responses = named(1, (v) => bytesField(1, encode(response, v as Record<string, unknown>)))

const operation: Msg = {
  fields: {
    operationId: [5, 'string'],
    produces: [6, 'strings'],
    consumes: [7, 'strings'],
    parameters: [8, {each: parameterItem}],
    responses: [9, responses],
  },
  ext: 13,
}
const pathItem: Msg = {fields: {get: [2, operation], put: [3, operation], post: [4, operation], delete: [5, operation], patch: [8, operation]}, ext: 10}
const document: Msg = {
  fields: {
    swagger: [1, 'string'],
    info: [2, {fields: {title: [1, 'string'], version: [2, 'string']}}],
    // Paths{path = 2: NamedPathItem}
    paths: [8, named(2, pathItem)],
    // Definitions{additional_properties = 1: NamedSchema}
    definitions: [9, named(1, schema)],
  },
  ext: 16,
}

/** The document's protobuf bytes. */
export function encodeSwagger(doc: Record<string, unknown>): Buffer {
  return encode(document, doc)
}
