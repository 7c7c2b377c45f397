// DescribePodTemplate: the `Pod Template:` block of describe deployment / replicaset — labels,
// annotations, containers and volumes indented under it, node selectors and tolerations.
import type {Pod, PodSpec} from '../../api/types.js'

import {printAnnotationsMultiline, printLabelsMultiline, printTolerationsMultiline} from './common.js'
import {describeContainers} from './containers.js'
import {LEVEL_0, LEVEL_1, type PrefixWriter} from './prefix-writer.js'
import {describeVolumes} from './volumes.js'

/** A pod template as workloads carry it. */
export interface PodTemplate {
  metadata?: {labels?: Record<string, string>; annotations?: Record<string, string>}
  spec?: PodSpec
}

/** Writes the `Pod Template:` section. */
export function describePodTemplate(template: PodTemplate | undefined, w: PrefixWriter): void {
  w.write(LEVEL_0, 'Pod Template:\n')
  if (!template) {
    w.write(LEVEL_1, '<unset>')
    return
  }
  const spec = template.spec ?? ({containers: []} as PodSpec)
  const pod = {metadata: template.metadata ?? {}, spec} as Pod
  printLabelsMultiline(w, '  Labels', template.metadata?.labels)
  if (Object.keys(template.metadata?.annotations ?? {}).length > 0) printAnnotationsMultiline(w, '  Annotations', template.metadata?.annotations)
  if (spec.serviceAccountName) w.write(LEVEL_1, `Service Account:\t${spec.serviceAccountName}\n`)
  if ((spec.initContainers ?? []).length > 0) describeContainers('Init Containers', spec.initContainers!, [], pod, w, '  ')
  describeContainers('Containers', spec.containers ?? [], [], pod, w, '  ')
  describeVolumes(spec.volumes, w, '  ')
  if (spec.priorityClassName) w.write(LEVEL_1, `Priority Class Name:\t${spec.priorityClassName}\n`)
  printLabelsMultiline(w, '  Node-Selectors', spec.nodeSelector)
  printTolerationsMultiline(w, '  Tolerations', spec.tolerations)
}
