// Service, Endpoints and EndpointSlice rows as printers.go prints them: printService (PORT(S) as
// `80/TCP` or `80:30080/TCP`, wide SELECTOR), printEndpoints (formatEndpoints, three then `+ N more...`)
// and printEndpointSlice (formatDiscoveryPorts / formatDiscoveryEndpoints, `<unset>` when empty).
import type {KObject} from '../../api/types.js'

import {since} from '../timestamps.js'
import {col, type TableHandler, wide} from './columns.js'

interface ServicePort {
  port: number
  protocol?: string
  nodePort?: number
}

interface ServiceSpec {
  type?: string
  clusterIPs?: string[]
  externalIPs?: string[]
  externalName?: string
  ports?: ServicePort[]
  selector?: Record<string, string>
}

const LOAD_BALANCER_WIDTH = 16

/** labels.FormatLabels: sorted `k=v` pairs, `<none>` when empty. */
function formatLabels(labels: Record<string, string> | undefined): string {
  const keys = Object.keys(labels ?? {}).sort()
  return keys.length === 0 ? '<none>' : keys.map((k) => `${k}=${labels![k]}`).join(',')
}

// loadBalancerStatusStringer: ingress IPs (or hostnames), sorted and de-duplicated; clipped unless wide
function loadBalancerIngress(svc: KObject, isWide: boolean): string {
  const ingress = ((svc.status as {loadBalancer?: {ingress?: {ip?: string; hostname?: string}[]}} | undefined)?.loadBalancer?.ingress ?? [])
  const r = [...new Set(ingress.map((i) => i.ip || i.hostname || '').filter(Boolean))].sort().join(',')
  return !isWide && r.length > LOAD_BALANCER_WIDTH ? `${r.slice(0, LOAD_BALANCER_WIDTH - 3)}...` : r
}

/** getServiceExternalIP. */
export function serviceExternalIP(svc: KObject, isWide: boolean): string {
  const spec = (svc.spec ?? {}) as ServiceSpec
  const external = spec.externalIPs ?? []
  switch (spec.type) {
    case 'ClusterIP':
    case 'NodePort':
      return external.length > 0 ? external.join(',') : '<none>'
    case 'LoadBalancer': {
      const lb = loadBalancerIngress(svc, isWide)
      if (external.length > 0) return [...(lb ? lb.split(',') : []), ...external].join(',')
      return lb || '<pending>'
    }
    case 'ExternalName':
      return spec.externalName ?? ''
  }
  return '<unknown>'
}

/** makePortString: `80/TCP`, `80:30080/TCP`, comma-separated. */
export function servicePorts(ports: ServicePort[] | undefined): string {
  return (ports ?? []).map((p) => (p.nodePort ? `${p.port}:${p.nodePort}/${p.protocol ?? ''}` : `${p.port}/${p.protocol ?? ''}`)).join(',')
}

function rowsOf(svc: KObject, now: Date, isWide: boolean): string[] {
  const spec = (svc.spec ?? {}) as ServiceSpec
  return [svc.metadata?.name ?? '', spec.type ?? '', spec.clusterIPs?.[0] ?? '<none>', serviceExternalIP(svc, isWide), servicePorts(spec.ports) || '<none>',
    since(svc.metadata?.creationTimestamp, now), formatLabels(spec.selector)]
}

/** Services: NAME TYPE CLUSTER-IP EXTERNAL-IP PORT(S) AGE, wide SELECTOR. */
export const serviceTable: TableHandler = {
  columns: [col('Name', 'name'), col('Type'), col('Cluster-IP'), col('External-IP'), col('Port(s)'), col('Age'), wide('Selector')],
  // the table has no wide flag: EXTERNAL-IP is computed unclipped, as only very long ingress lists differ
  cells: (obj, now) => rowsOf(obj, now, true),
}

interface Subset {
  addresses?: {ip: string}[]
  ports?: {name?: string; port: number}[]
}

/** formatEndpoints: `ip:port` for every port and ready address, the first three then `+ N more...`. */
export function formatEndpoints(subsets: Subset[] | undefined, portNames?: Set<string>): string {
  if (!subsets || subsets.length === 0) return '<none>'
  const list: string[] = []
  const max = 3
  let more = false
  let count = 0
  const take = (text: string) => {
    if (list.length === max) more = true
    else list.push(text)
  }
  for (const ss of subsets) {
    const addresses = ss.addresses ?? []
    if (!ss.ports || ss.ports.length === 0) {
      count += addresses.length
      for (const a of addresses) {
        take(a.ip)
        if (more) break
      }
      continue
    }
    for (const p of ss.ports) {
      if (portNames && !portNames.has(p.name ?? '')) continue
      count += addresses.length
      for (const a of addresses) {
        take(a.ip.includes(':') ? `[${a.ip}]:${p.port}` : `${a.ip}:${p.port}`)
        if (more) break
      }
    }
  }
  const ret = list.join(',')
  return more ? `${ret} + ${count - max} more...` : ret
}

/** Endpoints: NAME ENDPOINTS AGE. */
export const endpointsTable: TableHandler = {
  columns: [col('Name', 'name'), col('Endpoints'), col('Age')],
  cells: (obj, now) => [obj.metadata?.name ?? '', formatEndpoints(obj.subsets as Subset[] | undefined), since(obj.metadata?.creationTimestamp, now)],
}

// listWithMoreString: the first three, `+ N more...`, `<unset>` for none
function listWithMore(items: string[]): string {
  const max = 3
  if (items.length > max) return `${items.slice(0, max).join(',')} + ${items.length - max} more...`
  return items.length === 0 ? '<unset>' : items.join(',')
}

/** EndpointSlices: NAME ADDRESSTYPE PORTS ENDPOINTS AGE. */
export const endpointSliceTable: TableHandler = {
  columns: [col('Name', 'name'), col('AddressType'), col('Ports'), col('Endpoints'), col('Age')],
  cells(obj: KObject, now: Date): string[] {
    const ports = ((obj.ports ?? []) as {name?: string; port?: number}[]).map((p) => (p.port !== undefined && p.port !== null ? String(p.port) : p.name ?? '*'))
    const addresses = ((obj.endpoints ?? []) as {addresses?: string[]}[]).flatMap((e) => e.addresses ?? [])
    return [obj.metadata?.name ?? '', String(obj.addressType ?? ''), listWithMore(ports), listWithMore(addresses), since(obj.metadata?.creationTimestamp, now)]
  },
}
