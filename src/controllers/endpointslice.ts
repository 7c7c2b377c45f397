// The EndpointSlice controller: for each Service with a selector, IPv4 slices named `<service>-<5 chars>`
// (labels kubernetes.io/service-name and managed-by, owned by the Service), one per distinct port
// mapping, whose endpoints carry the ready / serving / terminating conditions of endpointslice utils:
// a terminating pod stays, with ready=false, serving=<its readiness>, terminating=true.
import type {Pod, Service} from 'kubernetes-types/core/v1.js'
import type {KObject} from '../api/types.js'
import type {Controller, ControllerContext, ObjectCache, ReconcileResult, Watch} from './types.js'

import {keyOf, objectKey, splitKey} from './keys.js'

import {endpointSliceType} from '../api/kinds/endpoints.js'
import {byteOrder, canonical, findPort, isManaged, isPodReady, lastChangeTriggerTime, podIP, podRef, podsForService, selectedServices, servicesOfPod, shouldPodBeInEndpoints, TRIGGER_TIME_ANNOTATION} from './endpoint-pods.js'
import {PassWrites} from './writes.js'

/** The label that ties a slice to its Service. */
export const SERVICE_NAME_LABEL = 'kubernetes.io/service-name'
/** The label that says which controller owns a slice. */
export const MANAGED_BY_LABEL = 'endpointslice.kubernetes.io/managed-by'
/** This controller's value of that label. */
export const CONTROLLER_NAME = 'endpointslice-controller.k8s.io'

interface SliceContent {
  ports: Record<string, unknown>[] | null
  endpoints: Record<string, unknown>[] | null
}

/** The slices' contents the Service's pods make, one per port mapping; a placeholder when none. */
export function desiredSlices(svc: Service, pods: Pod[], nodeZone: (node: string) => string | undefined = () => undefined): SliceContent[] {
  const publishNotReady = Boolean(svc.spec?.publishNotReadyAddresses)
  const groups = new Map<string, SliceContent>()
  for (const pod of pods) {
    if (!shouldPodBeInEndpoints(pod, true)) continue
    const ports: Record<string, unknown>[] = []
    for (const sp of svc.spec?.ports ?? []) {
      const port = findPort(pod, sp)
      if (port === undefined) continue
      ports.push({name: sp.name ?? '', port, protocol: sp.protocol ?? 'TCP', ...(sp.appProtocol ? {appProtocol: sp.appProtocol} : {})})
    }
    const key = canonical(ports)
    const group = groups.get(key) ?? {ports, endpoints: []}
    groups.set(key, group)
    const serving = isPodReady(pod)
    const terminating = Boolean(pod.metadata?.deletionTimestamp)
    const node = pod.spec?.nodeName
    const zone = node ? nodeZone(node) : undefined
    group.endpoints!.push({
      addresses: [podIP(pod)],
      conditions: {ready: publishNotReady || (serving && !terminating), serving, terminating},
      ...(node ? {nodeName: node} : {}),
      targetRef: podRef(pod),
      ...(zone ? {zone} : {}),
    })
  }
  if (groups.size === 0) return [{ports: null, endpoints: null}]
  const ip = (e: Record<string, unknown>) => (e.addresses as string[])[0]
  return [...groups.entries()]
    .sort(([a], [b]) => byteOrder(a, b))
    .map(([, g]) => ({ports: g.ports, endpoints: g.endpoints!.sort((a, b) => byteOrder(ip(a), ip(b)))}))
}

/** The labels of the Service's slices. */
export function sliceLabels(svc: Service): Record<string, string> {
  const labels: Record<string, string> = {}
  for (const [k, v] of Object.entries(svc.metadata?.labels ?? {})) if (k !== SERVICE_NAME_LABEL && k !== MANAGED_BY_LABEL) labels[k] = v
  if (svc.spec?.clusterIP === 'None') labels['service.kubernetes.io/headless'] = ''
  labels[SERVICE_NAME_LABEL] = svc.metadata!.name!
  labels[MANAGED_BY_LABEL] = CONTROLLER_NAME
  return labels
}

const managedBy = (slice: KObject): boolean => slice.metadata.labels?.[MANAGED_BY_LABEL] === CONTROLLER_NAME

