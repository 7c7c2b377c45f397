// describe replicaset (ReplicaSetDescriber): identity, selector, owner, replica and pod-phase counts,
// the pod template, conditions and events.
import type {LabelSelector} from 'kubernetes-types/meta/v1.js'
import type {KObject} from '../../api/types.js'
import type {DescribeContext} from './pod.js'

import {selectorString} from '../../machinery/labels.js'
import {printAnnotationsMultiline, printLabelsMultiline, printWorkloadConditions} from './common.js'
import {endWithEvents} from './events.js'
import {describePodTemplate, type PodTemplate} from './pod-template.js'
import {LEVEL_0, PrefixWriter} from './prefix-writer.js'

/** `Running / Waiting / Succeeded / Failed` counts of the pods the set controls (ctx.pods). */
export function podPhases(rs: KObject, pods: KObject[]): string {
  const counts: Record<string, number> = {Running: 0, Pending: 0, Succeeded: 0, Failed: 0}
  for (const p of pods) {
    if (!(p.metadata.ownerReferences ?? []).some((r) => r.controller && r.uid === rs.metadata.uid)) continue
    const phase = (p.status as {phase?: string} | undefined)?.phase ?? ''
    if (phase in counts) counts[phase]++
  }
  return `${counts.Running} Running / ${counts.Pending} Waiting / ${counts.Succeeded} Succeeded / ${counts.Failed} Failed`
}

/** kubectl describe replicaset. */
export function describeReplicaSet(obj: KObject, ctx: DescribeContext): string {
  const spec = (obj.spec ?? {}) as {replicas?: number; selector?: LabelSelector; template?: PodTemplate}
  const st = (obj.status ?? {}) as {replicas?: number; conditions?: {type: string; status: string; reason?: string}[]}
  const w = new PrefixWriter()
  w.write(LEVEL_0, `Name:\t${obj.metadata.name ?? ''}\n`)
  w.write(LEVEL_0, `Namespace:\t${obj.metadata.namespace ?? ''}\n`)
  w.write(LEVEL_0, `Selector:\t${selectorString(spec.selector) || '<none>'}\n`)
  printLabelsMultiline(w, 'Labels', obj.metadata.labels)
  printAnnotationsMultiline(w, 'Annotations', obj.metadata.annotations)
  const controller = (obj.metadata.ownerReferences ?? []).find((r) => r.controller)
  if (controller) w.write(LEVEL_0, `Controlled By:\t${controller.kind}/${controller.name}\n`)
  w.write(LEVEL_0, `Replicas:\t${st.replicas ?? 0} current / ${spec.replicas ?? 0} desired\n`)
  w.write(LEVEL_0, `Pods Status:\t${podPhases(obj, ctx.pods ?? [])}\n`)
  describePodTemplate(spec.template, w)
  printWorkloadConditions(w, st.conditions)
  return endWithEvents(w, ctx)
}
