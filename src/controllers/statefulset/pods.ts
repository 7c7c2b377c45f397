// A StatefulSet's pods (stateful_set_utils.go): the ordinal in `<set>-<ordinal>`, the identity labels
// (statefulset.kubernetes.io/pod-name, apps.kubernetes.io/pod-index), hostname and subdomain, the
// claim volumes of volumeClaimTemplates (`<claim>-<set>-<ordinal>`), the revision label, and the health
// tests the controller waits on.
import type {KObject, ObjectOf} from '../../api/types.js'

import {clone} from '../../api/meta.js'
import {controllerRefFor, isPodAvailable, isPodReady} from '../deployment/workload-pods.js'

export type PodObject = ObjectOf<'Pod'>

export const POD_NAME_LABEL = 'statefulset.kubernetes.io/pod-name'
export const POD_INDEX_LABEL = 'apps.kubernetes.io/pod-index'
export const REVISION_LABEL = 'controller-revision-hash'

/** The spec fields the controller reads. */
export interface StatefulSetSpec {
  replicas?: number
  serviceName?: string
  podManagementPolicy?: string
  minReadySeconds?: number
  revisionHistoryLimit?: number
  ordinals?: {start?: number}
  updateStrategy?: {type?: string; rollingUpdate?: {partition?: number}}
  volumeClaimTemplates?: {metadata?: {name?: string}}[]
  template?: {metadata?: {labels?: Record<string, string>; annotations?: Record<string, string>; finalizers?: string[]}; spec?: Record<string, unknown>}
}

export const specOf = (set: KObject): StatefulSetSpec => (set.spec ?? {}) as StatefulSetSpec
export const startOrdinal = (set: KObject): number => specOf(set).ordinals?.start ?? 0

const ORDINAL = /^(.*)-([0-9]+)$/

/** getParentNameAndOrdinal: the set name and ordinal a pod's name holds, or ordinal -1. */
export function parentAndOrdinal(pod: KObject): {parent: string; ordinal: number} {
  const m = ORDINAL.exec(pod.metadata.name ?? '')
  if (!m) return {parent: '', ordinal: -1}
  const n = Number(m[2])
  return {parent: m[1], ordinal: n <= 2147483647 ? n : -1}
}

export const podName = (set: KObject, ordinal: number): string => `${set.metadata.name}-${ordinal}`
export const revisionOfPod = (pod: KObject): string => pod.metadata.labels?.[REVISION_LABEL] ?? ''

/** identityMatches: the name, namespace and identity labels a member of the set has. */
export function identityMatches(set: KObject, pod: KObject): boolean {
  const {parent, ordinal} = parentAndOrdinal(pod)
  const labels = pod.metadata.labels ?? {}
  return (
    ordinal >= 0 &&
    parent === set.metadata.name &&
    pod.metadata.namespace === set.metadata.namespace &&
    labels[POD_NAME_LABEL] === pod.metadata.name &&
    labels[POD_INDEX_LABEL] === String(ordinal)
  )
}

/** The identity labels, set in place (updateIdentity's metadata part). */
export function setIdentityLabels(pod: KObject, ordinal: number): void {
  pod.metadata.labels = {...pod.metadata.labels, [POD_NAME_LABEL]: pod.metadata.name!, [POD_INDEX_LABEL]: String(ordinal)}
}

/** updateStorage: a persistentVolumeClaim volume per claim template, replacing same-named volumes. */
function claimVolumes(set: KObject, ordinal: number, volumes: {name: string}[]): {name: string}[] {
  const claims = specOf(set).volumeClaimTemplates ?? []
  if (claims.length === 0) return volumes
  const names = new Set(claims.map((c) => c.metadata?.name ?? ''))
  const fromClaims = claims.map((c) => ({name: c.metadata?.name ?? '', persistentVolumeClaim: {claimName: `${c.metadata?.name ?? ''}-${set.metadata.name}-${ordinal}`}}))
  return [...fromClaims, ...volumes.filter((v) => !names.has(v.name))]
}

/**
 * newVersionedStatefulSetPod: the pod at `ordinal` from `set`'s template (the template of the revision
 * it is built at), named, labelled with its identity and `revision`, owned by `owner`.
 */
export function newStatefulSetPod(owner: KObject, set: KObject, revision: string, ordinal: number): KObject {
  const template = specOf(set).template ?? {}
  const name = podName(owner, ordinal)
  const spec = clone(template.spec ?? {}) as {hostname?: string; subdomain?: string; volumes?: {name: string}[]}
  spec.hostname = name
  const service = specOf(owner).serviceName
  if (service) spec.subdomain = service
  const volumes = claimVolumes(owner, ordinal, spec.volumes ?? [])
  if (volumes.length > 0) spec.volumes = volumes
  const pod: KObject = {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name,
      namespace: owner.metadata.namespace,
      labels: {...template.metadata?.labels, [REVISION_LABEL]: revision},
      ...(template.metadata?.annotations ? {annotations: clone(template.metadata.annotations)} : {}),
      ...(template.metadata?.finalizers ? {finalizers: [...template.metadata.finalizers]} : {}),
      ownerReferences: [controllerRefFor(owner)],
    },
    spec,
  }
  setIdentityLabels(pod, ordinal)
  return pod
}

export const isTerminating = (pod: KObject): boolean => Boolean(pod.metadata.deletionTimestamp)
export const phaseOf = (pod: PodObject): string => pod.status?.phase ?? ''

/** isRunningAndReady. */
export const isRunningAndReady = (pod: PodObject): boolean => phaseOf(pod) === 'Running' && isPodReady(pod)

/** isRunningAndAvailable. */
export const isRunningAndAvailable = (pod: PodObject, minReadySeconds: number, now: Date): boolean => phaseOf(pod) === 'Running' && isPodAvailable(pod, minReadySeconds, now)

/** isHealthy: running, ready and not being deleted. */
export const isHealthy = (pod: PodObject): boolean => isRunningAndReady(pod) && !isTerminating(pod)
