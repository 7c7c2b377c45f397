// The service environment variables the kubelet gives every container (getServiceEnvVarMap and
// envvars.FromServices): for each Service of the pod's namespace with a cluster IP (when the pod's
// enableServiceLinks is not false) and always for the API server's `kubernetes` Service in `default`,
// NAME_SERVICE_HOST, NAME_SERVICE_PORT, NAME_SERVICE_PORT_<PORT NAME> for named ports, and Docker's link
// variables NAME_PORT and NAME_PORT_<port>_<PROTO>{,_PROTO,_PORT,_ADDR}. A container's own variables
// win over them; `$(VAR)` may name them.
import type {Pod, Service} from 'kubernetes-types/core/v1.js'

/** The Services of a namespace, as the kubelet's informer has them. */
export type ServiceLister = (namespace: string) => readonly Service[]

/** the API server's Services, which every pod hears of whatever enableServiceLinks says */
const MASTER_SERVICES = new Set(['kubernetes'])

const variableName = (name: string): string => name.replaceAll('-', '_').toUpperCase()
const hasClusterIP = (s: Service): boolean => !!s.spec?.clusterIP && s.spec.clusterIP !== 'None'
const hostPort = (ip: string, port: number): string => (ip.includes(':') ? `[${ip}]:${port}` : `${ip}:${port}`)

/** The service variables for `pod`, in the kubelet's order. */
export function serviceEnv(pod: Pod, services: ServiceLister): [string, string][] {
  const ns = pod.metadata?.namespace ?? 'default'
  const links = pod.spec?.enableServiceLinks !== false
  const byName = new Map<string, Service>()
  for (const s of services('default')) {
    if (hasClusterIP(s) && MASTER_SERVICES.has(s.metadata?.name ?? '')) byName.set(s.metadata!.name!, s)
  }
  if (links) for (const s of services(ns)) if (hasClusterIP(s)) byName.set(s.metadata!.name!, s)
  const vars: [string, string][] = []
  for (const s of [...byName.values()].sort((a, b) => (a.metadata!.name! < b.metadata!.name! ? -1 : 1))) {
    const ports = s.spec?.ports ?? []
    if (ports.length === 0) continue
    const ip = s.spec!.clusterIP!
    const prefix = variableName(s.metadata!.name!)
    vars.push([`${prefix}_SERVICE_HOST`, ip], [`${prefix}_SERVICE_PORT`, String(ports[0]!.port)])
    for (const p of ports) if (p.name) vars.push([`${prefix}_SERVICE_PORT_${variableName(p.name)}`, String(p.port)])
    ports.forEach((p, i) => {
      const proto = (p.protocol ?? 'TCP').toLowerCase()
      const url = `${proto}://${hostPort(ip, p.port)}`
      if (i === 0) vars.push([`${prefix}_PORT`, url])
      const at = `${prefix}_PORT_${p.port}_${proto.toUpperCase()}`
      vars.push([at, url], [`${at}_PROTO`, proto], [`${at}_PORT`, String(p.port)], [`${at}_ADDR`, ip])
    })
  }
  return vars
}
