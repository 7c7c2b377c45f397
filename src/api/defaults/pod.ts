// What the API server fills into a Pod on create: the v1 defaulting functions (core/v1 defaults.go)
// and the ServiceAccount, Priority and DefaultTolerationSeconds admission plugins.
import type {Container, Pod, PodSpec, Probe, Toleration, Volume} from 'kubernetes-types/core/v1.js'

import type {ApiSettings} from '../strategy.js'

import {parseQuantity} from '../../machinery/quantity.js'
import {defaultPullPolicy} from './image.js'
import {sortKeysDeep, fieldsOf} from '../../machinery/sort-keys.js'

/** The QoS class belongs with the defaults: it is computed from the defaulted pod. */
export {podQOSClass, type QOSClass} from '../../machinery/pod-qos.js'

const SYSTEM_PRIORITIES: Record<string, number> = {'system-node-critical': 2000001000, 'system-cluster-critical': 2000000000}
const FILE_MODE_DEFAULT = 420 // 0644

type Obj = Record<string, unknown>

/** SetDefaults_ResourceList: round up to milli precision and store the canonical form. */
export function canonicalResources(list: Obj | undefined): Obj | undefined {
  if (!list) return list
  const out: Obj = {}
  for (const [name, raw] of Object.entries(list)) {
    const q = parseQuantity(String(raw))
    out[name] = q ? q.roundUpMilli().toString() : raw
  }
  return out
}

function defaultHandler(h: Obj | undefined): void {
  const get = h?.httpGet as Obj | undefined
  if (get) {
    get.path ??= '/'
    get.scheme ??= 'HTTP'
  }
}

function defaultProbe(p: Probe | undefined): void {
  if (!p) return
  p.timeoutSeconds ||= 1
  p.periodSeconds ||= 10
  p.successThreshold ||= 1
  p.failureThreshold ||= 3
  defaultHandler(p as Obj)
  // GRPCAction.service is `+default=""` (and serialised without omitempty): stored as service: ""
  if (p.grpc) p.grpc.service ??= ''
}

/** SetDefaults_Container and the container parts of SetDefaults_Pod. */
function defaultContainer(c: Container, hostNetwork: boolean): void {
  c.imagePullPolicy ||= defaultPullPolicy(c.image ?? '')
  c.terminationMessagePath ||= '/dev/termination-log'
  c.terminationMessagePolicy ||= 'File'
  const res = (c.resources ??= {})
  // limits without requests: requests default to the limits
  if (res.limits) res.requests = {...res.limits, ...res.requests}
  if (res.limits) res.limits = canonicalResources(res.limits) as typeof res.limits
  if (res.requests) res.requests = canonicalResources(res.requests) as typeof res.requests
  for (const port of c.ports ?? []) {
    port.protocol ||= 'TCP'
    if (hostNetwork && !port.hostPort) port.hostPort = port.containerPort
  }
  for (const ev of c.env ?? []) {
    const ref = ev.valueFrom?.fieldRef
    if (ref) ref.apiVersion ||= 'v1'
  }
  defaultProbe(c.livenessProbe)
  defaultProbe(c.readinessProbe)
  defaultProbe(c.startupProbe)
  defaultHandler(c.lifecycle?.postStart as Obj | undefined)
  defaultHandler(c.lifecycle?.preStop as Obj | undefined)
}

/** SetDefaults_Volume and the volume sources' defaults. */
function defaultVolume(v: Volume): void {
  const vol = fieldsOf(v)
  const sources = Object.keys(vol).filter((k) => k !== 'name' && vol[k] != null)
  if (sources.length === 0) v.emptyDir = {}
  if (v.hostPath) v.hostPath.type ??= ''
  for (const src of [v.secret, v.configMap, v.downwardAPI, v.projected]) {
    if (src) src.defaultMode ??= FILE_MODE_DEFAULT
  }
  for (const s of v.projected?.sources ?? []) {
    if (s.serviceAccountToken) s.serviceAccountToken.expirationSeconds ??= 3600
  }
}

/** DefaultTolerationSeconds admission: tolerate not-ready and unreachable unless already tolerated. */
function defaultTolerations(spec: PodSpec, settings: ApiSettings): void {
  const tolerates = (key: string): boolean =>
    (spec.tolerations ?? []).some((t) => (t.key === key || !t.key) && (t.effect === 'NoExecute' || !t.effect))
  const add: Toleration[] = []
  if (!tolerates('node.kubernetes.io/not-ready')) {
    add.push({effect: 'NoExecute', key: 'node.kubernetes.io/not-ready', operator: 'Exists', tolerationSeconds: settings.defaultNotReadyTolerationSeconds})
  }
  if (!tolerates('node.kubernetes.io/unreachable')) {
    add.push({effect: 'NoExecute', key: 'node.kubernetes.io/unreachable', operator: 'Exists', tolerationSeconds: settings.defaultUnreachableTolerationSeconds})
  }
  if (add.length > 0) spec.tolerations = [...(spec.tolerations ?? []), ...add]
}

/**
 * Applies the create-time defaults in place and leaves `spec` with its keys sorted, as kubectl
 * prints it.
 */
export function defaultPod(pod: Pod, settings: ApiSettings): void {
  const spec: PodSpec = (pod.spec ??= {containers: []})
  const hostNetwork = spec.hostNetwork === true
  for (const c of spec.containers ?? []) defaultContainer(c, hostNetwork)
  for (const c of spec.initContainers ?? []) defaultContainer(c, hostNetwork)
  for (const v of spec.volumes ?? []) defaultVolume(v)
  spec.enableServiceLinks ??= true
  spec.dnsPolicy ||= 'ClusterFirst'
  spec.restartPolicy ||= 'Always'
  spec.securityContext ??= {}
  spec.terminationGracePeriodSeconds ??= 30
  spec.schedulerName ||= 'default-scheduler'
  // ServiceAccount admission; the deprecated serviceAccount field mirrors serviceAccountName
  const sa = spec.serviceAccountName || spec.serviceAccount || 'default'
  spec.serviceAccountName = sa
  spec.serviceAccount = sa
  // Priority admission: no PriorityClass objects in ksim beyond the two system classes
  if (spec.priority == null) spec.priority = SYSTEM_PRIORITIES[spec.priorityClassName ?? ''] ?? 0
  spec.preemptionPolicy ||= 'PreemptLowerPriority'
  defaultTolerations(spec, settings)
  pod.spec = sortKeysDeep(spec)
}
