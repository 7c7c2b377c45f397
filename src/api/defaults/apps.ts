// Defaulting for the apps/v1 kinds with revision history (apps/v1 defaults.go): StatefulSet (one
// replica, OrderedReady, RollingUpdate with partition 0, 10 revisions, the PVC retention policy
// Retain/Retain, the claim templates' PVC defaults) and DaemonSet (RollingUpdate 1 unavailable /
// 0 surge, 10 revisions), each with the pod template's spec defaults.
import type {PodTemplateSpec} from 'kubernetes-types/core/v1.js'
import type {ApiSettings} from '../strategy.js'

import {defaultPodTemplate} from './workload.js'

interface ClaimTemplate {
  apiVersion?: string
  kind?: string
  metadata?: Record<string, unknown>
  spec?: {volumeMode?: string}
  status?: {phase?: string}
}

/** The StatefulSet spec fields defaulting touches. */
export interface StatefulSetSpecShape {
  replicas?: number
  podManagementPolicy?: string
  updateStrategy?: {type?: string; rollingUpdate?: {partition?: number; maxUnavailable?: number | string} | null}
  revisionHistoryLimit?: number
  persistentVolumeClaimRetentionPolicy?: {whenDeleted?: string; whenScaled?: string}
  volumeClaimTemplates?: ClaimTemplate[]
  template?: PodTemplateSpec
}

/** SetDefaults_PersistentVolumeClaim on an embedded claim template: Filesystem, phase Pending. */
function defaultClaimTemplate(claim: ClaimTemplate): void {
  claim.apiVersion ??= 'v1'
  claim.kind ??= 'PersistentVolumeClaim'
  const spec = (claim.spec ??= {})
  spec.volumeMode ??= 'Filesystem'
  const status = (claim.status ??= {})
  status.phase ||= 'Pending'
}

/** SetDefaults_StatefulSet. */
export function defaultStatefulSetSpec(spec: StatefulSetSpecShape, settings: ApiSettings): void {
  spec.podManagementPolicy ||= 'OrderedReady'
  const strategy = (spec.updateStrategy ??= {})
  strategy.type ||= 'RollingUpdate'
  if (strategy.type === 'RollingUpdate') {
    const ru = (strategy.rollingUpdate ??= {})
    ru.partition ??= 0
  }
  const policy = (spec.persistentVolumeClaimRetentionPolicy ??= {})
  policy.whenDeleted ||= 'Retain'
  policy.whenScaled ||= 'Retain'
  spec.replicas ??= 1
  spec.revisionHistoryLimit ??= 10
  for (const claim of spec.volumeClaimTemplates ?? []) defaultClaimTemplate(claim)
  defaultPodTemplate(spec.template, settings)
}

/** The DaemonSet spec fields defaulting touches. */
export interface DaemonSetSpecShape {
  updateStrategy?: {type?: string; rollingUpdate?: {maxUnavailable?: number | string; maxSurge?: number | string} | null}
  revisionHistoryLimit?: number
  template?: PodTemplateSpec
}

/** SetDefaults_DaemonSet. */
export function defaultDaemonSetSpec(spec: DaemonSetSpecShape, settings: ApiSettings): void {
  const strategy = (spec.updateStrategy ??= {})
  strategy.type ||= 'RollingUpdate'
  if (strategy.type === 'RollingUpdate') {
    const ru = (strategy.rollingUpdate ??= {})
    ru.maxUnavailable ??= 1
    ru.maxSurge ??= 0
  }
  spec.revisionHistoryLimit ??= 10
  defaultPodTemplate(spec.template, settings)
}
