// `create service clusterip|nodeport|loadbalancer NAME --tcp=port[:targetPort]`: kubectl's
// ServiceOptions — port pairs parsed as parsePorts does, ports named `<port>-<target>`, label and
// selector app=NAME, and API errors wrapped as `failed to create <Type> service: ...`.
import type {KObject} from '../../api/types.js'

import {inclusiveRangeError} from '../../machinery/names.js'
import {isValidPortName} from '../../api/validation/pod-containers.js'
import {CliError} from '../errors.js'

/** What the create service commands collect from their flags. */
export interface CreateServiceOptions {
  name: string
  namespace: string
  type: 'ClusterIP' | 'NodePort' | 'LoadBalancer'
  tcp: string[]
  clusterIP?: string
  nodePort?: number
}

// utilsnet.ParsePort(s, true): strconv.ParseUint(s, 10, 16)'s errors
function parsePort(text: string): number {
  if (!/^\d+$/.test(text)) throw new CliError(`strconv.ParseUint: parsing ${JSON.stringify(text)}: invalid syntax`)
  const n = Number(text)
  if (n > 65535) throw new CliError(`strconv.ParseUint: parsing ${JSON.stringify(text)}: value out of range`)
  return n
}

/** parsePorts: `80` → 80/80, `80:8080` → 80/8080, `80:http` → 80/"http". */
export function parsePortPair(spec: string): {port: number; targetPort: number | string} {
  const parts = spec.split(':')
  const port = parsePort(parts[0])
  if (parts.length === 1) return {port, targetPort: port}
  const target = parts[1]
  if (!/^-?\d+$/.test(target)) {
    const errs = isValidPortName(target)
    if (errs.length > 0) throw new CliError(errs.join(','))
    return {port, targetPort: target}
  }
  const n = Number(target)
  if (n < 1 || n > 65535) throw new CliError(inclusiveRangeError(1, 65535))
  return {port, targetPort: n}
}

/** The Service kubectl create service sends. */
export function serviceFromOptions(o: CreateServiceOptions): KObject {
  if (o.clusterIP === 'None' && o.type !== 'ClusterIP') throw new CliError('ClusterIP=None can only be used with ClusterIP service type')
  if (o.clusterIP !== 'None' && o.tcp.length === 0) throw new CliError('at least one tcp port specifier must be provided')
  const ports = o.tcp.map((spec) => ({name: spec.replaceAll(':', '-'), ...parsePortPair(spec), protocol: 'TCP', ...(o.nodePort ? {nodePort: o.nodePort} : {})}))
    .map(({name, port, targetPort, protocol, ...rest}) => ({name, port, protocol, targetPort, ...rest}))
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: {name: o.name, namespace: o.namespace, labels: {app: o.name}},
    spec: {ports, selector: {app: o.name}, type: o.type, ...(o.clusterIP ? {clusterIP: o.clusterIP} : {})},
    status: {loadBalancer: {}},
  }
}
