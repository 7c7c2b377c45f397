// describe deployment (DeploymentDescriber): identity, selector, the replica summary line, strategy,
// the pod template, conditions, the old and new ReplicaSets, and events.
import type {LabelSelector} from 'kubernetes-types/meta/v1.js'
import type {KObject} from '../../api/types.js'
import type {DescribeContext} from './pod.js'

import {rfc1123z} from '../timestamps.js'
import {selectorString} from '../../machinery/labels.js'
import {printAnnotationsMultiline, printLabelsMultiline, printWorkloadConditions} from './common.js'
import {endWithEvents} from './events.js'
import {describePodTemplate, type PodTemplate} from './pod-template.js'
import {LEVEL_0, PrefixWriter} from './prefix-writer.js'

/** What describe deployment needs besides the Deployment: the ReplicaSets it controls. */
export type WorkloadDescribeContext = DescribeContext & {replicaSets?: KObject[]}

interface DeploymentShape {
  spec?: {
    replicas?: number
    minReadySeconds?: number
    selector?: LabelSelector
    strategy?: {type?: string; rollingUpdate?: {maxSurge?: number | string; maxUnavailable?: number | string}}
    template?: PodTemplate
  }
  status?: {replicas?: number; updatedReplicas?: number; availableReplicas?: number; unavailableReplicas?: number; conditions?: {type: string; status: string; reason?: string}[]}
}

const replicasOf = (rs: KObject): number => (rs.spec as {replicas?: number} | undefined)?.replicas ?? 0
const HASH = 'pod-template-hash'

// EqualIgnoreHash: the template without its pod-template-hash label
function templateKey(t: PodTemplate | undefined): string {
  const labels = {...(t?.metadata?.labels ?? {})}
  delete labels[HASH]
  const sort = (v: unknown): unknown =>
    Array.isArray(v) ? v.map(sort) : v && typeof v === 'object' ? Object.fromEntries(Object.keys(v).sort().map((k) => [k, sort((v as Record<string, unknown>)[k])])) : v
  return JSON.stringify(sort({...t, metadata: {...t?.metadata, labels}}))
}

// printReplicaSetsByLabels
function rsList(sets: KObject[]): string {
  if (sets.length === 0) return '<none>'
  return sets.map((rs) => `${rs.metadata.name} (${(rs.status as {replicas?: number} | undefined)?.replicas ?? 0}/${replicasOf(rs)} replicas created)`).join(', ')
}

/** kubectl describe deployment. */
export function describeDeployment(obj: KObject, ctx: WorkloadDescribeContext): string {
  const d = obj as DeploymentShape
  const spec = d.spec ?? {}
  const st = d.status ?? {}
  const w = new PrefixWriter()
  w.write(LEVEL_0, `Name:\t${obj.metadata.name ?? ''}\n`)
  w.write(LEVEL_0, `Namespace:\t${obj.metadata.namespace ?? ''}\n`)
  w.write(LEVEL_0, `CreationTimestamp:\t${rfc1123z(obj.metadata.creationTimestamp)}\n`)
  printLabelsMultiline(w, 'Labels', obj.metadata.labels)
  printAnnotationsMultiline(w, 'Annotations', obj.metadata.annotations)
  w.write(LEVEL_0, `Selector:\t${selectorString(spec.selector)}\n`)
  w.write(LEVEL_0, `Replicas:\t${spec.replicas ?? 0} desired | ${st.updatedReplicas ?? 0} updated | ${st.replicas ?? 0} total | ${st.availableReplicas ?? 0} available | ${st.unavailableReplicas ?? 0} unavailable\n`)
  w.write(LEVEL_0, `StrategyType:\t${spec.strategy?.type ?? ''}\n`)
  w.write(LEVEL_0, `MinReadySeconds:\t${spec.minReadySeconds ?? 0}\n`)
  const ru = spec.strategy?.rollingUpdate
  if (ru) w.write(LEVEL_0, `RollingUpdateStrategy:\t${ru.maxUnavailable ?? 0} max unavailable, ${ru.maxSurge ?? 0} max surge\n`)
  describePodTemplate(spec.template, w)
  printWorkloadConditions(w, st.conditions)
  const sets = ctx.replicaSets ?? []
  const want = templateKey(spec.template)
  const newRS = sets.find((rs) => templateKey((rs.spec as {template?: PodTemplate}).template) === want)
  // kubectl 1.35 lists every old ReplicaSet, those scaled to 0 too (GetAllReplicaSetsInChunks' allOldRSes)
  const olds = sets.filter((rs) => rs !== newRS)
  if (olds.length > 0 || newRS) {
    w.write(LEVEL_0, `OldReplicaSets:\t${rsList(olds)}\n`)
    w.write(LEVEL_0, `NewReplicaSet:\t${rsList(newRS ? [newRS] : [])}\n`)
  }
  return endWithEvents(w, ctx)
}
