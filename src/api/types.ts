// The object shapes the API layer handles. Kubernetes field names verbatim; kinds we model fully use
// the `kubernetes-types` definitions.
import type {ObjectMeta as KtObjectMeta} from 'kubernetes-types/meta/v1.js'

/** ObjectMeta with writable fields (kubernetes-types marks them readonly). */
export type ObjectMeta = {-readonly [K in keyof KtObjectMeta]: KtObjectMeta[K]}
export type {Pod, PodSpec, PodStatus, Container, ContainerStatus, PodCondition, Toleration} from 'kubernetes-types/core/v1.js'
export type {Node, Namespace, Event, ConfigMap, Secret} from 'kubernetes-types/core/v1.js'
import type * as core from 'kubernetes-types/core/v1.js'
import type * as apps from 'kubernetes-types/apps/v1.js'
import type * as coordination from 'kubernetes-types/coordination/v1.js'
import type * as discovery from 'kubernetes-types/discovery/v1.js'
import type * as batch from 'kubernetes-types/batch/v1.js'
import type * as policy from 'kubernetes-types/policy/v1.js'
import type * as scheduling from 'kubernetes-types/scheduling/v1.js'

/** Any Kubernetes object as stored and returned by the API layer. */
export interface KObject {
  apiVersion: string
  kind: string
  metadata: ObjectMeta
  [field: string]: unknown
}

/** The typed shape of each built-in kind: what typed reads (`cache.list('Pod')`, `api.peek('Node', …)`) return. */
export interface KindTypes {
  Pod: core.Pod
  Node: core.Node
  Namespace: core.Namespace
  Service: core.Service
  Endpoints: core.Endpoints
  Event: core.Event
  ConfigMap: core.ConfigMap
  Secret: core.Secret
  ServiceAccount: core.ServiceAccount
  Deployment: apps.Deployment
  ReplicaSet: apps.ReplicaSet
  Lease: coordination.Lease
  EndpointSlice: discovery.EndpointSlice
  Job: batch.Job
  CronJob: batch.CronJob
  StatefulSet: apps.StatefulSet
  DaemonSet: apps.DaemonSet
  ControllerRevision: apps.ControllerRevision
  PodDisruptionBudget: policy.PodDisruptionBudget
  PriorityClass: scheduling.PriorityClass
  ReplicationController: core.ReplicationController
}

/** A stored object of kind `K`: its kubernetes-types shape where ksim models one, and a KObject. */
export type ObjectOf<K extends string> = (K extends keyof KindTypes ? KindTypes[K] : unknown) & KObject

/** A list as kubectl receives it (`kind: List` for mixed kinds, `PodList` etc. for one). */
export interface KList {
  apiVersion: string
  kind: string
  metadata: {resourceVersion?: string}
  items: KObject[]
}

/** A time source; controllers and the API layer never call Date.now() directly. */
export interface Clock {
  /** wall-clock time: what timestamps in objects show */
  now(): Date
  /**
   * a monotonic reading in milliseconds (steps of the wall clock do not move it), for durations and
   * deadlines; the system's is CLOCK_MONOTONIC, which every process on the host shares
   */
  monotonicMs?(): number
}

/** CLOCK_MONOTONIC in milliseconds (process.hrtime): comparable between processes of one boot. */
export function hostMonotonicMs(): number {
  return Number(process.hrtime.bigint() / 1000n) / 1000
}

export const systemClock: Clock = {now: () => new Date(), monotonicMs: hostMonotonicMs}

/** A clock's monotonic reading; a clock without one (a test's fake) counts its wall time as monotonic. */
export function monotonicOf(clock: Clock): number {
  return clock.monotonicMs ? clock.monotonicMs() : clock.now().getTime()
}

/** RFC 3339 in whole seconds, UTC, as metav1.Time marshals. */
export function rfc3339(d: Date): string {
  return d.toISOString().replace(/\.\d{3}Z$/, 'Z')
}

/**
 * Orders names and timestamps as Go compares strings (by code unit). For what Kubernetes allows in
 * names and for RFC 3339 times this is also localeCompare's order, at a fraction of its cost.
 */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}
