// kube-controller-manager's serviceaccount controller and root-ca-cert-publisher in one: every Active
// namespace keeps a `default` ServiceAccount and a `kube-root-ca.crt` ConfigMap holding the cluster CA.
// The API creates both with the namespace; this puts them back when someone deletes them, restores the
// ConfigMap's data and description when edited, and fills in namespaces of clusters older than the CA.
import type {KObject} from '../api/types.js'
import type {Controller, ControllerContext, ObjectCache, ReconcileResult, Watch} from './types.js'
import {keysOf} from './keys.js'

import {isStatusError} from '../api/errors.js'
import {lookupKind} from '../api/registry.js'
import {DEFAULT_SERVICE_ACCOUNT, ROOT_CA_CONFIGMAP, ROOT_CA_DESCRIPTION, defaultServiceAccount, rootCAConfigMap} from '../api/kinds/namespace-companions.js'

const DESCRIPTION = 'kubernetes.io/description'

// a namespace that started terminating in the meantime refuses new objects; another writer may have won
function createIgnoringRaces(ctx: ControllerContext, obj: KObject): void {
  try {
    ctx.api.create(obj)
  } catch (error) {
    if (!isStatusError(error, 'AlreadyExists') && !isStatusError(error, 'Forbidden') && !isStatusError(error, 'NotFound')) throw error
  }
}

/** Keeps each namespace's default ServiceAccount and kube-root-ca.crt ConfigMap in place. */
export class ServiceAccountController implements Controller {
  readonly name = 'serviceaccount'
  // a namespace's key is its name; its default ServiceAccount and root CA ConfigMap wake it
  readonly watches: readonly Watch[] = [
    {kind: 'Namespace'},
    {kind: 'ServiceAccount', map: (c) => (c.name === DEFAULT_SERVICE_ACCOUNT ? [c.namespace] : [])},
    {kind: 'ConfigMap', map: (c) => (c.name === ROOT_CA_CONFIGMAP ? [c.namespace] : [])},
  ]

  keys(cache: ObjectCache): string[] {
    return keysOf(cache, 'Namespace')
  }

  reconcile(ctx: ControllerContext, name: string): ReconcileResult {
    const pem = ctx.api.settings.rootCACert
    const ns = ctx.cache.get('Namespace', '', name)
    if (!ns || ns.metadata.deletionTimestamp || (ns.status as {phase?: string} | undefined)?.phase !== 'Active') return {}
    if (!ctx.cache.get('ServiceAccount', name, DEFAULT_SERVICE_ACCOUNT)) createIgnoringRaces(ctx, defaultServiceAccount(name))
    if (!pem) return {}
    const cm = ctx.cache.get('ConfigMap', name, ROOT_CA_CONFIGMAP)
    if (!cm) {
      createIgnoringRaces(ctx, rootCAConfigMap(name, pem))
      return {}
    }
    // the publisher rewrites data that differs and a missing description, and leaves the rest alone
    const data = (cm.data ?? {}) as Record<string, string>
    const sameData = Object.keys(data).length === 1 && data['ca.crt'] === pem
    if ((sameData && cm.metadata.annotations?.[DESCRIPTION]) || cm.metadata.deletionTimestamp) return {}
    try {
      ctx.api.modify(lookupKind('v1', 'ConfigMap')!, name, ROOT_CA_CONFIGMAP, (obj) => {
        obj.data = {'ca.crt': pem}
        obj.metadata.annotations = {...obj.metadata.annotations, [DESCRIPTION]: ROOT_CA_DESCRIPTION}
      })
    } catch (error) {
      if (!isStatusError(error, 'NotFound')) throw error
    }
    return {}
  }
}
