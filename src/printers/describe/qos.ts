// The QoS class describe prints: status.qosClass when set, else computed like kubectl's qos helper.
import type {Pod} from '../../api/types.js'

import {parseQuantity, type Quantity} from '../../machinery/quantity.js'

const QOS_RESOURCES = new Set(['cpu', 'memory'])

/** GetPodQOS / ComputePodQOS: Guaranteed, Burstable or BestEffort. */
export function podQOS(pod: Pod): string {
  if (pod.status?.qosClass) return pod.status.qosClass
  const requests = new Map<string, Quantity>()
  const limits = new Map<string, Quantity>()
  let guaranteed = true
  for (const c of [...(pod.spec?.containers ?? []), ...(pod.spec?.initContainers ?? [])]) {
    for (const [name, text] of Object.entries(c.resources?.requests ?? {})) {
      const q = parseQuantity(text)
      if (!QOS_RESOURCES.has(name) || !q || q.nanos <= 0n) continue
      requests.set(name, requests.has(name) ? q.add(requests.get(name)!) : q)
    }
    const found = new Set<string>()
    for (const [name, text] of Object.entries(c.resources?.limits ?? {})) {
      const q = parseQuantity(text)
      if (!QOS_RESOURCES.has(name) || !q || q.nanos <= 0n) continue
      found.add(name)
      limits.set(name, limits.has(name) ? q.add(limits.get(name)!) : q)
    }
    if (!found.has('cpu') || !found.has('memory')) guaranteed = false
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
