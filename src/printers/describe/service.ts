// describe service, endpoints and endpointslice (describe.go describeService, describeEndpoints,
// describeEndpointSliceV1). A Service's `Endpoints:` lines come from its EndpointSlices, which the
// caller passes in the context (listed by the kubernetes.io/service-name label).
import type {KObject} from '../../api/types.js'

import {printObjectMeta} from './common.js'
import {endWithEvents} from './events.js'
import type {DescribeContext} from './pod.js'
import {LEVEL_0, LEVEL_1, LEVEL_2, LEVEL_3, PrefixWriter} from './prefix-writer.js'

/** describe service also needs the Service's EndpointSlices. */
export type ServiceDescribeContext = DescribeContext & {endpointSlices?: KObject[]}

interface SlicePort {
  name?: string | null
  port?: number | null
  protocol?: string
}

interface SliceEndpoint {
  addresses: string[]
  conditions?: {ready?: boolean | null}
  hostname?: string
  nodeName?: string
  zone?: string
  targetRef?: {kind?: string; name?: string}
}

/** formatEndpointSlices: ready `ip:port` of the slices' ports named `portName`; `<none>` with no slices. */
export function formatEndpointSlices(slices: KObject[], portName: string): string {
  if (slices.length === 0) return '<none>'
  const list: string[] = []
  const max = 3
  let more = false
  let count = 0
  for (const slice of slices) {
    const ports = (slice.ports ?? []) as SlicePort[]
    const endpoints = (slice.endpoints ?? []) as SliceEndpoint[]
    // formatEndpointSlices marks `more` before it skips a not-ready endpoint: three ready addresses then
    // a not-ready one print ` + 0 more...`
    const add = (text: string | undefined) => {
      if (list.length === max) more = true
      if (text === undefined) return
      if (!more) list.push(text)
      count++
    }
    const ready = (e: SliceEndpoint) => e.conditions?.ready === undefined || e.conditions?.ready === null || e.conditions.ready
    if (ports.length === 0) {
      for (const e of endpoints) add(ready(e) ? e.addresses[0] : undefined)
      continue
    }
    for (const p of ports) {
      if ((p.name ?? '') !== portName) continue
      for (const e of endpoints) {
        const ip = e.addresses[0]
        add(!ready(e) ? undefined : ip.includes(':') ? `[${ip}]:${p.port}` : `${ip}:${p.port}`)
      }
    }
  }
  const ret = list.join(',')
  return more ? `${ret} + ${count - max} more...` : ret
}

const formatMap = (m: Record<string, string> | undefined): string => {
  const keys = Object.keys(m ?? {}).sort()
  return keys.length === 0 ? '<none>' : keys.map((k) => `${k}=${m![k]}`).join(',')
}

/** kubectl describe service. */
export function describeService(obj: KObject, ctx: ServiceDescribeContext): string {
  const spec = (obj.spec ?? {}) as Record<string, any>
  const status = (obj.status ?? {}) as {loadBalancer?: {ingress?: {ip?: string; hostname?: string; ipMode?: string}[]}}
  const w = new PrefixWriter()
  printObjectMeta(w, obj)
  w.write(LEVEL_0, `Selector:\t${formatMap(spec.selector)}\n`)
  w.write(LEVEL_0, `Type:\t${spec.type ?? ''}\n`)
  if (spec.ipFamilyPolicy) w.write(LEVEL_0, `IP Family Policy:\t${spec.ipFamilyPolicy}\n`)
  w.write(LEVEL_0, `IP Families:\t${(spec.ipFamilies ?? []).length > 0 ? spec.ipFamilies.join(',') : '<none>'}\n`)
  w.write(LEVEL_0, `IP:\t${spec.clusterIP ?? ''}\n`)
  w.write(LEVEL_0, `IPs:\t${(spec.clusterIPs ?? []).length > 0 ? spec.clusterIPs.join(',') : '<none>'}\n`)
  if ((spec.externalIPs ?? []).length > 0) w.write(LEVEL_0, `External IPs:\t${spec.externalIPs.join(',')}\n`)
  if (spec.loadBalancerIP) w.write(LEVEL_0, `Desired LoadBalancer IP:\t${spec.loadBalancerIP}\n`)
  if (spec.externalName) w.write(LEVEL_0, `External Name:\t${spec.externalName}\n`)
  const ingress = status.loadBalancer?.ingress ?? []
  if (ingress.length > 0) w.write(LEVEL_0, `LoadBalancer Ingress:\t${ingress.map((i) => (i.ip ? `${i.ip}${i.ipMode ? ` (${i.ipMode})` : ''}` : i.hostname ?? '')).join(', ')}\n`)
  for (const sp of (spec.ports ?? []) as Record<string, any>[]) {
    const name = sp.name || '<unset>'
    w.write(LEVEL_0, `Port:\t${name}\t${sp.port}/${sp.protocol ?? ''}\n`)
    w.write(LEVEL_0, `TargetPort:\t${sp.targetPort ?? 0}/${sp.protocol ?? ''}\n`)
    if (sp.nodePort) w.write(LEVEL_0, `NodePort:\t${name}\t${sp.nodePort}/${sp.protocol ?? ''}\n`)
    w.write(LEVEL_0, `Endpoints:\t${formatEndpointSlices(ctx.endpointSlices ?? [], sp.name ?? '')}\n`)
  }
  w.write(LEVEL_0, `Session Affinity:\t${spec.sessionAffinity ?? ''}\n`)
  if (spec.externalTrafficPolicy) w.write(LEVEL_0, `External Traffic Policy:\t${spec.externalTrafficPolicy}\n`)
  if (spec.internalTrafficPolicy) w.write(LEVEL_0, `Internal Traffic Policy:\t${spec.internalTrafficPolicy}\n`)
  if (spec.healthCheckNodePort) w.write(LEVEL_0, `HealthCheck NodePort:\t${spec.healthCheckNodePort}\n`)
  if ((spec.loadBalancerSourceRanges ?? []).length > 0) w.write(LEVEL_0, `LoadBalancer Source Ranges:\t${spec.loadBalancerSourceRanges.join(',')}\n`)
  if (spec.trafficDistribution) w.write(LEVEL_0, `Traffic Distribution:\t${spec.trafficDistribution}\n`)
  return endWithEvents(w, ctx)
}

