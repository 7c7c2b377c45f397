// The pod-level parts of the status the kubelet posts, as kubelet_pods.go and status/generate.go derive
// them from the container statuses: the phase (getPhase), the five kubelet-owned conditions in the
// kubelet's order, and their lastTransitionTime kept while a condition's status does not change.
import type {Container, ContainerStatus, Pod, PodCondition} from 'kubernetes-types/core/v1.js'

import {rfc3339} from '../../api/types.js'

/** The phases the kubelet computes (Unknown is the node controller's). */
export type Phase = 'Pending' | 'Running' | 'Succeeded' | 'Failed'

/** Conditions the kubelet owns; everything else in status.conditions is kept, in front. */
export const KUBELET_CONDITIONS = ['PodReadyToStartContainers', 'Initialized', 'Ready', 'ContainersReady', 'PodScheduled']

/** A restartable init container (restartPolicy Always). */
export const isSidecar = (c: Container): boolean => c.restartPolicy === 'Always'
/** Succeeded and Failed never change again. */
export const isTerminalPhase = (phase: string | undefined): boolean => phase === 'Succeeded' || phase === 'Failed'

const byName = (statuses: ContainerStatus[], name: string): ContainerStatus | undefined => statuses.find((s) => s.name === name)

/** Whether a restartPolicy restarts a container that exited with `exitCode`. */
export function shouldRestart(pod: Pod, c: Container, init: boolean, exitCode: number): boolean {
  if (init && isSidecar(c)) return true
  const policy = pod.spec?.restartPolicy ?? 'Always'
  if (init) return exitCode !== 0 && policy !== 'Never'
  return policy === 'Always' || (policy === 'OnFailure' && exitCode !== 0)
}

/** kubelet getPhase (without the alpha restart-rules gates). */
export function getPhase(pod: Pod, init: ContainerStatus[], app: ContainerStatus[], podIsTerminal: boolean): Phase {
  const spec = pod.spec!
  let pendingInit = 0
  let failedInit = 0
  let pendingSidecars = 0
  let unknown = 0
  let running = 0
  let waiting = 0
  let stopped = 0
  let succeeded = 0
  for (const c of spec.initContainers ?? []) {
    const s = byName(init, c.name)
    if (isSidecar(c)) {
      if (!s) unknown++
      if (s?.state?.running) {
        if (!s.started) pendingSidecars++
        running++
      } else if (s?.state?.waiting && !s.lastState?.terminated) {
        pendingSidecars++
        waiting++
      }
      continue
    }
    if (!s || s.state?.running || !(s.state?.terminated || s.state?.waiting)) pendingInit++
    else if (s.state?.terminated) {
      if (s.state.terminated.exitCode !== 0) failedInit++
    } else if (s.lastState?.terminated) {
      if (s.lastState.terminated.exitCode !== 0) failedInit++
    } else pendingInit++
  }
  const regularStarted = app.some((s) => s.state?.running || s.state?.terminated || s.lastState?.terminated)
  for (const c of spec.containers) {
    const s = byName(app, c.name)
    if (!s) unknown++
    else if (s.state?.running) running++
    else if (s.state?.terminated) {
      stopped++
      if (s.state.terminated.exitCode === 0) succeeded++
    } else if (s.lastState?.terminated) stopped++
    else waiting++
  }
  const policy = spec.restartPolicy ?? 'Always'
  if (failedInit > 0 && policy === 'Never') return 'Failed'
  if (pendingInit > 0 || (pendingSidecars > 0 && !regularStarted) || waiting > 0) return 'Pending'
  if (running > 0 && unknown === 0) return 'Running'
  if (running === 0 && stopped > 0 && unknown === 0) {
    if (podIsTerminal) return stopped === succeeded ? 'Succeeded' : 'Failed'
    if (policy === 'Always') return 'Running'
    if (stopped === succeeded) return 'Succeeded'
    return policy === 'Never' ? 'Failed' : 'Running'
  }
  return 'Pending'
}

/** `[a b]`: a Go string slice as %s prints it. */
const goList = (names: string[]): string => `[${names.join(' ')}]`

type Generated = {type: string; status: 'True' | 'False'; reason?: string; message?: string}

