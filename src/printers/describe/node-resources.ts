// The resource tables of describe node (describeNodeResource): each non-terminated pod's requests
// and limits as a share of allocatable, then the node's totals.
import type {KObject, Node, Pod} from '../../api/types.js'

import {since} from '../timestamps.js'
import {parseQuantity, type Quantity, ZERO} from '../../machinery/quantity.js'
import {LEVEL_0, LEVEL_1, type PrefixWriter} from './prefix-writer.js'

type ResourceList = Map<string, Quantity>

function toList(list: Record<string, string> | undefined): ResourceList {
  const out: ResourceList = new Map()
  for (const [k, v] of Object.entries(list ?? {})) {
    const q = parseQuantity(v)
    if (q) out.set(k, q)
  }
  return out
}

function addInto(into: ResourceList, add: ResourceList): void {
  for (const [k, q] of add) into.set(k, into.has(k) ? into.get(k)!.add(q) : q)
}

function maxInto(into: ResourceList, other: ResourceList): void {
  for (const [k, q] of other) if (!into.has(k) || q.cmp(into.get(k)!) > 0) into.set(k, q)
}

/** resourcehelper.PodRequestsAndLimits: app containers and sidecars summed, init containers as a floor, plus overhead (on limits only where one is set). */
export function podRequestsAndLimits(pod: Pod): {requests: ResourceList; limits: ResourceList} {
  const pick = (which: 'requests' | 'limits'): ResourceList => {
    const total: ResourceList = new Map()
    for (const c of pod.spec?.containers ?? []) addInto(total, toList(c.resources?.[which]))
    const sidecars: ResourceList = new Map()
    const initMax: ResourceList = new Map()
    for (const c of pod.spec?.initContainers ?? []) {
      const own = toList(c.resources?.[which])
      let effective: ResourceList
      if (c.restartPolicy === 'Always') {
        addInto(total, own)
        addInto(sidecars, own)
        effective = sidecars
      } else {
        effective = new Map()
        addInto(effective, own)
        addInto(effective, sidecars)
      }
      maxInto(initMax, effective)
    }
    maxInto(total, initMax)
    // the overhead adds to every request, but only to limits the containers set
    const overhead = toList(pod.spec?.overhead)
    if (which === 'limits') for (const k of [...overhead.keys()]) if (!total.has(k)) overhead.delete(k)
    addInto(total, overhead)
    return total
  }
  return {requests: pick('requests'), limits: pick('limits')}
}

// Go's int64(float64): truncation; NaN and infinities become the minimum int64 on amd64
const goInt64 = (f: number): string => (Number.isFinite(f) ? String(Math.trunc(f)) : '-9223372036854775808')
const get = (l: ResourceList, k: string): Quantity => l.get(k) ?? ZERO
const pct = (q: Quantity, of: Quantity, milli: boolean): string =>
  goInt64(milli ? (q.milliValue() / of.milliValue()) * 100 : (q.value() / of.value()) * 100)
const cell = (q: Quantity, of: Quantity, milli: boolean): string => `${q.toString()} (${pct(q, of, milli)}%)`
// the totals table guards against a zero allocatable
const guarded = (q: Quantity, of: Quantity, milli: boolean): string =>
  `${q.toString()} (${(milli ? of.milliValue() : of.value()) === 0 ? '0' : pct(q, of, milli)}%)`

const STANDARD = new Set(['cpu', 'memory', 'ephemeral-storage', 'pods'])

/** describeNodeResource: the Non-terminated Pods and Allocated resources tables. */
export function describeNodeResource(pods: KObject[], node: Node, now: Date, w: PrefixWriter): void {
  w.write(LEVEL_0, `Non-terminated Pods:\t(${pods.length} in total)\n`)
  w.write(LEVEL_1, 'Namespace\tName\t\tCPU Requests\tCPU Limits\tMemory Requests\tMemory Limits\tAge\n')
  w.write(LEVEL_1, '---------\t----\t\t------------\t----------\t---------------\t-------------\t---\n')
  const alloc = toList(node.status?.allocatable && Object.keys(node.status.allocatable).length > 0 ? node.status.allocatable : node.status?.capacity)
  const [cpu, mem] = [get(alloc, 'cpu'), get(alloc, 'memory')]
  const reqs: ResourceList = new Map()
  const limits: ResourceList = new Map()
  for (const obj of pods) {
    const pod = obj as Pod
    const r = podRequestsAndLimits(pod)
    addInto(reqs, r.requests)
    addInto(limits, r.limits)
    w.write(LEVEL_1, `${pod.metadata?.namespace ?? ''}\t${pod.metadata?.name ?? ''}\t\t${cell(get(r.requests, 'cpu'), cpu, true)}\t` +
      `${cell(get(r.limits, 'cpu'), cpu, true)}\t${cell(get(r.requests, 'memory'), mem, false)}\t` +
      `${cell(get(r.limits, 'memory'), mem, false)}\t${since(pod.metadata?.creationTimestamp, now)}\n`)
  }
  w.write(LEVEL_0, 'Allocated resources:\n  (Total limits may be over 100 percent, i.e., overcommitted.)\n')
  w.write(LEVEL_1, 'Resource\tRequests\tLimits\n')
  w.write(LEVEL_1, '--------\t--------\t------\n')
  for (const [name, milli] of [['cpu', true], ['memory', false], ['ephemeral-storage', false]] as const) {
    const of = get(alloc, name)
    w.write(LEVEL_1, `${name}\t${guarded(get(reqs, name), of, milli)}\t${guarded(get(limits, name), of, milli)}\n`)
  }
  const names = [...alloc.keys()]
  for (const name of names.filter((n) => n.startsWith('hugepages-')).sort()) {
    const of = get(alloc, name)
    w.write(LEVEL_1, `${name}\t${guarded(get(reqs, name), of, false)}\t${guarded(get(limits, name), of, false)}\n`)
  }
  for (const name of names.filter((n) => !n.startsWith('hugepages-') && !STANDARD.has(n)).sort()) {
    w.write(LEVEL_1, `${name}\t${get(reqs, name).toString()}\t${get(limits, name).toString()}\n`)
  }
}
