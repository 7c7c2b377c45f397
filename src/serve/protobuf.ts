// Just enough of Kubernetes' protobuf encoding to read the bodies typed Go clients send for Secrets and
// ConfigMaps (Helm keeps its releases in Secrets and writes them as `application/vnd.kubernetes.protobuf`):
// the `k8s\0` envelope (runtime.Unknown), ObjectMeta's user-settable fields, and the two kinds' fields,
// as their generated.proto numbers them. Any other kind in protobuf is 415.
import type {KObject} from '../api/types.js'

import {apiErrors} from '../api/errors.js'

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

function objectMeta(buf: Buffer): Record<string, unknown> {
  const m: Record<string, unknown> = {}
  const labels: Record<string, string> = {}
  const annotations: Record<string, string> = {}
  const finalizers: string[] = []
  for (const f of fields(buf)) {
    if (f.no === 1) m.name = str(f)
    else if (f.no === 2) m.generateName = str(f)
    else if (f.no === 3) m.namespace = str(f)
    else if (f.no === 5) m.uid = str(f)
    else if (f.no === 6) m.resourceVersion = str(f)
    else if (f.no === 11) labels[entry(f)[0]] = entry(f)[1].toString('utf8')
    else if (f.no === 12) annotations[entry(f)[0]] = entry(f)[1].toString('utf8')
    else if (f.no === 14) finalizers.push(str(f))
  }
  if (Object.keys(labels).length > 0) m.labels = labels
  if (Object.keys(annotations).length > 0) m.annotations = annotations
  if (finalizers.length > 0) m.finalizers = finalizers
  for (const k of Object.keys(m)) if (m[k] === '') delete m[k]
  return m
}

function secretOrConfigMap(kind: string, raw: Buffer): KObject {
  const obj: Record<string, unknown> = {apiVersion: 'v1', kind, metadata: {}}
  const data: Record<string, string> = {}
  const other: Record<string, string> = {}
  for (const f of fields(raw)) {
    if (f.no === 1) obj.metadata = objectMeta(bytes(f))
    else if (f.no === 2) {
      const [k, v] = entry(f)
      data[k] = kind === 'Secret' ? v.toString('base64') : v.toString('utf8')
    } else if (kind === 'Secret' && f.no === 3) obj.type = str(f)
    else if (kind === 'Secret' && f.no === 4) other[entry(f)[0]] = entry(f)[1].toString('utf8')
    else if (kind === 'ConfigMap' && f.no === 3) other[entry(f)[0]] = entry(f)[1].toString('base64')
    else if ((kind === 'Secret' && f.no === 5) || (kind === 'ConfigMap' && f.no === 4)) obj.immutable = (f.value as bigint) !== 0n
  }
  if (Object.keys(data).length > 0) obj.data = data
  if (Object.keys(other).length > 0) obj[kind === 'Secret' ? 'stringData' : 'binaryData'] = other
  return obj as unknown as KObject
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
    if (apiVersion !== 'v1' || (kind !== 'Secret' && kind !== 'ConfigMap')) throw apiErrors.unsupportedMediaType(accepted)
    return secretOrConfigMap(kind, raw)
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
