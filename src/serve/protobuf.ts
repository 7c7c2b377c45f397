// Just enough of Kubernetes' protobuf encoding to read the bodies typed Go clients send (kubectl's
// generators, Helm's release Secrets: `application/vnd.kubernetes.protobuf`): the `k8s\0` envelope
// (runtime.Unknown), and the messages protobuf-schema.ts numbers. Any other kind in protobuf is 415.
import type {KObject} from '../api/types.js'

import {apiErrors} from '../api/errors.js'
import {MESSAGES, type FieldDef} from './protobuf-schema.js'

export const PROTOBUF = 'application/vnd.kubernetes.protobuf'

type Field = {no: number; wire: number; value: bigint | Buffer}

/** The fields of one message, in order. */
function fields(buf: Buffer): Field[] {
  const out: Field[] = []
  let i = 0
  const varint = (): bigint => {
    let v = 0n
    let shift = 0n
    for (;;) {
      if (i >= buf.length) throw new Error('truncated varint')
      const b = buf[i++]!
      v |= BigInt(b & 0x7f) << shift
      if ((b & 0x80) === 0) return v
      shift += 7n
    }
  }
  while (i < buf.length) {
    const tag = Number(varint())
    const wire = tag & 7
    const no = tag >> 3
    if (wire === 0) out.push({no, wire, value: varint()})
    else if (wire === 2) {
      const len = Number(varint())
      if (i + len > buf.length) throw new Error('truncated field')
      out.push({no, wire, value: buf.subarray(i, i + len)})
      i += len
    } else if (wire === 1 || wire === 5) {
      const n = wire === 1 ? 8 : 4
      out.push({no, wire, value: buf.subarray(i, i + n)})
      i += n
    } else throw new Error(`unsupported wire type ${wire}`)
  }
  return out
}

const str = (f: Field): string => (f.value as Buffer).toString('utf8')
const bytes = (f: Field): Buffer => f.value as Buffer

/** A map<string, V> entry (key 1, value 2). */
function entry(f: Field): [string, Buffer] {
  let key = ''
  let value: Buffer = Buffer.alloc(0)
  for (const e of fields(bytes(f))) {
    if (e.no === 1) key = str(e)
    if (e.no === 2) value = bytes(e)
  }
  return [key, value]
}

/** A scalar field's value as JSON: undefined for a zero value JSON would omit (unless `keep`). */
function scalar(def: FieldDef, field: Field): unknown {
  switch (def.type) {
    case 'string':
      return str(field) === '' && !def.keep ? undefined : str(field)
    case 'int': {
      const n = Number(BigInt.asIntN(64, field.value as bigint))
      return n === 0 && !def.keep ? undefined : n
    }
    case 'bool':
      return (field.value as bigint) === 0n && !def.keep ? undefined : (field.value as bigint) !== 0n
    case 'bytes':
      return bytes(field).toString('base64')
    case 'quantity':
      return fields(bytes(field)).find((q) => q.no === 1) ? str(fields(bytes(field)).find((q) => q.no === 1)!) : ''
    case 'intstr': {
      const parts = fields(bytes(field))
      const type = Number((parts.find((p) => p.no === 1)?.value as bigint | undefined) ?? 0n)
      const int = parts.find((p) => p.no === 2)
      const s = parts.find((p) => p.no === 3)
      return type === 1 ? (s ? str(s) : '') : int ? Number(BigInt.asIntN(32, int.value as bigint)) : 0
    }
    default:
      return message(def.type, bytes(field), def.keep)
  }
}

/** One message decoded to its JSON object, by the field numbers in MESSAGES; undefined when empty (unless `keep`). */
function message(type: string, buf: Buffer, keep = false): Record<string, unknown> | undefined {
  const schema = MESSAGES[type]
  if (!schema) return undefined
  const out: Record<string, unknown> = {}
  for (const field of fields(buf)) {
    const def = schema[field.no]
    if (!def) continue
    if (def.type.startsWith('map:')) {
      const [k, v] = entry(field)
      const valueDef: FieldDef = {name: '', type: def.type.slice(4), keep: true}
      const map = (out[def.name] ??= {}) as Record<string, unknown>
      map[k] = valueDef.type === 'string' ? v.toString('utf8') : scalar(valueDef, {no: 2, wire: 2, value: v})
      continue
    }
    const value = scalar(def, field)
    if (def.repeated) ((out[def.name] ??= []) as unknown[]).push(value ?? (def.type === 'string' ? '' : {}))
    else if (value !== undefined) out[def.name] = value
  }
  return Object.keys(out).length > 0 || keep ? out : undefined
}

/** Decodes a protobuf body of a Secret or ConfigMap; 415 for other kinds, 400 when it does not parse. */
export function decodeProtobuf(body: Buffer, accepted: readonly string[]): KObject {
  if (body.subarray(0, 4).toString('latin1') !== 'k8s\0') throw apiErrors.badRequest('provided data does not appear to be a protobuf message, expected prefix [107 56 115 0]')
  try {
    let apiVersion = ''
    let kind = ''
    let raw: Buffer = Buffer.alloc(0)
    for (const f of fields(body.subarray(4))) {
      if (f.no === 1) {
        for (const t of fields(bytes(f))) {
          if (t.no === 1) apiVersion = str(t)
          if (t.no === 2) kind = str(t)
        }
      } else if (f.no === 2) raw = bytes(f)
    }
    if (!MESSAGES[kind] || kind.endsWith('Spec') || !/^(v1|apps\/v1|policy\/v1|batch\/v1)$/.test(apiVersion)) throw apiErrors.unsupportedMediaType(accepted)
    return {apiVersion, kind, ...message(kind, raw, true)} as unknown as KObject
  } catch (error) {
    if ((error as {code?: number}).code === 415) throw error
    throw apiErrors.badRequest(`unable to decode protobuf body: ${(error as Error).message}`)
  }
}

/** A protobuf DeleteOptions body (meta/v1 generated.proto numbering) as its JSON form. */
export function decodeDeleteOptionsProtobuf(body: Buffer): Record<string, unknown> {
  if (body.subarray(0, 4).toString('latin1') !== 'k8s\0') throw apiErrors.badRequest('provided data does not appear to be a protobuf message, expected prefix [107 56 115 0]')
  const raw = fields(body.subarray(4)).find((f) => f.no === 2)
  const o: Record<string, unknown> = {}
  const dryRun: string[] = []
  for (const f of raw ? fields(bytes(raw)) : []) {
    if (f.no === 1) o.gracePeriodSeconds = Number(BigInt.asIntN(64, f.value as bigint))
    else if (f.no === 2) {
      const pre: Record<string, string> = {}
      for (const p of fields(bytes(f))) pre[p.no === 1 ? 'uid' : 'resourceVersion'] = str(p)
      o.preconditions = pre
    } else if (f.no === 3) o.orphanDependents = (f.value as bigint) !== 0n
    else if (f.no === 4) o.propagationPolicy = str(f)
    else if (f.no === 5) dryRun.push(str(f))
  }
  if (dryRun.length > 0) o.dryRun = dryRun
  return o
}
