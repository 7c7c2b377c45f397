// describe priorityclass (kubectl's PriorityClassDescriber): name, value, globalDefault, preemption
// policy, description, annotations on one line, then events.
import type {KObject} from '../../api/types.js'

import {formatLabels} from '../table/index.js'
import {endWithEvents} from './events.js'
import type {DescribeContext} from './pod.js'
import {LEVEL_0, PrefixWriter} from './prefix-writer.js'

/** kubectl describe priorityclass. */
export function describePriorityClass(obj: KObject, ctx: DescribeContext): string {
  const w = new PrefixWriter()
  w.write(LEVEL_0, `Name:\t${obj.metadata.name ?? ''}\n`)
  w.write(LEVEL_0, `Value:\t${(obj.value as number | undefined) ?? 0}\n`)
  w.write(LEVEL_0, `GlobalDefault:\t${obj.globalDefault === true}\n`)
  w.write(LEVEL_0, `PreemptionPolicy:\t${(obj.preemptionPolicy as string | undefined) ?? ''}\n`)
  w.write(LEVEL_0, `Description:\t${(obj.description as string | undefined) ?? ''}\n`)
  w.write(LEVEL_0, `Annotations:\t${formatLabels(obj.metadata.annotations as Record<string, string> | undefined)}\n`)
  return endWithEvents(w, ctx)
}
