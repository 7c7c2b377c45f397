// The state one pass of the kubelet over one pod works in: the pod, its memory (changed in place), the
// runtime and the events and wake-ups the pass produces; the container steps and the termination share it.
import type {Container, Pod} from 'kubernetes-types/core/v1.js'
import type {ObjectLookup} from './config.js'
import type {AttemptMemo, PodMemo} from './memory.js'
import type {Runtime} from './runtime.js'

/** An event the kubelet will record about the pod. */
export interface PlannedEvent {
  type: 'Normal' | 'Warning'
  reason: string
  message: string
  fieldPath?: string
}

/** The pass a container is planned in: inputs, memory (changed in place) and outputs. */
export interface PodPass {
  pod: Pod
  now: number
  runtime: Runtime
  memo: PodMemo
  /** normalised images present on the node; pulls add to it */
  images: Set<string>
  lookup: ObjectLookup
  events: PlannedEvent[]
  /** records a time at which something will be due; `retry`: a periodic retry, not work in progress */
  wake(atMs: number, retry?: boolean): void
}

/** The involvedObject fieldPath of a container's events: `spec.containers{web}`. */
export const fieldPathOf = (c: Container, init: boolean): string => `${init ? 'spec.initContainers' : 'spec.containers'}{${c.name}}`

/** `web_default(<uid>)`: format.Pod, as the kubelet names pods in messages. */
export const podDesc = (pod: Pod): string => `${pod.metadata?.name}_${pod.metadata?.namespace}(${pod.metadata?.uid})`

/** Adds an event once per attempt (`id` names it within the attempt); false when already added. */
export function emitOnce(pass: PodPass, attempt: AttemptMemo, id: string, c: Container, init: boolean, e: Omit<PlannedEvent, 'fieldPath'>): boolean {
  const key = `${attempt.tries}:${id}`
  if (attempt.emitted.includes(key)) return false
  attempt.emitted.push(key)
  pass.events.push({...e, fieldPath: fieldPathOf(c, init)})
  return true
}
