// The Kubernetes version ksim plays, and whether a cluster's stored state predates this ksim (a cheap check
// every command makes when it opens a cluster; the upgrade itself is in upgrade.ts).
import type {ClusterProfile} from '../api/cluster-profile.js'

/** What ksim's nodes report as their kubelet version and `version` as the server's. */
export const KUBELET_VERSION = 'v1.35.2'

/**
 * Whether `profile` predates something upgradeCluster adds: a CA (clusters made before ksim had one), or
 * nodes of this Kubernetes version (clusters made by a ksim that played an older one record none or another), or
 * the system PriorityClasses, or the bootstrap RBAC objects.
 */
export function needsUpgrade(profile: ClusterProfile | undefined): profile is ClusterProfile {
  return profile !== undefined && (!profile.rootCACert || profile.kubernetesVersion !== KUBELET_VERSION || !profile.systemPriorityClasses || !profile.processRuntimeClass || !profile.bootstrapRBAC)
}