/** kubectl describe endpoints. */
export function describeEndpoints(obj: KObject, ctx: DescribeContext): string {
  const w = new PrefixWriter()
  printObjectMeta(w, obj)
  w.write(LEVEL_0, 'Subsets:\n')
  for (const ss of (obj.subsets ?? []) as {addresses?: {ip: string}[]; notReadyAddresses?: {ip: string}[]; ports?: {name?: string; port: number; protocol?: string}[]}[]) {
    w.write(LEVEL_1, `Addresses:\t${(ss.addresses ?? []).map((a) => a.ip).join(',') || '<none>'}\n`)
    w.write(LEVEL_1, `NotReadyAddresses:\t${(ss.notReadyAddresses ?? []).map((a) => a.ip).join(',') || '<none>'}\n`)
    if ((ss.ports ?? []).length > 0) {
      w.write(LEVEL_1, 'Ports:\n')
      w.write(LEVEL_2, 'Name\tPort\tProtocol\n')
      w.write(LEVEL_2, '----\t----\t--------\n')
      for (const p of ss.ports!) w.write(LEVEL_2, `${p.name || '<unset>'}\t${p.port}\t${p.protocol ?? ''}\n`)
    }
    w.write(LEVEL_0, '\n')
  }
  return endWithEvents(w, ctx)
}

/** kubectl describe endpointslice. */
export function describeEndpointSlice(obj: KObject, ctx: DescribeContext): string {
  const w = new PrefixWriter()
  printObjectMeta(w, obj)
  w.write(LEVEL_0, `AddressType:\t${String(obj.addressType ?? '')}\n`)
  const ports = (obj.ports ?? []) as SlicePort[]
  if (ports.length === 0) w.write(LEVEL_0, 'Ports: <unset>\n')
  else {
    w.write(LEVEL_0, 'Ports:\n')
    w.write(LEVEL_1, 'Name\tPort\tProtocol\n')
    w.write(LEVEL_1, '----\t----\t--------\n')
    for (const p of ports) w.write(LEVEL_1, `${p.name || '<unset>'}\t${p.port ?? '<unset>'}\t${p.protocol ?? ''}\n`)
  }
  const endpoints = (obj.endpoints ?? []) as SliceEndpoint[]
  if (endpoints.length === 0) w.write(LEVEL_0, 'Endpoints: <none>\n')
  else {
    w.write(LEVEL_0, 'Endpoints:\n')
    for (const e of endpoints) {
      w.write(LEVEL_1, `- Addresses:\t${e.addresses.join(', ') || '<none>'}\n`)
      w.write(LEVEL_2, 'Conditions:\n')
      const ready = e.conditions?.ready
      w.write(LEVEL_3, `Ready:\t${ready === undefined || ready === null ? '<unset>' : String(ready)}\n`)
      w.write(LEVEL_2, `Hostname:\t${e.hostname ?? '<unset>'}\n`)
      if (e.targetRef) w.write(LEVEL_2, `TargetRef:\t${e.targetRef.kind ?? ''}/${e.targetRef.name ?? ''}\n`)
      w.write(LEVEL_2, `NodeName:\t${e.nodeName ?? '<unset>'}\n`)
      w.write(LEVEL_2, `Zone:\t${e.zone ?? '<unset>'}\n`)
    }
  }
  return endWithEvents(w, ctx)
}
