// A pod's QoS class as Kubernetes computes it (pkg/apis/core/helper/qos ComputePodQOS): the API server
// stores it in status.qosClass, describe prints it.
import type {Container, Pod} from 'kubernetes-types/core/v1.js'

import {parseQuantity, type Quantity} from './quantity.js'

/** The values of status.qosClass. */
export type QOSClass = 'Guaranteed' | 'Burstable' | 'BestEffort'

const QOS_RESOURCES = ['cpu', 'memory']

function addPositive(total: Map<string, Quantity>, list: Record<string, unknown> | undefined, found?: Set<string>): void {
  for (const [name, raw] of Object.entries(list ?? {})) {
    if (!QOS_RESOURCES.includes(name)) continue
    const q = parseQuantity(String(raw))
    if (!q || q.nanos <= 0n) continue
    found?.add(name)
    const prev = total.get(name)
    total.set(name, prev ? prev.add(q) : q)
  }
}

/**
 * BestEffort: no cpu/memory requests or limits anywhere. Guaranteed: every container (init ones
 * included) limits both cpu and memory, and the summed requests equal the summed limits.
 * Burstable otherwise.
 */
export function podQOSClass(pod: Pod): QOSClass {
  const requests = new Map<string, Quantity>()
  const limits = new Map<string, Quantity>()
  let guaranteed = true
  const containers: Container[] = [...(pod.spec?.containers ?? []), ...(pod.spec?.initContainers ?? [])]
  for (const c of containers) {
    addPositive(requests, c.resources?.requests as Record<string, unknown> | undefined)
    const found = new Set<string>()
    addPositive(limits, c.resources?.limits as Record<string, unknown> | undefined, found)
    if (!found.has('memory') || !found.has('cpu')) guaranteed = false
  }
  if (requests.size === 0 && limits.size === 0) return 'BestEffort'
  if (guaranteed) {
    for (const [name, req] of requests) {
      const lim = limits.get(name)
      if (!lim || lim.cmp(req) !== 0) {
        guaranteed = false
        break
      }
    }
  }
  return guaranteed && requests.size === limits.size ? 'Guaranteed' : 'Burstable'
}
