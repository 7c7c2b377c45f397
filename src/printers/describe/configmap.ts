// describe configmap and describe secret (kubectl's ConfigMapDescriber / SecretDescriber): metadata,
// then each key — config map values in full, secret values only as a byte count.
import type {KObject} from '../../api/types.js'

import {printObjectMeta} from './common.js'
import {endWithEvents} from './events.js'
import type {DescribeContext} from './pod.js'
import {LEVEL_0, PrefixWriter} from './prefix-writer.js'

/** kubectl describe configmap (keys sorted: Go's map order is random, sorted reads the same every time). */
export function describeConfigMap(obj: KObject, ctx: DescribeContext): string {
  const w = new PrefixWriter()
  printObjectMeta(w, obj)
  w.write(LEVEL_0, '\nData\n====\n')
  const data = (obj.data ?? {}) as Record<string, string>
  for (const k of Object.keys(data).sort()) {
    w.write(LEVEL_0, `${k}:\n----\n`)
    w.write(LEVEL_0, `${data[k]}\n`)
    w.write(LEVEL_0, '\n')
  }
  w.write(LEVEL_0, '\nBinaryData\n====\n')
  const binary = (obj.binaryData ?? {}) as Record<string, string>
  for (const k of Object.keys(binary).sort()) w.write(LEVEL_0, `${k}: ${Buffer.from(binary[k], 'base64').length} bytes\n`)
  w.write(LEVEL_0, '\n')
  return endWithEvents(w, ctx)
}

/** kubectl describe secret: values are never shown, only their sizes. */
export function describeSecret(obj: KObject, _ctx: DescribeContext): string {
  const w = new PrefixWriter()
  printObjectMeta(w, obj)
  w.write(LEVEL_0, `\nType:\t${(obj.type as string | undefined) ?? ''}\n`)
  w.write(LEVEL_0, '\nData\n====\n')
  const data = (obj.data ?? {}) as Record<string, string>
  for (const k of Object.keys(data).sort()) w.write(LEVEL_0, `${k}:\t${Buffer.from(data[k], 'base64').length} bytes\n`)
  return w.toString()
}
