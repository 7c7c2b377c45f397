// Addresses a kubelet hands out: the node's InternalIP as hostIP, and pod IPs from the node's podCIDR
// the way host-local IPAM does (the gateway takes .1, pods get the next free address). Which addresses
// are taken is derived from the live pods of the node, so a deleted pod's IP is free again at once and
// nothing needs to be remembered.
import type {Node, Pod} from 'kubernetes-types/core/v1.js'

import {isTerminalPhase} from './status.js'

/** The node's InternalIP (the first address otherwise), or '' when it has none. */
export function hostIPOf(node: Node): string {
  const addresses = node.status?.addresses ?? []
  return (addresses.find((a) => a.type === 'InternalIP') ?? addresses[0])?.address ?? ''
}

function parseIPv4(ip: string): number | undefined {
  const parts = ip.split('.')
  if (parts.length !== 4) return undefined
  let n = 0
  for (const p of parts) {
    if (!/^\d{1,3}$/.test(p) || Number(p) > 255) return undefined
    n = n * 256 + Number(p)
  }
  return n
}

const formatIPv4 = (n: number): string => [24, 16, 8, 0].map((s) => Math.floor(n / 2 ** s) % 256).join('.')

/** The IPs in use on a node: pods bound to it that are not finished and have an IP (host-network pods excluded). */
export function usedPodIPs(pods: readonly Pod[], nodeName: string): Set<string> {
  const used = new Set<string>()
  for (const p of pods) {
    if (p.spec?.nodeName !== nodeName || p.spec?.hostNetwork || isTerminalPhase(p.status?.phase)) continue
    if (p.status?.podIP) used.add(p.status.podIP)
  }
  return used
}

/** The lowest free address of the node's podCIDR above the gateway, or undefined when it is full. */
export function allocatePodIP(node: Node, used: Set<string>): string | undefined {
  const cidr = node.spec?.podCIDR ?? node.spec?.podCIDRs?.[0] ?? ''
  const [base, bitsText] = cidr.split('/')
  const start = parseIPv4(base ?? '')
  const bits = Number(bitsText)
  if (start === undefined || !Number.isInteger(bits) || bits < 8 || bits > 30) return undefined
  const size = 2 ** (32 - bits)
  const network = start - (start % size)
  // .0 is the network, .1 the bridge/gateway, the last the broadcast address
  for (let i = 2; i < size - 1; i++) {
    const ip = formatIPv4(network + i)
    if (!used.has(ip)) return ip
  }
  return undefined
}
