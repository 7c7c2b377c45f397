// Pod resource requests as the scheduler and the kubelet's admission count them
// (component-helpers resource.PodRequests): app containers summed, sidecars added to that sum, and the
// whole never below what any init container needs while it runs; plus pod overhead.
import type {Container, Node, Pod} from 'kubernetes-types/core/v1.js'

import {parseQuantity} from '../../machinery/quantity.js'
import {isTerminalPhase} from '../kubelet/status.js'

/** Requests in the scheduler's units: millicores and bytes. */
export interface Requests {
  milliCPU: number
  memory: number
}

/** The scheduler's stand-ins for a container that requests nothing (used only for scoring). */
export const DEFAULT_MILLI_CPU_REQUEST = 100
/** 200Mi */
export const DEFAULT_MEMORY_REQUEST = 200 * 1024 * 1024

function containerRequests(c: Container, nonZero: boolean): Requests {
  const req = (c.resources?.requests ?? {}) as Record<string, string>
  const cpu = req.cpu !== undefined ? parseQuantity(req.cpu)?.milliValue() : undefined
  const mem = req.memory !== undefined ? parseQuantity(req.memory)?.value() : undefined
  return {
    milliCPU: cpu ?? (nonZero ? DEFAULT_MILLI_CPU_REQUEST : 0),
    memory: mem ?? (nonZero ? DEFAULT_MEMORY_REQUEST : 0),
  }
}

const add = (a: Requests, b: Requests): Requests => ({milliCPU: a.milliCPU + b.milliCPU, memory: a.memory + b.memory})
const max = (a: Requests, b: Requests): Requests => ({milliCPU: Math.max(a.milliCPU, b.milliCPU), memory: Math.max(a.memory, b.memory)})

// the scheduler asks for every pod x node pair; a frozen object (the reconciler's cache hands out only
// frozen ones, replaced on change) cannot change, so its figures are worked out once. Requests depend
// on the spec alone, which the cache shares between the versions of a pod whose status changes.
const requestsMemo = [new WeakMap<object, Requests>(), new WeakMap<object, Requests>()]
const allocatableMemo = new WeakMap<Node, Requests & {pods: number}>()

function memoized<K extends object, V>(memo: WeakMap<K, V>, key: K, compute: (k: K) => V): V {
  if (!Object.isFrozen(key)) return compute(key)
  let v = memo.get(key)
  if (v === undefined) memo.set(key, (v = Object.freeze(compute(key))))
  return v
}

/** The pod's effective request; `nonZero` substitutes the scoring defaults for missing requests. */
export function podRequests(pod: Pod, nonZero = false): Requests {
  if (!pod.spec || !Object.isFrozen(pod.spec)) return computePodRequests(pod, nonZero)
  return memoized(requestsMemo[nonZero ? 1 : 0]!, pod.spec, () => computePodRequests(pod, nonZero))
}

function computePodRequests(pod: Pod, nonZero: boolean): Requests {
  let sum: Requests = {milliCPU: 0, memory: 0}
  for (const c of pod.spec?.containers ?? []) sum = add(sum, containerRequests(c, nonZero))
  let sidecars: Requests = {milliCPU: 0, memory: 0}
  let initMax: Requests = {milliCPU: 0, memory: 0}
  for (const c of pod.spec?.initContainers ?? []) {
    const r = containerRequests(c, nonZero)
    if (c.restartPolicy === 'Always') {
      sum = add(sum, r)
      sidecars = add(sidecars, r)
      initMax = max(initMax, sidecars)
    } else initMax = max(initMax, add(r, sidecars))
  }
  let total = max(sum, initMax)
  const overhead = (pod.spec?.overhead ?? {}) as Record<string, string>
  if (overhead.cpu || overhead.memory) {
    total = add(total, {milliCPU: parseQuantity(overhead.cpu ?? '0')?.milliValue() ?? 0, memory: parseQuantity(overhead.memory ?? '0')?.value() ?? 0})
  }
  return total
}

/** A node's allocatable cpu (millicores), memory (bytes) and pod count. */
export function allocatable(node: Node): Requests & {pods: number} {
  return memoized(allocatableMemo, node, computeAllocatable)
}

function computeAllocatable(node: Node): Requests & {pods: number} {
  const a = (node.status?.allocatable ?? {}) as Record<string, string>
  return {
    milliCPU: parseQuantity(a.cpu ?? '0')?.milliValue() ?? 0,
    memory: parseQuantity(a.memory ?? '0')?.value() ?? 0,
    pods: parseQuantity(a.pods ?? '0')?.value() ?? 0,
  }
}

/** What the pods bound to a node use: pods that are not finished, and their summed requests. */
export interface NodeUsage {
  pods: number
  requested: Requests
  nonZeroRequested: Requests
}

/** The usage of a node by the non-terminal pods bound to it. */
export function nodeUsage(pods: readonly Pod[], nodeName: string): NodeUsage {
  const u: NodeUsage = {pods: 0, requested: {milliCPU: 0, memory: 0}, nonZeroRequested: {milliCPU: 0, memory: 0}}
  for (const p of pods) {
    if (p.spec?.nodeName !== nodeName || isTerminalPhase(p.status?.phase)) continue
    addPod(u, p)
  }
  return u
}

/** Counts one more pod on the node (a binding made earlier in the same pass). */
export function addPod(u: NodeUsage, p: Pod): void {
  u.pods++
  u.requested = add(u.requested, podRequests(p))
  u.nonZeroRequested = add(u.nonZeroRequested, podRequests(p, true))
}