// the key of the Service a slice is labelled with
function serviceOfSlice(slice: KObject | undefined): string[] {
  const name = slice?.metadata.labels?.[SERVICE_NAME_LABEL]
  return slice && name ? [objectKey(slice.metadata.namespace, name)] : []
}

/** Keeps each selector Service's EndpointSlices (its key is the Service's) equal to what its pods make. */
export class EndpointSliceController implements Controller {
  readonly name = 'endpointslice'
  // not Node: heartbeats would wake it every few seconds for a zone label that seldom changes
  readonly watches: readonly Watch[] = [
    {kind: 'Service'},
    {kind: 'EndpointSlice', map: (c) => serviceOfSlice(c.object ?? c.previous)},
    {kind: 'Pod', map: servicesOfPod},
  ]

  keys(cache: ObjectCache): string[] {
    const slices = cache.list('EndpointSlice').filter(managedBy)
    return [...new Set([...selectedServices(cache).map((s) => keyOf(s as KObject)), ...slices.flatMap(serviceOfSlice)])]
  }

  reconcile(ctx: ControllerContext, key: string): ReconcileResult {
    const writes = new PassWrites(ctx, 'endpointslice')
    const attempt = writes.attempt
    const {namespace: ns, name} = splitKey(key)
    const zone = (node: string) => ctx.cache.get('Node', '', node)?.metadata.labels?.['topology.kubernetes.io/zone']
    const slices = ctx.cache.list('EndpointSlice', ns).filter((s) => managedBy(s) && s.metadata.labels?.[SERVICE_NAME_LABEL] === name)
    const kept = new Set<KObject>()
    const svc = ctx.cache.get('Service', ns, name)
    if (svc && isManaged(svc)) {
      const labels = sliceLabels(svc)
      const pods = podsForService(ctx.cache, svc)
      const wanted = desiredSlices(svc, pods, zone)
      const annotations = {[TRIGGER_TIME_ANNOTATION]: lastChangeTriggerTime(svc, pods)}
      const free = [...slices]
      // a slice with the same ports is reused first, then any other of the Service's slices
      const plan = wanted.map((w) => {
        const i = free.findIndex((s) => canonical(s.ports ?? null) === canonical(w.ports))
        return {w, slice: i >= 0 ? free.splice(i, 1)[0] : undefined}
      })
      for (const p of plan) if (!p.slice && free.length > 0) p.slice = free.shift()
      for (const {w, slice} of plan) {
        if (!slice) {
          const owner = {apiVersion: 'v1', kind: 'Service', name, uid: svc.metadata!.uid!, controller: true, blockOwnerDeletion: true}
          const obj: KObject = {apiVersion: 'discovery.k8s.io/v1', kind: 'EndpointSlice', metadata: {generateName: `${name}-`, namespace: ns, labels, annotations, ownerReferences: [owner]}, addressType: 'IPv4', endpoints: w.endpoints, ports: w.ports}
          attempt(`create slice for ${ns}/${name}`, () => ctx.api.create(obj))
          continue
        }
        kept.add(slice)
        const current = canonical({e: slice.endpoints ?? null, p: slice.ports ?? null, l: slice.metadata.labels ?? {}})
        if (current === canonical({e: w.endpoints, p: w.ports, l: labels})) continue
        const next: KObject = structuredClone(slice)
        next.endpoints = w.endpoints
        next.ports = w.ports
        next.metadata.labels = labels
        next.metadata.annotations = {...next.metadata.annotations, ...annotations}
        attempt(`update ${ns}/${slice.metadata.name}`, () => ctx.api.update(next))
      }
    }
    // slices of deleted Services (and extra ones) go, as the garbage collector and reconciler remove them
    for (const s of slices) {
      if (kept.has(s)) continue
      if (svc && Object.keys((svc.spec as {selector?: object} | undefined)?.selector ?? {}).length === 0) continue
      attempt(`delete ${s.metadata.namespace}/${s.metadata.name}`, () => ctx.api.delete(endpointSliceType, s.metadata.namespace!, s.metadata.name!))
    }
    return writes.result()
  }
}
