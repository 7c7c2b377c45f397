// The cluster's profile: the settings `ksim cluster create` was given, kept in the state file so that
// the CLI and the reconciler read the same values. Not an API kind: users never see it.
import type {Backend} from '../store/backend.js'

import type {ApiSettings} from './strategy.js'

export interface ClusterProfile {
  name: string
  nodes: number
  nodeCpu: string
  nodeMemory: string
  maxPods: number
  /** kube-apiserver --allow-privileged */
  allowPrivileged: boolean
  /** kube-controller-manager --node-monitor-grace-period, in seconds */
  nodeMonitorGracePeriodSeconds: number
  /** simulated runtime timings, in milliseconds */
  imagePullMs: number
  containerStartMs: number
  readyAfterMs: number
  /** kube-controller-manager --terminated-pod-gc-threshold: finished pods kept before the oldest go (0: all kept) */
  terminatedPodGCThreshold: number
  /** how long events live (kube-apiserver --event-ttl), seconds */
  eventTTLSeconds: number
  /** reconciler exits after this long with nothing pending, seconds */
  reconcilerIdleSeconds: number
  /** the cluster CA certificate (PEM) published in every namespace's kube-root-ca.crt; absent in clusters made before ksim had one */
  rootCACert?: string
  /** failure domains the nodes are spread over (topology.kubernetes.io/zone); 0 or absent: no zone labels */
  zones?: number
  /** whether the system PriorityClasses were created (absent in clusters made before ksim served PriorityClass) */
  systemPriorityClasses?: boolean
  /** the Kubernetes version the nodes were brought to (cluster/kubernetes-version.ts); absent in clusters made before v1.35 */
  kubernetesVersion?: string
  /** whether the RuntimeClass ksim-process was created (absent in clusters made before ksim had the process runtime) */
  processRuntimeClass?: boolean
  /** whether the bootstrap RBAC objects (cluster-admin) were created (absent in clusters made before ksim served RBAC) */
  bootstrapRBAC?: boolean
  /** the runtime handler of pods that name no RuntimeClass (`ksim cluster create --runtime`); absent: runc, the simulated runtime */
  defaultRuntimeHandler?: string
}

export const defaultProfile: Omit<ClusterProfile, 'name'> = {
  nodes: 3,
  nodeCpu: '4',
  nodeMemory: '8Gi',
  maxPods: 110,
  allowPrivileged: true,
  nodeMonitorGracePeriodSeconds: 50,
  imagePullMs: 300,
  containerStartMs: 200,
  readyAfterMs: 200,
  terminatedPodGCThreshold: 12500,
  eventTTLSeconds: 3600,
  reconcilerIdleSeconds: 300,
}

const KEY = {kind: 'ksim.io/ClusterProfile', namespace: '', name: 'cluster'}

export function readProfile(store: Backend): ClusterProfile | undefined {
  const sv = store.get<ClusterProfile>(KEY)
  return sv ? {...defaultProfile, ...sv.value} : undefined
}

export function writeProfile(store: Backend, profile: ClusterProfile): void {
  const cur = store.get<ClusterProfile>(KEY)
  if (cur) store.update(KEY, cur.rev, () => profile)
  else store.create(KEY, () => profile)
}

/** The API server settings a profile implies. */
export function apiSettingsOf(p: ClusterProfile | undefined): Partial<ApiSettings> {
  return p ? {allowPrivileged: p.allowPrivileged, rootCACert: p.rootCACert} : {}
}
