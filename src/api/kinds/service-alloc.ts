// The Service IP and node-port allocators, derived from the stored Services (no allocator state of our
// own): a free address of the service CIDR for each new ClusterIP, a free port of the node-port range
// for each NodePort/LoadBalancer port, with kube-apiserver's messages for taken or out-of-range values.
import type {Service} from 'kubernetes-types/core/v1.js'

import {fieldErr, type FieldError} from '../errors.js'
import type {StrategyContext} from '../strategy.js'

/** kube-apiserver --service-cluster-ip-range (its default, as kubeadm and kind use). */
export const SERVICE_CIDR = '10.96.0.0/12'
/** kube-apiserver --service-node-port-range: its bottom. */
export const NODE_PORT_MIN = 30000
/** The top of that range. */
export const NODE_PORT_MAX = 32767

const BASE = ipToNumber('10.96.0.0')!
const SIZE = 2 ** 20
// the first addresses (and node ports) are kept for static allocation: dynamic picks prefer the rest
const STATIC_IPS = 256
const STATIC_PORTS = 128

/** `a.b.c.d` → number, or undefined when not an IPv4 address. */
export function ipToNumber(ip: string): number | undefined {
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(ip)
  if (!m) return undefined
  const parts = m.slice(1).map(Number)
  if (parts.some((p) => p > 255)) return undefined
  return ((parts[0] * 256 + parts[1]) * 256 + parts[2]) * 256 + parts[3]
}

function numberToIP(n: number): string {
  return [24, 16, 8, 0].map((s) => Math.floor(n / 2 ** s) % 256).join('.')
}

function otherServices(ctx: StrategyContext, self: Service): Service[] {
  const all = ctx.listObjects?.('Service') ?? []
  return all.filter((s) => !(s.metadata?.namespace === self.metadata?.namespace && s.metadata?.name === self.metadata?.name))
}

/** Assigns a cluster IP (or checks the requested one); [] when done, the field errors otherwise. */
export function allocateClusterIP(svc: Service, ctx: StrategyContext): FieldError[] {
  const spec = svc.spec!
  if (spec.type === 'ExternalName' || spec.clusterIP === 'None') {
    if (spec.clusterIP === 'None') spec.clusterIPs = ['None']
    return []
  }
  const used = new Set(otherServices(ctx, svc).flatMap((s) => s.spec?.clusterIPs ?? (s.spec?.clusterIP ? [s.spec.clusterIP] : [])))
  if (spec.clusterIP) {
    const ip = spec.clusterIP
    const n = ipToNumber(ip)
    const fail = (why: string) => [fieldErr.invalid('spec.clusterIPs', [ip], `failed to allocate IP ${ip}: ${why}`)]
    if (n === undefined) return [fieldErr.invalid('spec.clusterIPs[0]', ip, 'must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)')]
    if (n <= BASE || n >= BASE + SIZE - 1) return fail(`the provided IP (${ip}) is not in the valid range. The range of valid IPs is ${SERVICE_CIDR}`)
    if (used.has(ip)) return fail('provided IP is already allocated')
    spec.clusterIPs = [ip]
    return []
  }
  for (let tries = 0; tries < 1000; tries++) {
    const ip = numberToIP(BASE + STATIC_IPS + 1 + Math.floor(Math.random() * (SIZE - STATIC_IPS - 2)))
    if (!used.has(ip)) {
      spec.clusterIP = ip
      spec.clusterIPs = [ip]
      return []
    }
  }
  return [fieldErr.invalid('spec.clusterIPs', [], 'failed to allocate a serviceIP: range is full')]
}

/** Assigns node ports to NodePort / LoadBalancer ports that have none, checking requested ones. */
export function allocateNodePorts(svc: Service, ctx: StrategyContext, keep: Set<number> = new Set()): FieldError[] {
  const spec = svc.spec!
  const wants = spec.type === 'NodePort' || (spec.type === 'LoadBalancer' && spec.allocateLoadBalancerNodePorts !== false)
  if (!wants) return []
  const used = new Set(otherServices(ctx, svc).flatMap((s) => (s.spec?.ports ?? []).map((p) => p.nodePort).filter((p): p is number => Boolean(p))))
  const errs: FieldError[] = []
  const ports = spec.ports ?? []
  ports.forEach((p, i) => {
    if (!p.nodePort) return
    const field = `spec.ports[${i}].nodePort`
    if (p.nodePort < NODE_PORT_MIN || p.nodePort > NODE_PORT_MAX) {
      errs.push(fieldErr.invalid(field, p.nodePort, `provided port is not in the valid range. The range of valid ports is ${NODE_PORT_MIN}-${NODE_PORT_MAX}`))
    } else if ((used.has(p.nodePort) && !keep.has(p.nodePort)) || ports.slice(0, i).some((q) => q.nodePort === p.nodePort && q.protocol === p.protocol)) {
      errs.push(fieldErr.invalid(field, p.nodePort, 'provided port is already allocated'))
    }
    used.add(p.nodePort)
  })
  if (errs.length > 0) return errs
  for (const p of ports) {
    if (p.nodePort) continue
    for (let tries = 0; tries < 10000; tries++) {
      const span = NODE_PORT_MAX - NODE_PORT_MIN + 1 - STATIC_PORTS
      const candidate = NODE_PORT_MIN + STATIC_PORTS + Math.floor(Math.random() * span)
      if (!used.has(candidate)) {
        ;(p as {nodePort?: number}).nodePort = candidate
        used.add(candidate)
        break
      }
    }
  }
  return []
}

/**
 * initIPFamilyFields on a single-stack IPv4 cluster: IPv6 and RequireDualStack are refused, the policy
 * defaults to SingleStack (RequireDualStack for a headless Service without selector) and families to IPv4.
 */
export function initIPFamilies(svc: Service): FieldError[] {
  const spec = svc.spec!
  if (spec.type === 'ExternalName') return []
  const headlessNoSelector = spec.clusterIP === 'None' && Object.keys(spec.selector ?? {}).length === 0
  if (headlessNoSelector) {
    spec.ipFamilyPolicy ??= 'RequireDualStack'
    if (!spec.ipFamilies?.length) spec.ipFamilies = ['IPv4']
    return []
  }
  const errs: FieldError[] = []
  if (spec.ipFamilyPolicy === 'RequireDualStack') errs.push(fieldErr.invalid('spec.ipFamilyPolicy', spec.ipFamilyPolicy, 'Cluster is not configured for dual stack services'))
  ;(spec.ipFamilies ?? []).forEach((f, i) => {
    if (f !== 'IPv4') errs.push(fieldErr.invalid(`spec.ipFamilies[${i}]`, spec.clusterIPs ?? null, `ipfamily ${f} is not configured on cluster`))
  })
  if (errs.length > 0) return errs
  spec.ipFamilyPolicy ??= 'SingleStack'
  if (!spec.ipFamilies?.length) spec.ipFamilies = ['IPv4']
  return []
}
