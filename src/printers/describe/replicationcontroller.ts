// describe replicationcontroller (ReplicationControllerDescriber): identity, the selector map, labels,
// annotations, replica and pod-phase counts (pods the controller controls that its selector still
// selects), the pod template, conditions and events. Unlike a ReplicaSet, no `Controlled By` line.
import type {KObject} from '../../api/types.js'
import type {DescribeContext} from './pod.js'

import {selectorString} from '../../machinery/labels.js'
import {printAnnotationsMultiline, printLabelsMultiline, printWorkloadConditions} from './common.js'
import {endWithEvents} from './events.js'
import {describePodTemplate, type PodTemplate} from './pod-template.js'
import {LEVEL_0, PrefixWriter} from './prefix-writer.js'
import {podPhases} from './replicaset.js'

interface RCShape {
  spec?: {replicas?: number; selector?: Record<string, string> | null; template?: PodTemplate | null}
  status?: {replicas?: number; conditions?: {type: string; status: string; reason?: string}[]}
}

/** getPodStatusForController's pod list: the namespace's pods the selector map selects. */
function selected(pods: KObject[], selector: Record<string, string>): KObject[] {
  return pods.filter((p) => Object.entries(selector).every(([k, v]) => p.metadata.labels?.[k] === v))
}

/** kubectl describe replicationcontroller. */
export function describeReplicationController(obj: KObject, ctx: DescribeContext): string {
  const {spec = {}, status = {}} = obj as RCShape
  const selector = spec.selector ?? {}
  const w = new PrefixWriter()
  w.write(LEVEL_0, `Name:\t${obj.metadata.name ?? ''}\n`)
  w.write(LEVEL_0, `Namespace:\t${obj.metadata.namespace ?? ''}\n`)
  w.write(LEVEL_0, `Selector:\t${selectorString({matchLabels: selector}) || '<none>'}\n`)
  printLabelsMultiline(w, 'Labels', obj.metadata.labels)
  printAnnotationsMultiline(w, 'Annotations', obj.metadata.annotations)
  w.write(LEVEL_0, `Replicas:\t${status.replicas ?? 0} current / ${spec.replicas ?? 0} desired\n`)
  w.write(LEVEL_0, `Pods Status:\t${podPhases(obj, selected(ctx.pods ?? [], selector))}\n`)
  describePodTemplate(spec.template ?? undefined, w)
  printWorkloadConditions(w, status.conditions)
  return endWithEvents(w, ctx)
}
