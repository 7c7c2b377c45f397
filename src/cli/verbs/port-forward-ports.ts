// port-forward's ports and addresses as kubectl and client-go parse them: `[LOCAL:]REMOTE` (`:5000` and
// `0:5000` pick a free local port), a named remote port looked up in the pod's containers, a Service's
// port translated to its target port (by number or by the pod's named port; a headless Service's port
// is used as it is), UDP-only ports refused; `--address` entries of `localhost` (127.0.0.1 and ::1, of
// which one is enough) or IP addresses (each must work).
import type {Pod, Service} from 'kubernetes-types/core/v1.js'

import net from 'node:net'

import {CliError} from '../errors.js'

export interface Forward {
  local: number
  remote: number
}

export interface ListenAddress {
  address: string
  protocol: 'tcp4' | 'tcp6'
  failureMode: 'all' | 'any'
}

const splitPort = (port: string): [string, string] => {
  const parts = port.split(':')
  return parts.length === 2 ? [parts[0], parts[1]] : [parts[0], parts[0]]
}

function podPortByName(pod: Pod, name: string): number {
  for (const c of pod.spec?.containers ?? []) for (const p of c.ports ?? []) if (p.name === name) return p.containerPort
  throw new CliError(`Pod '${pod.metadata?.name}' does not have a named port '${name}'`)
}

// strconv.ParseUint(s, 10, 16)
function parseUint16(s: string, what: 'local' | 'remote'): number {
  const err = (why: string): CliError => new CliError(`error parsing ${what} port '${s}': strconv.ParseUint: parsing ${JSON.stringify(s)}: ${why}`)
  if (!/^\d+$/.test(s)) throw err('invalid syntax')
  const n = Number(s)
  if (n > 65535) throw err('value out of range')
  return n
}

function udpOnly(pod: Pod, service: Service | undefined): Set<number> {
  const ports = service ? (service.spec?.ports ?? []).map((p) => ({n: p.port, proto: p.protocol ?? 'TCP'})) : (pod.spec?.containers ?? []).flatMap((c) => (c.ports ?? []).map((p) => ({n: p.containerPort, proto: p.protocol ?? 'TCP'})))
  const tcp = new Set(ports.filter((p) => p.proto === 'TCP').map((p) => p.n))
  return new Set(ports.filter((p) => p.proto === 'UDP' && !tcp.has(p.n)).map((p) => p.n))
}

/** The forwards of the port arguments (kubectl's translation, then client-go's parsePorts). */
export function forwardedPorts(args: string[], pod: Pod, service?: Service): Forward[] {
  const udp = udpOnly(pod, service)
  const out: string[] = []
  for (const arg of args) {
    let [local, remote] = splitPort(arg)
    if (remote === '') throw new CliError('remote port cannot be empty')
    let number = /^\d+$/.test(remote) ? Number(remote) : undefined
    if (service) {
      if (number === undefined) {
        const named = (service.spec?.ports ?? []).find((p) => p.name === remote)
        if (!named) throw new CliError(`Service '${service.metadata?.name}' does not have a named port '${remote}'`)
        if (local === remote) local = String(named.port)
        number = named.port
      }
      if (udp.has(number)) throw new CliError(`UDP protocol is not supported for ${remote}`)
      const sp = (service.spec?.ports ?? []).find((p) => p.port === number)
      if (!sp) throw new CliError(`Service ${service.metadata?.name} does not have a service port ${number}`)
      const target = service.spec?.clusterIP === 'None' ? number : typeof sp.targetPort === 'string' ? podPortByName(pod, sp.targetPort) : sp.targetPort || sp.port
      out.push(local !== String(target) ? `${local}:${target}` : String(target))
      continue
    }
    if (number === undefined) number = podPortByName(pod, remote)
    if (udp.has(number)) throw new CliError(`UDP protocol is not supported for ${remote}`)
    out.push(local !== remote ? `${local}:${number}` : String(number))
  }
  return out.map((p) => {
    // at most one colon here: kubectl's splitPort took the first part of a spec with more for both ports
    const parts = p.split(':')
    const local = parseUint16(parts.length === 2 ? parts[0] || '0' : parts[0], 'local')
    const remote = parseUint16(parts.length === 2 ? parts[1] : parts[0], 'remote')
    if (remote === 0) throw new CliError('remote port must be > 0')
    return {local, remote}
  })
}

/** client-go's parseAddresses, sorted as it sorts them. */
export function listenAddresses(addresses: string[]): ListenAddress[] {
  const parsed = new Map<string, ListenAddress>()
  for (const a of addresses) {
    if (a === 'localhost') {
      if (!parsed.has('127.0.0.1')) parsed.set('127.0.0.1', {address: '127.0.0.1', protocol: 'tcp4', failureMode: 'all'})
      if (!parsed.has('::1')) parsed.set('::1', {address: '::1', protocol: 'tcp6', failureMode: 'all'})
    } else if (net.isIPv4(a)) parsed.set(a, {address: a, protocol: 'tcp4', failureMode: 'any'})
    else if (net.isIPv6(a)) parsed.set(a, {address: a, protocol: 'tcp6', failureMode: 'any'})
    else throw new CliError(`${a} is not a valid IP`)
  }
  return [...parsed.values()].sort((x, y) => (x.address < y.address ? -1 : x.address > y.address ? 1 : 0))
}
