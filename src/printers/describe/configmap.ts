// describe configmap and describe secret (kubectl's ConfigMapDescriber / SecretDescriber): metadata,
// then each key — config map values in full, secret values only as a byte count.
import type {KObject} from '../../api/types.js'

import {printAnnotationsMultiline, printLabelsMultiline} from './common.js'
import {describeEvents} from './events.js'
import type {DescribeContext} from './pod.js'
import {LEVEL_0, PrefixWriter} from './prefix-writer.js'

function header(obj: KObject, w: PrefixWriter): void {
  w.write(LEVEL_0, `Name:\t${obj.metadata.name ?? ''}\n`)
  w.write(LEVEL_0, `Namespace:\t${obj.metadata.namespace ?? ''}\n`)
  printLabelsMultiline(w, 'Labels', obj.metadata.labels)
  printAnnotationsMultiline(w, 'Annotations', obj.metadata.annotations)
}

/** kubectl describe configmap (keys sorted: Go's map order is random, sorted reads the same every time). */
export function describeConfigMap(obj: KObject, ctx: DescribeContext): string {
  const w = new PrefixWriter()
  header(obj, w)
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
  if (ctx.showEvents !== false) describeEvents(ctx.events, w, ctx.now)
  return w.toString()
}

/** kubectl describe secret: values are never shown, only their sizes. */
export function describeSecret(obj: KObject, _ctx: DescribeContext): string {
  const w = new PrefixWriter()
  header(obj, w)
  w.write(LEVEL_0, `\nType:\t${(obj.type as string | undefined) ?? ''}\n`)
  w.write(LEVEL_0, '\nData\n====\n')
  const data = (obj.data ?? {}) as Record<string, string>
  for (const k of Object.keys(data).sort()) w.write(LEVEL_0, `${k}:\t${Buffer.from(data[k], 'base64').length} bytes\n`)
  return w.toString()
}
