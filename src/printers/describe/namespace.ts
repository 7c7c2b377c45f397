// describe namespace (describeNamespace): name, labels, annotations, phase, conditions, then the
// quota and limit-range summaries (ksim has neither kind, so kubectl's "none" lines).
import type {KObject, Namespace} from '../../api/types.js'

import {rfc1123z} from '../timestamps.js'
import {printAnnotationsMultiline, printLabelsMultiline} from './common.js'
import type {DescribeContext} from './pod.js'
import {LEVEL_0, LEVEL_1, PrefixWriter} from './prefix-writer.js'

/** kubectl describe namespace. */
export function describeNamespace(obj: KObject, _ctx: DescribeContext): string {
  const ns = obj as unknown as Namespace
  const w = new PrefixWriter()
  w.write(LEVEL_0, `Name:\t${ns.metadata?.name ?? ''}\n`)
  printLabelsMultiline(w, 'Labels', ns.metadata?.labels)
  printAnnotationsMultiline(w, 'Annotations', ns.metadata?.annotations)
  w.write(LEVEL_0, `Status:\t${ns.status?.phase ?? ''}\n`)
  const conditions = ns.status?.conditions ?? []
  if (conditions.length > 0) {
    w.write(LEVEL_0, 'Conditions:\n')
    w.write(LEVEL_1, 'Type\tStatus\tLastTransitionTime\tReason\tMessage\n')
    w.write(LEVEL_1, '----\t------\t------------------\t------\t-------\n')
    for (const c of conditions) {
      w.write(LEVEL_1, `${c.type}\t${c.status}\t${rfc1123z(c.lastTransitionTime)}\t${c.reason ?? ''}\t${c.message ?? ''}\n`)
    }
  }
  w.write(LEVEL_0, '\n')
  w.write(LEVEL_0, 'No resource quota.\n')
  w.write(LEVEL_0, '\n')
  w.write(LEVEL_0, 'No LimitRange resource.\n')
  return w.toString()
}
