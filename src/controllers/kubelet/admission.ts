// The kubelet's admission of a pod bound to its node (lifecycle/predicate.go): a pod that does not fit
// what the already admitted pods leave of the node's allocatable is rejected — phase Failed, reason
// `OutOf<resource>`, message `Pod was rejected: Node didn't have enough resource: ...` — as happens to
// pods created with spec.nodeName (the scheduler never sends a pod where it does not fit).
import type {Node, Pod} from 'kubernetes-types/core/v1.js'
import type {NodeUsage} from '../scheduler/pod-resources.js'

import {allocatable, podRequests} from '../scheduler/pod-resources.js'

/** Why the kubelet refuses the pod, or undefined when it admits it. */
export interface Rejection {
  reason: string
  message: string
}

/** Checks pods, cpu and memory in the kubelet's order; the first shortfall is the reason. */
export function admissionRejection(pod: Pod, node: Node, admitted: NodeUsage): Rejection | undefined {
  const alloc = allocatable(node)
  const req = podRequests(pod)
  const checks: [string, number, number, number][] = [
    ['pods', 1, admitted.pods, alloc.pods],
    ['cpu', req.milliCPU, admitted.requested.milliCPU, alloc.milliCPU],
    ['memory', req.memory, admitted.requested.memory, alloc.memory],
  ]
  for (const [name, requested, used, capacity] of checks) {
    if (requested === 0 || requested + used <= capacity) continue
    return {
      reason: `OutOf${name}`,
      message: `Node didn't have enough resource: ${name}, requested: ${requested}, used: ${used}, capacity: ${capacity}`,
    }
  }
  return undefined
}
