// describe statefulset (StatefulSetDescriber): identity, selector, the replica line, the update
// strategy with its partition, pod phases, the pod template, the volume claim templates, and events.
import type {LabelSelector} from 'kubernetes-types/meta/v1.js'
import type {KObject} from '../../api/types.js'
import type {DescribeContext} from './pod.js'

import {rfc1123z} from '../timestamps.js'
import {selectorString} from '../../machinery/labels.js'
import {printAnnotationsMultiline, printLabelsMultiline, quantityText} from './common.js'
import {endWithEvents} from './events.js'
import {describePodTemplate, type PodTemplate} from './pod-template.js'
import {LEVEL_0, LEVEL_1, PrefixWriter} from './prefix-writer.js'

interface ClaimTemplate {
  metadata?: {name?: string; labels?: Record<string, string>; annotations?: Record<string, string>}
  spec?: {storageClassName?: string; accessModes?: string[]; resources?: {requests?: Record<string, string>}}
}

interface StatefulSetShape {
  replicas?: number
  selector?: LabelSelector
  updateStrategy?: {type?: string; rollingUpdate?: {partition?: number; maxUnavailable?: number | string}}
  template?: PodTemplate
  volumeClaimTemplates?: ClaimTemplate[]
}

/** getPodStatusForController: the phases of the pods `owner` controls. */
export function controlledPodPhases(owner: KObject, pods: KObject[]): string {
  const counts: Record<string, number> = {Running: 0, Pending: 0, Succeeded: 0, Failed: 0}
  for (const p of pods) {
    if (!(p.metadata.ownerReferences ?? []).some((r) => r.controller && r.uid === owner.metadata.uid)) continue
    const phase = (p.status as {phase?: string} | undefined)?.phase ?? ''
    if (phase in counts) counts[phase]++
  }
  return `${counts.Running} Running / ${counts.Pending} Waiting / ${counts.Succeeded} Succeeded / ${counts.Failed} Failed`
}

/** describeVolumeClaimTemplates. */
function describeClaimTemplates(claims: ClaimTemplate[] | undefined, w: PrefixWriter): void {
  if (!claims || claims.length === 0) {
    w.write(LEVEL_0, 'Volume Claims:\t<none>\n')
    return
  }
  w.write(LEVEL_0, 'Volume Claims:\n')
  for (const pvc of claims) {
    w.write(LEVEL_1, `Name:\t${pvc.metadata?.name ?? ''}\n`)
    const storageClass = pvc.metadata?.annotations?.['volume.beta.kubernetes.io/storage-class'] ?? pvc.spec?.storageClassName ?? ''
    w.write(LEVEL_1, `StorageClass:\t${storageClass}\n`)
    printLabelsMultiline(w, 'Labels', pvc.metadata?.labels, '  ')
    printLabelsMultiline(w, 'Annotations', pvc.metadata?.annotations, '  ')
    const storage = pvc.spec?.resources?.requests?.storage
    w.write(LEVEL_1, `Capacity:\t${storage === undefined ? '<default>' : quantityText(storage)}\n`)
    w.write(LEVEL_1, `Access Modes:\t[${(pvc.spec?.accessModes ?? []).join(' ')}]\n`)
  }
}

/** kubectl describe statefulset. */
export function describeStatefulSet(obj: KObject, ctx: DescribeContext): string {
  const spec = (obj.spec ?? {}) as StatefulSetShape
  const st = (obj.status ?? {}) as {replicas?: number}
  const w = new PrefixWriter()
  w.write(LEVEL_0, `Name:\t${obj.metadata.name ?? ''}\n`)
  w.write(LEVEL_0, `Namespace:\t${obj.metadata.namespace ?? ''}\n`)
  w.write(LEVEL_0, `CreationTimestamp:\t${rfc1123z(obj.metadata.creationTimestamp)}\n`)
  w.write(LEVEL_0, `Selector:\t${selectorString(spec.selector)}\n`)
  printLabelsMultiline(w, 'Labels', obj.metadata.labels)
  printAnnotationsMultiline(w, 'Annotations', obj.metadata.annotations)
  w.write(LEVEL_0, `Replicas:\t${spec.replicas ?? 0} desired | ${st.replicas ?? 0} total\n`)
  w.write(LEVEL_0, `Update Strategy:\t${spec.updateStrategy?.type ?? ''}\n`)
  const ru = spec.updateStrategy?.rollingUpdate
  if (ru && ru.partition !== undefined) {
    w.write(LEVEL_1, `Partition:\t${ru.partition}\n`)
    if (ru.maxUnavailable !== undefined) w.write(LEVEL_1, `MaxUnavailable:\t${ru.maxUnavailable}\n`)
  }
  w.write(LEVEL_0, `Pods Status:\t${controlledPodPhases(obj, ctx.pods ?? [])}\n`)
  describePodTemplate(spec.template, w)
  describeClaimTemplates(spec.volumeClaimTemplates, w)
  return endWithEvents(w, ctx)
}