function initialized(pod: Pod, init: ContainerStatus[], app: ContainerStatus[], phase: Phase): Generated {
  const unknownNames: string[] = []
  const incomplete: string[] = []
  for (const c of pod.spec?.initContainers ?? []) {
    const s = byName(init, c.name)
    if (!s) unknownNames.push(c.name)
    else if (isSidecar(c) ? !s.started : !s.ready) incomplete.push(c.name)
  }
  if (phase === 'Succeeded' && unknownNames.length === 0) return {type: 'Initialized', status: 'True', reason: 'PodCompleted'}
  if (app.some((s) => s.state?.running || s.state?.terminated || s.lastState?.terminated)) return {type: 'Initialized', status: 'True'}
  const msgs = [...(unknownNames.length ? [`containers with unknown status: ${goList(unknownNames)}`] : []), ...(incomplete.length ? [`containers with incomplete status: ${goList(incomplete)}`] : [])]
  if (msgs.length) return {type: 'Initialized', status: 'False', reason: 'ContainersNotInitialized', message: msgs.join(', ')}
  return {type: 'Initialized', status: 'True'}
}

function containersReady(pod: Pod, init: ContainerStatus[], app: ContainerStatus[], phase: Phase): Generated {
  const unknownNames: string[] = []
  const unready: string[] = []
  const check = (c: Container, statuses: ContainerStatus[]): void => {
    const s = byName(statuses, c.name)
    if (!s) unknownNames.push(c.name)
    else if (!s.ready) unready.push(c.name)
  }
  for (const c of pod.spec?.initContainers ?? []) if (isSidecar(c)) check(c, init)
  for (const c of pod.spec?.containers ?? []) check(c, app)
  if ((phase === 'Succeeded' && unknownNames.length === 0) || phase === 'Failed') {
    return {type: 'ContainersReady', status: 'False', reason: phase === 'Failed' ? 'PodFailed' : 'PodCompleted'}
  }
  const msgs = [...(unknownNames.length ? [`containers with unknown status: ${goList(unknownNames)}`] : []), ...(unready.length ? [`containers with unready status: ${goList(unready)}`] : [])]
  if (msgs.length) return {type: 'ContainersReady', status: 'False', reason: 'ContainersNotReady', message: msgs.join(', ')}
  return {type: 'ContainersReady', status: 'True'}
}

function ready(pod: Pod, cr: Generated, others: PodCondition[]): Generated {
  if (cr.status !== 'True') return {...cr, type: 'Ready'}
  const msgs: string[] = []
  for (const gate of pod.spec?.readinessGates ?? []) {
    const c = others.find((o) => o.type === gate.conditionType)
    if (!c) msgs.push(`corresponding condition of pod readiness gate "${gate.conditionType}" does not exist.`)
    else if (c.status !== 'True') msgs.push(`the status of pod readiness gate "${gate.conditionType}" is not "True", but ${c.status}`)
  }
  return msgs.length ? {type: 'Ready', status: 'False', reason: 'ReadinessGatesNotReady', message: msgs.join(', ')} : {type: 'Ready', status: 'True'}
}

/** What the conditions are derived from. */
export interface ConditionInput {
  sandboxReady: boolean
  init: ContainerStatus[]
  app: ContainerStatus[]
  phase: Phase
}

/**
 * status.conditions as the kubelet writes them: conditions it does not own first (as they were), then
 * PodReadyToStartContainers, Initialized, Ready, ContainersReady, PodScheduled. A condition keeps its
 * lastTransitionTime while its status stays the same.
 */
export function podConditions(pod: Pod, input: ConditionInput, now: Date): PodCondition[] {
  const old = pod.status?.conditions ?? []
  const others = old.filter((c) => !KUBELET_CONDITIONS.includes(c.type))
  const sandbox: Generated = {type: 'PodReadyToStartContainers', status: input.sandboxReady && !isTerminalPhase(input.phase) ? 'True' : 'False'}
  const cr = containersReady(pod, input.init, input.app, input.phase)
  const generated = [sandbox, initialized(pod, input.init, input.app, input.phase), ready(pod, cr, others), cr, {type: 'PodScheduled', status: 'True'} as Generated]
  const generation = pod.metadata?.generation
  return [
    ...others,
    ...generated.map((g) => {
      const prev = old.find((c) => c.type === g.type)
      const since = prev && prev.status === g.status && prev.lastTransitionTime ? prev.lastTransitionTime : rfc3339(now)
      const c: Record<string, unknown> = {type: g.type}
      if (generation) c.observedGeneration = generation
      Object.assign(c, {status: g.status, lastProbeTime: null, lastTransitionTime: since})
      if (g.reason) c.reason = g.reason
      if (g.message) c.message = g.message
      return c as unknown as PodCondition
    }),
  ]
}
