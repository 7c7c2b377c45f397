// A kind's strategy: what the API server does to objects of that kind beyond the generic metadata
// rules — defaulting, validation, admission, status on create, and how deletion behaves.
import type {FieldError} from './errors.js'
import type {Clock, KObject, ObjectOf} from './types.js'

/** Cluster-wide API server settings (kube-apiserver flags and admission defaults). */
export interface ApiSettings {
  /** kube-apiserver --allow-privileged (ksim default true, as kubeadm and kind set it) */
  allowPrivileged: boolean
  /** DefaultTolerationSeconds admission: not-ready and unreachable tolerations */
  defaultNotReadyTolerationSeconds: number
  defaultUnreachableTolerationSeconds: number
  /** the cluster CA (PEM) the root-ca-cert-publisher copies into each namespace's kube-root-ca.crt */
  rootCACert?: string
}

export const defaultApiSettings: ApiSettings = {
  allowPrivileged: true,
  defaultNotReadyTolerationSeconds: 300,
  defaultUnreachableTolerationSeconds: 300,
}

/** What strategies may consult: time, settings, and read access to other objects. */
export interface StrategyContext {
  clock: Clock
  settings: ApiSettings
  /** reads another object (e.g. a pod's namespace) without going through admission */
  getObject(kind: string, namespace: string, name: string): KObject | undefined
  /** every stored object of a kind, all namespaces (Service IP and node-port allocation) */
  listObjects?<K extends string>(kind: K): ObjectOf<K>[]
}

export interface AdmissionResult {
  warnings: string[]
}

export interface Strategy {
  /** whether metadata.generation is kept (incremented on spec changes) */
  tracksGeneration?: boolean
  /** applies API defaults; called on create and on update */
  default?(obj: KObject, ctx: StrategyContext): void
  /** fills system-owned fields on create (e.g. status.phase) */
  prepareForCreate?(obj: KObject, ctx: StrategyContext): void
  /** what the status subresource does to a new status before storing it (drop disabled fields) */
  prepareForStatusUpdate?(status: unknown): void
  /** validation of a new object beyond metadata */
  validate?(obj: KObject, ctx: StrategyContext): FieldError[]
  /** validation of an update beyond metadata (immutable fields etc.) */
  validateUpdate?(obj: KObject, old: KObject, ctx: StrategyContext): FieldError[]
  /** admission plugins; throw a StatusError to reject */
  admit?(obj: KObject, op: 'create' | 'update', ctx: StrategyContext): AdmissionResult
  /**
   * The grace period for a delete request, or undefined for immediate removal. `requested` is the
   * request's gracePeriodSeconds (undefined when not sent).
   */
  deleteGracePeriod?(obj: KObject, requested: number | undefined): number | undefined
  /**
   * objects created with a new object in the same transaction (a namespace's default ServiceAccount
   * and kube-root-ca.crt, which Kubernetes' controllers add within milliseconds)
   */
  companions?(obj: KObject, ctx: StrategyContext): KObject[]
  /** fills system-owned fields on update from the stored object (a DaemonSet's template generation) */
  prepareForUpdate?(obj: KObject, old: KObject, ctx: StrategyContext): void
  /** whether a change between old and new counts as a spec change for generation */
  specChanged?(obj: KObject, old: KObject): boolean
}
