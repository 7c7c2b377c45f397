// Bringing a state file written by an older ksim up to what this one expects. Clusters made before ksim
// had a CA have none in their profile, and their namespaces have no `default` ServiceAccount and no
// `kube-root-ca.crt`: ServiceAccount admission would refuse every pod until the reconciler put them
// there. Clusters made by a ksim that played an older Kubernetes have nodes reporting its kubelet version
// (v1.34.0): they report this one's, as a node does once its kubelet is upgraded. Clusters made before ksim
// served PriorityClass get the two system classes. The first command (or
// reconciler) that opens such a cluster does all of it in one transaction.
import {Api} from '../api/server.js'
import {isStatusError} from '../api/errors.js'
import {lookupKind} from '../api/registry.js'
import {namespaceCompanions} from '../api/kinds/namespace-companions.js'
import {apiSettingsOf, readProfile, writeProfile, type ClusterProfile} from '../api/cluster-profile.js'
import type {Backend} from '../store/backend.js'
import {KUBELET_VERSION, needsUpgrade} from './kubernetes-version.js'
import {generateRootCA} from './root-ca.js'
import {ensureSystemPriorityClasses} from './system-priority-classes.js'
import {ensureBootstrapRBAC} from './bootstrap-rbac.js'
import {ensureProcessRuntimeClass} from './process-runtime-class.js'

export {needsUpgrade} from './kubernetes-version.js'

/**
 * Gives an older cluster its CA and every Active namespace its default ServiceAccount and
 * kube-root-ca.crt ConfigMap, and its nodes this Kubernetes version, atomically; returns the profile as
 * stored afterwards. Another process that upgraded first wins: its CA is kept. Throws what the store throws (a read-only or locked file).
 */
export function upgradeCluster(store: Backend, now: Date): ClusterProfile | undefined {
  return store.transaction(() => {
    const profile = readProfile(store)
    if (!needsUpgrade(profile)) return profile
    const upgraded: ClusterProfile = {...profile, rootCACert: profile.rootCACert ?? generateRootCA(now), kubernetesVersion: KUBELET_VERSION, systemPriorityClasses: true, processRuntimeClass: true, bootstrapRBAC: true}
    writeProfile(store, upgraded)
    const api = new Api(store, {clock: {now: () => now}, settings: apiSettingsOf(upgraded)})
    upgradeNodes(api)
    if (!profile.systemPriorityClasses) ensureSystemPriorityClasses(api)
    if (!profile.processRuntimeClass) ensureProcessRuntimeClass(api)
    if (!profile.bootstrapRBAC) ensureBootstrapRBAC(api)
    if (profile.rootCACert) return upgraded
    for (const ns of api.list(lookupKind('v1', 'Namespace')!, undefined).items) {
      if (ns.metadata.deletionTimestamp || (ns.status as {phase?: string} | undefined)?.phase !== 'Active') continue
      for (const obj of namespaceCompanions(ns.metadata.name!, upgraded.rootCACert)) {
        try {
          api.create(obj)
        } catch (error) {
          if (!isStatusError(error, 'AlreadyExists')) throw error
        }
      }
    }
    return upgraded
  })
}

/** Each node's status.nodeInfo as its kubelet reports it after an upgrade to KUBELET_VERSION. */
function upgradeNodes(api: Api): void {
  for (const node of api.list(lookupKind('v1', 'Node')!, undefined).items) {
    const status = (node.status ?? {}) as {nodeInfo?: {kubeletVersion?: string; kubeProxyVersion?: string}}
    if (status.nodeInfo?.kubeletVersion === KUBELET_VERSION) continue
    // the kubelet leaves kubeProxyVersion empty since 1.31 (it never knew kube-proxy's version)
    api.updateStatus({...node, status: {...status, nodeInfo: {...status.nodeInfo, kubeletVersion: KUBELET_VERSION, kubeProxyVersion: ''}}})
  }
}
