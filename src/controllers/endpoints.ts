// The endpoints controller: one Endpoints object per Service with a selector, named after it, whose
// subsets list the IPs of its ready pods (addresses) and of the not-ready ones (notReadyAddresses),
// grouped by resolved ports. A terminating pod leaves at once; Endpoints of a deleted Service go.
import type {EndpointAddress, EndpointPort, EndpointSubset, Pod, Service} from 'kubernetes-types/core/v1.js'
import type {KObject} from '../api/types.js'
import type {Controller, ControllerContext, ObjectCache, ReconcileResult, Watch} from './types.js'

import {keyOf, keysOf, splitKey} from './keys.js'
import {endpointsType} from '../api/kinds/endpoints.js'
import {byteOrder, canonical, findPort, isPodReady, lastChangeTriggerTime, podIP, isManaged, podRef, podsForService, selectedServices, servicesOfPod, shouldPodBeInEndpoints, TRIGGER_TIME_ANNOTATION} from './endpoint-pods.js'
import {PassWrites} from './writes.js'

/** The Endpoints labels: the Service's, plus the headless marker for clusterIP None. */
export function endpointsLabels(svc: Service): Record<string, string> {
  const labels: Record<string, string> = {...svc.metadata?.labels}
  if (svc.spec?.clusterIP === 'None') labels['service.kubernetes.io/headless'] = ''
  return labels
}

const portKey = (ports: EndpointPort[]): string => canonical(ports)

/** The subsets the Service's pods make (RepackSubsets, then SortSubsets' order). */
export function desiredSubsets(svc: Service, pods: Pod[]): EndpointSubset[] {
  const tolerate = Boolean(svc.spec?.publishNotReadyAddresses)
  const svcPorts = svc.spec?.ports ?? []
  const groups = new Map<string, {ports: EndpointPort[]; ready: EndpointAddress[]; notReady: EndpointAddress[]}>()
  for (const pod of pods) {
    if (!shouldPodBeInEndpoints(pod, tolerate)) continue
    const ports: EndpointPort[] = []
    for (const sp of svcPorts) {
      const port = findPort(pod, sp)
      if (port === undefined) continue
      ports.push({...(sp.name ? {name: sp.name} : {}), port, protocol: sp.protocol ?? 'TCP', ...(sp.appProtocol ? {appProtocol: sp.appProtocol} : {})})
    }
    if (svcPorts.length > 0 && ports.length === 0) continue
    ports.sort((a, b) => byteOrder(a.name ?? '', b.name ?? '') || a.port - b.port)
    const key = portKey(ports)
    const group = groups.get(key) ?? {ports, ready: [], notReady: []}
    groups.set(key, group)
    const address: EndpointAddress = {ip: podIP(pod), ...(pod.spec?.nodeName ? {nodeName: pod.spec.nodeName} : {}), targetRef: podRef(pod)}
    ;(tolerate || isPodReady(pod) ? group.ready : group.notReady).push(address)
  }
  const byIP = (a: EndpointAddress, b: EndpointAddress) => byteOrder(a.ip, b.ip) || byteOrder(a.targetRef?.uid ?? '', b.targetRef?.uid ?? '')
  return [...groups.entries()]
    .sort(([a], [b]) => byteOrder(a, b))
    .map(([, g]) => ({
      ...(g.ready.length > 0 ? {addresses: g.ready.sort(byIP)} : {}),
      ...(g.notReady.length > 0 ? {notReadyAddresses: g.notReady.sort(byIP)} : {}),
      ...(g.ports.length > 0 ? {ports: g.ports} : {}),
    }))
}

/** Keeps each selector Service's Endpoints (its key is the Service's) equal to what its pods make. */
export class EndpointsController implements Controller {
  readonly name = 'endpoints'
  readonly watches: readonly Watch[] = [{kind: 'Service'}, {kind: 'Endpoints'}, {kind: 'Pod', map: servicesOfPod}]

  keys(cache: ObjectCache): string[] {
    return [...new Set([...selectedServices(cache).map((s) => keyOf(s as KObject)), ...keysOf(cache, 'Endpoints')])]
  }

  reconcile(ctx: ControllerContext, key: string): ReconcileResult {
    const writes = new PassWrites(ctx, 'endpoints')
    const attempt = writes.attempt
    const {namespace: ns, name} = splitKey(key)
    const svc = ctx.cache.get('Service', ns, name)
    const current = ctx.cache.get('Endpoints', ns, name)
    // Endpoints whose Service is gone are deleted with it
    if (!svc) {
      if (current) attempt(`delete ${ns}/${name}`, () => ctx.api.delete(endpointsType, ns, name))
      return writes.result()
    }
    if (!isManaged(svc)) return {}
    const pods = podsForService(ctx.cache, svc)
    const subsets = desiredSubsets(svc, pods)
    const labels = endpointsLabels(svc)
    const annotations = {[TRIGGER_TIME_ANNOTATION]: lastChangeTriggerTime(svc, pods)}
    if (!current) {
      const meta = {name, namespace: ns, ...(Object.keys(labels).length > 0 ? {labels} : {}), annotations}
      const obj: KObject = {apiVersion: 'v1', kind: 'Endpoints', metadata: meta, ...(subsets.length > 0 ? {subsets} : {})}
      attempt(`create ${ns}/${name}`, () => ctx.api.create(obj))
      return writes.result()
    }
    const same = canonical(current.subsets ?? []) === canonical(subsets) && canonical(current.metadata.labels ?? {}) === canonical(labels)
    if (same) return {}
    const next: KObject = structuredClone(current)
    if (subsets.length > 0) next.subsets = subsets
    else delete next.subsets
    if (Object.keys(labels).length > 0) next.metadata.labels = labels
    else delete next.metadata.labels
    next.metadata.annotations = {...next.metadata.annotations, ...annotations}
    attempt(`update ${ns}/${name}`, () => ctx.api.update(next))
    return writes.result()
  }
}
