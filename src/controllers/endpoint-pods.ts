// What the endpoints and EndpointSlice controllers share (endpointslice utils): which pods back a
// Service, whether a pod belongs in its endpoints at all, and the container port a targetPort names.
import type {Pod, Service, ServicePort} from 'kubernetes-types/core/v1.js'
import type {ObjectCache, ObjectChange} from './types.js'

import {objectKey} from './keys.js'

/** Services the controllers manage: those with a non-empty selector (others are left to their owners). */
export function selectedServices(cache: ObjectCache): Service[] {
  return cache.list('Service').filter(isManaged)
}

/** Whether the controllers manage a Service's endpoints: a non-empty selector, not ExternalName. */
export const isManaged = (s: Service): boolean => Object.keys(s.spec?.selector ?? {}).length > 0 && s.spec?.type !== 'ExternalName'

const selects = (svc: Service, labels: Record<string, string> = {}): boolean => Object.entries(svc.spec?.selector ?? {}).every(([k, v]) => labels[k] === v)

/** The pods in the Service's namespace whose labels carry every selector pair. */
export function podsForService(cache: ObjectCache, svc: Service): Pod[] {
  return cache.list('Pod', svc.metadata?.namespace).filter((p) => selects(svc, p.metadata?.labels))
}

/** The keys of the managed Services of a changed pod's namespace that select it as it is or as it was. */
export function servicesOfPod(c: ObjectChange, cache: ObjectCache): string[] {
  const keys: string[] = []
  for (const svc of cache.list('Service', c.namespace)) {
    if (!isManaged(svc)) continue
    if (selects(svc, c.object?.metadata.labels) || (c.previous && selects(svc, c.previous.metadata.labels))) keys.push(objectKey(c.namespace, svc.metadata!.name!))
  }
  return keys
}

/** podutil.IsPodReady: the Ready condition is True. */
export function isPodReady(pod: Pod): boolean {
  return (pod.status?.conditions ?? []).some((c) => c.type === 'Ready' && c.status === 'True')
}

/** ShouldPodBeInEndpoints: not terminal, has an IP, and (unless asked to keep them) not terminating. */
export function shouldPodBeInEndpoints(pod: Pod, includeTerminating: boolean): boolean {
  const phase = pod.status?.phase
  if (phase === 'Succeeded' || phase === 'Failed') return false
  if (!pod.status?.podIP && !(pod.status?.podIPs ?? []).length) return false
  if (!includeTerminating && pod.metadata?.deletionTimestamp) return false
  return true
}

/** podutil.FindPort: a numeric targetPort as is, a named one from the containers' ports (same protocol). */
export function findPort(pod: Pod, sp: ServicePort): number | undefined {
  const tp = sp.targetPort as number | string | undefined
  if (typeof tp === 'number') return tp
  if (tp === undefined || tp === '') return sp.port
  if (/^\d+$/.test(tp)) return Number(tp)
  for (const c of pod.spec?.containers ?? []) {
    for (const p of c.ports ?? []) if (p.name === tp && (p.protocol ?? 'TCP') === (sp.protocol ?? 'TCP')) return p.containerPort
  }
  return undefined
}

/** The pod's first IP. */
export const podIP = (pod: Pod): string => pod.status?.podIP ?? pod.status?.podIPs?.[0]?.ip ?? ''

/** The targetRef every address carries. */
export function podRef(pod: Pod): Record<string, string> {
  return {kind: 'Pod', name: pod.metadata!.name!, namespace: pod.metadata!.namespace!, uid: pod.metadata!.uid!}
}

/** Byte-wise string order, as Go sorts strings. */
export const byteOrder = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0)

/** JSON with object keys sorted: a stable value to compare desired and stored state. */
export function canonical(v: unknown): string {
  return JSON.stringify(v, (_k, val: unknown) =>
    val && typeof val === 'object' && !Array.isArray(val) ? Object.fromEntries(Object.entries(val as Record<string, unknown>).sort(([a], [b]) => byteOrder(a, b))) : val,
  )
}

/** The annotation both controllers stamp on what they write: when the change that caused the write happened. */
export const TRIGGER_TIME_ANNOTATION = 'endpoints.kubernetes.io/last-change-trigger-time'

/**
 * TriggerTimeTracker, level-triggered: the latest of the Service's creation and its pods' Ready
 * transitions (creation for pods without one), as RFC 3339 text.
 */
export function lastChangeTriggerTime(svc: Service, pods: Pod[]): string {
  const times = [svc.metadata?.creationTimestamp ?? '']
  for (const p of pods) {
    const ready = (p.status?.conditions ?? []).find((c) => c.type === 'Ready')
    times.push(ready?.lastTransitionTime ?? p.metadata?.creationTimestamp ?? '')
  }
  return times.filter(Boolean).sort().at(-1) ?? ''
}
