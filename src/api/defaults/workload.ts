// Defaulting for apps/v1 workloads (apps/v1 defaults.go): replicas, strategy, history and deadline,
// and the pod template's spec defaults — the PodSpec ones only, never the admission-time fields a
// Pod gets (service account, priority, default tolerations, enableServiceLinks).
import type {PodSpec, PodTemplateSpec} from 'kubernetes-types/core/v1.js'
import type {ApiSettings} from '../strategy.js'

import {defaultPod} from './pod.js'
import {sortKeysDeep, fieldsOf} from '../../machinery/sort-keys.js'
import {dropDisabledPodSpecFields} from '../schema/drop-disabled.js'

// fields defaultPod adds that a template does not get (they come from Pod defaulting or admission)
const POD_ONLY_FIELDS = ['serviceAccountName', 'serviceAccount', 'priority', 'preemptionPolicy', 'enableServiceLinks'] as const

/** SetDefaults_PodSpec (and its containers) on a pod template, in place. */
export function defaultPodTemplate(template: PodTemplateSpec | undefined, settings: ApiSettings): void {
  if (!template) return
  const spec = (template.spec ?? {containers: []}) as PodSpec
  dropDisabledPodSpecFields(spec)
  const given = new Set(Object.keys(spec).filter((k) => fieldsOf(spec)[k] !== undefined))
  const tolerations = spec.tolerations
  const pod = {spec} as {spec: PodSpec}
  defaultPod(pod as never, settings)
  const out = fieldsOf(pod.spec)
  for (const k of POD_ONLY_FIELDS) if (!given.has(k)) delete out[k]
  if (tolerations === undefined) delete out.tolerations
  else out.tolerations = tolerations
  template.spec = sortKeysDeep(pod.spec)
}

interface WorkloadSpec {
  replicas?: number
  template?: PodTemplateSpec
  revisionHistoryLimit?: number
  progressDeadlineSeconds?: number
  strategy?: {type?: string; rollingUpdate?: {maxSurge?: number | string; maxUnavailable?: number | string}}
}

/** SetDefaults_ReplicaSet: one replica. */
export function defaultReplicaSetSpec(spec: WorkloadSpec, settings: ApiSettings): void {
  spec.replicas ??= 1
  defaultPodTemplate(spec.template, settings)
}

/** SetDefaults_Deployment: 1 replica, RollingUpdate 25%/25%, 10 revisions kept, 600 s deadline. */
export function defaultDeploymentSpec(spec: WorkloadSpec, settings: ApiSettings): void {
  spec.replicas ??= 1
  const strategy = (spec.strategy ??= {})
  strategy.type ||= 'RollingUpdate'
  if (strategy.type === 'RollingUpdate') {
    const ru = (strategy.rollingUpdate ??= {})
    ru.maxUnavailable ??= '25%'
    ru.maxSurge ??= '25%'
  }
  spec.revisionHistoryLimit ??= 10
  spec.progressDeadlineSeconds ??= 600
  defaultPodTemplate(spec.template, settings)
}
