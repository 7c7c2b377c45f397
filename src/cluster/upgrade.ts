// Bringing a state file written by an older ksim up to what this one expects. Clusters made before ksim
// had a CA have none in their profile, and their namespaces have no `default` ServiceAccount and no
// `kube-root-ca.crt`: ServiceAccount admission would refuse every pod until the reconciler put them
// there. The first command (or reconciler) that opens such a cluster adds all of it in one transaction.
import {Api} from '../api/server.js'
import {isStatusError} from '../api/errors.js'
import {lookupKind} from '../api/registry.js'
import {namespaceCompanions} from '../api/kinds/namespace-companions.js'
import {apiSettingsOf, readProfile, writeProfile, type ClusterProfile} from '../api/cluster-profile.js'
import type {Store} from '../store/sqlite-store.js'
import {generateRootCA} from './root-ca.js'

/** Whether `profile` predates something upgradeCluster adds. */
export function needsUpgrade(profile: ClusterProfile | undefined): profile is ClusterProfile {
  return profile !== undefined && !profile.rootCACert
}

/**
 * Gives an older cluster its CA and every Active namespace its default ServiceAccount and
 * kube-root-ca.crt ConfigMap, atomically; returns the profile as stored afterwards. Another process
 * that upgraded first wins: its CA is kept. Throws what the store throws (a read-only or locked file).
 */
export function upgradeCluster(store: Store, now: Date): ClusterProfile | undefined {
  return store.transaction(() => {
    const profile = readProfile(store)
    if (!needsUpgrade(profile)) return profile
    const upgraded: ClusterProfile = {...profile, rootCACert: generateRootCA(now)}
    writeProfile(store, upgraded)
    const api = new Api(store, {clock: {now: () => now}, settings: apiSettingsOf(upgraded)})
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
