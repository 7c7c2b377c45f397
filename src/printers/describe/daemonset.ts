// describe daemonset (DaemonSetDescriber): selector, node selector, the five node counts (written
// without a tab, so they stand outside the aligned block, as kubectl prints them), pod phases, the pod
// template and events.
import type {LabelSelector} from 'kubernetes-types/meta/v1.js'
import type {KObject} from '../../api/types.js'
import type {DescribeContext} from './pod.js'

import {selectorString} from '../../machinery/labels.js'
import {printAnnotationsMultiline, printLabelsMultiline} from './common.js'
import {endWithEvents} from './events.js'
import {describePodTemplate, type PodTemplate} from './pod-template.js'
import {LEVEL_0, PrefixWriter} from './prefix-writer.js'
import {controlledPodPhases} from './statefulset.js'

/** kubectl describe daemonset. */
export function describeDaemonSet(obj: KObject, ctx: DescribeContext): string {
  const spec = (obj.spec ?? {}) as {selector?: LabelSelector; template?: PodTemplate & {spec?: {nodeSelector?: Record<string, string>}}}
  const s = (obj.status ?? {}) as Record<string, number | undefined>
  const n = (k: string): number => s[k] ?? 0
  const w = new PrefixWriter()
  w.write(LEVEL_0, `Name:\t${obj.metadata.name ?? ''}\n`)
  w.write(LEVEL_0, `Namespace:\t${obj.metadata.namespace ?? ''}\n`)
  w.write(LEVEL_0, `Selector:\t${selectorString(spec.selector)}\n`)
  const nodeSelector = spec.template?.spec?.nodeSelector ?? {}
  const keys = Object.keys(nodeSelector).sort()
  w.write(LEVEL_0, `Node-Selector:\t${keys.length === 0 ? '<none>' : keys.map((k) => `${k}=${nodeSelector[k]}`).join(',')}\n`)
  printLabelsMultiline(w, 'Labels', obj.metadata.labels)
  printAnnotationsMultiline(w, 'Annotations', obj.metadata.annotations)
  w.write(LEVEL_0, `Desired Number of Nodes Scheduled: ${n('desiredNumberScheduled')}\n`)
  w.write(LEVEL_0, `Current Number of Nodes Scheduled: ${n('currentNumberScheduled')}\n`)
  w.write(LEVEL_0, `Number of Nodes Scheduled with Up-to-date Pods: ${n('updatedNumberScheduled')}\n`)
  w.write(LEVEL_0, `Number of Nodes Scheduled with Available Pods: ${n('numberAvailable')}\n`)
  w.write(LEVEL_0, `Number of Nodes Misscheduled: ${n('numberMisscheduled')}\n`)
  w.write(LEVEL_0, `Pods Status:\t${controlledPodPhases(obj, ctx.pods ?? [])}\n`)
  describePodTemplate(spec.template, w)
  return endWithEvents(w, ctx)
}
