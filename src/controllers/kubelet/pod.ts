// One pod on one node, as the kubelet's pod worker handles it in a sync: admit it, mount its volumes
// (FailedMount while a ConfigMap/Secret is missing), create the sandbox (pod IP), run the init containers
// one at a time and then the app containers, or terminate it when it has a deletionTimestamp. Pure:
// the pod, node, memory and clock in; the status to post, events, next due time and whether to delete
// the pod out.
import type {ContainerStatus, Node, Pod, PodStatus} from 'kubernetes-types/core/v1.js'
import type {ObjectLookup} from './config.js'
import type {PlannedEvent, PodPass} from './pod-pass.js'
import type {Runtime} from './runtime.js'

import {rfc3339} from '../../api/types.js'
import {admissionRejection} from './admission.js'
import {failedMountMessage, mountFailures} from './config.js'
import {SYNC_RETRY_MS, stepContainer} from './containers.js'
import {DEADLINE_MESSAGE, DEADLINE_REASON, activeDeadlineAt, deadlineEvent} from './deadline.js'
import {cloneMemo, type PodMemo} from './memory.js'
import {allocatePodIP, hostIPOf} from './network.js'
import {sandboxRuntimeError} from './sandbox-runtime.js'
import {KUBELET_CONDITIONS, getPhase, isSidecar, isTerminalPhase, podConditions, type Phase} from './status.js'
import {doneButSidecars, stepTermination} from './termination.js'
import {addPod, type NodeUsage} from '../scheduler/pod-resources.js'

/** The volume manager's retry: 500 ms doubling to 2m2s. */
const MOUNT_RETRY_INITIAL_MS = 500
const MOUNT_RETRY_MAX_MS = 122_000

/** What a pod's sync reads besides the pod. */
export interface NodeContext {
  node: Node
  now: number
  runtime: Runtime
  lookup: ObjectLookup
  /** normalised images present on the node (pulls add to it) */
  images: Set<string>
  /** pod IPs in use on the node (allocations add to it) */
  usedIPs: Set<string>
  /** what the node's admitted pods use (admissions add to it) */
  admitted: NodeUsage
}

/** The outcome of one sync. */
export interface PodPlan {
  /** the status to post, when it differs from the stored one */
  status?: PodStatus
  events: PlannedEvent[]
  /** when the pod next needs a sync (epoch ms) */
  nextAtMs?: number
  /** something is in progress (not only periodic retries of a failure: FailedMount, config errors) */
  busy: boolean
  /** the pod is finished terminating: delete it with grace 0 */
  remove: boolean
  memo: PodMemo
}

const hasKubeletStatus = (pod: Pod): boolean => (pod.status?.conditions ?? []).some((c) => c.type === 'PodReadyToStartContainers')

/** Plans one sync of `pod` at ctx.now. */
export function planPod(pod: Pod, ctx: NodeContext, memo0: PodMemo | undefined): PodPlan {
  const memo = cloneMemo(memo0)
  let nextAt: number | undefined
  let busy = false
  const wake = (t: number, retry = false): void => {
    nextAt = nextAt === undefined ? t : Math.min(nextAt, t)
    busy ||= !retry
  }
  const pass: PodPass = {pod, now: ctx.now, runtime: ctx.runtime, memo, images: ctx.images, lookup: ctx.lookup, events: [], wake}
  const done = (status: PodStatus | undefined, remove = false): PodPlan => {
    const changed = status && JSON.stringify(status) !== JSON.stringify(pod.status ?? {}) ? status : undefined
    return {status: changed, events: pass.events, nextAtMs: nextAt, busy, remove, memo}
  }
  const now = new Date(ctx.now)
  if (pod.metadata?.deletionTimestamp) {
    const step = stepTermination(pass)
    const sandboxReady = !step.phase && hasSandbox(pod)
    return done(assemble(pod, ctx, {init: step.init, app: step.app, phase: step.phase ?? currentPhase(pod, step.init, step.app), sandboxReady}, now), step.phase !== undefined)
  }
  const deadline = activeDeadlineAt(pod)
  if (deadline !== undefined && ctx.now >= deadline && (!isTerminalPhase(pod.status?.phase) || anyRunning(pod))) {
    // SyncPod generates the Failed status; SyncTerminatingPod generates it again before and after the
    // kill, SyncTerminatedPod once more: each time the deadline handler records its event
    if (!memo.termination) pass.events.push(deadlineEvent(), deadlineEvent())
    const step = stepTermination(pass)
    if (step.phase) pass.events.push(deadlineEvent(), deadlineEvent())
    return done(assemble(pod, ctx, {init: step.init, app: step.app, phase: 'Failed', sandboxReady: false, reason: DEADLINE_REASON, message: DEADLINE_MESSAGE}, now))
  }
  if (isTerminalPhase(pod.status?.phase)) return done(undefined)
  if (memo.termination || doneButSidecars(pod, pod.status?.initContainerStatuses ?? [], pod.status?.containerStatuses ?? [])) {
    // done but for its sidecars: killed like a deleted pod, then Succeeded or Failed (not deleted)
    const step = stepTermination(pass)
    return done(assemble(pod, ctx, {init: step.init, app: step.app, phase: step.phase ?? currentPhase(pod, step.init, step.app), sandboxReady: !step.phase && hasSandbox(pod)}, now))
  }
  if (deadline !== undefined) pass.wake(deadline, true)
  if (!hasKubeletStatus(pod)) {
    const rejection = admissionRejection(pod, ctx.node, ctx.admitted)
    if (rejection) {
      pass.events.push({type: 'Warning', reason: rejection.reason, message: rejection.message})
      const others = (pod.status?.conditions ?? []).filter((c) => !KUBELET_CONDITIONS.includes(c.type))
      const status: Record<string, unknown> = {phase: 'Failed', ...(others.length ? {conditions: others} : {}), message: `Pod was rejected: ${rejection.message}`, reason: rejection.reason, startTime: rfc3339(now), qosClass: pod.status?.qosClass}
      return done(status as PodStatus)
    }
    addPod(ctx.admitted, pod)
  }
  let sandboxReady = hasSandbox(pod)
  if (!sandboxReady) {
    const failures = mountFailures(pod, ctx.lookup)
    if (failures.length > 0) {
      const retry = memo.mount
      if (!retry || ctx.now >= retry.nextMs) {
        for (const f of failures) pass.events.push({type: 'Warning', reason: 'FailedMount', message: failedMountMessage(f)})
        const delayMs = retry ? Math.min(retry.delayMs * 2, MOUNT_RETRY_MAX_MS) : MOUNT_RETRY_INITIAL_MS
        memo.mount = {nextMs: ctx.now + delayMs, delayMs}
      }
      pass.wake(memo.mount!.nextMs, true)
    } else {
      memo.mount = undefined
      if (!sandboxFails(pass)) {
        if (memo.sandboxReadyMs === undefined) {
          memo.sandboxReadyMs = ctx.now + ctx.runtime.sandboxMs(pod)
          const warning = ctx.runtime.sandboxWarning?.(pod)
          if (warning) pass.events.push({type: 'Warning', reason: 'SandboxWithoutNamespaces', message: warning})
        }
        sandboxReady = ctx.now >= memo.sandboxReadyMs
        if (!sandboxReady) pass.wake(memo.sandboxReadyMs)
      }
    }
  }
  // the volume manager: volumes in place before the containers start, their files kept up to date
  if (sandboxReady) ctx.runtime.syncVolumes?.(pod)
  const old = (list: ContainerStatus[] | undefined, name: string): ContainerStatus | undefined => list?.find((s) => s.name === name)
  const init: ContainerStatus[] = []
  let eligible = sandboxReady
  for (const c of pod.spec?.initContainers ?? []) {
    const s = stepContainer(pass, c, true, old(pod.status?.initContainerStatuses, c.name), eligible)
    init.push(s)
    eligible &&= isSidecar(c) ? !!s.started : s.state?.terminated?.exitCode === 0
  }
  const app = pod.spec!.containers.map((c) => stepContainer(pass, c, false, old(pod.status?.containerStatuses, c.name), eligible))
  if (doneButSidecars(pod, init, app)) pass.wake(ctx.now) // the kill starts at the next sync, at once
  return done(assemble(pod, ctx, {init, app, phase: currentPhase(pod, init, app), sandboxReady}, now))
}

// a sandbox whose runtime handler cannot be had: FailedCreatePodSandBox at each sync, every SYNC_RETRY_MS
function sandboxFails(pass: PodPass): boolean {
  const memo = pass.memo
  if (memo.sandboxReadyMs !== undefined) return false
  const retry = memo.sandboxRetry
  const attempt = retry && pass.now >= retry.nextMs ? retry.attempt + 1 : (retry?.attempt ?? 0)
  const error = sandboxRuntimeError(pass.pod, (name) => pass.lookup('RuntimeClass', '', name), attempt)
  if (error === undefined) {
    memo.sandboxRetry = undefined
    return false
  }
  if (!retry || pass.now >= retry.nextMs) {
    pass.events.push({type: 'Warning', reason: 'FailedCreatePodSandBox', message: `Failed to create pod sandbox: ${error}`})
    memo.sandboxRetry = {attempt, nextMs: pass.now + SYNC_RETRY_MS}
  }
  pass.wake(memo.sandboxRetry!.nextMs, true)
  return true
}

const anyRunning = (pod: Pod): boolean => [...(pod.status?.initContainerStatuses ?? []), ...(pod.status?.containerStatuses ?? [])].some((s) => s.state?.running)

const hasSandbox = (pod: Pod): boolean => (pod.status?.conditions ?? []).some((c) => c.type === 'PodReadyToStartContainers' && c.status === 'True')

// getPhase, but a terminal phase never changes back
function currentPhase(pod: Pod, init: ContainerStatus[], app: ContainerStatus[]): Phase {
  const old = pod.status?.phase
  if (old === 'Succeeded' || old === 'Failed') return old
  return getPhase(pod, init, app, false)
}

/** What a sync made of the pod: statuses, phase, sandbox, and the phase's reason when the kubelet sets one. */
interface StatusParts {
  init: ContainerStatus[]
  app: ContainerStatus[]
  phase: Phase
  sandboxReady: boolean
  reason?: string
  message?: string
}

/** The full status in the order the API server serialises PodStatus; fields we do not manage are kept. */
function assemble(pod: Pod, ctx: NodeContext, parts: StatusParts, now: Date): PodStatus {
  const old = (pod.status ?? {}) as Record<string, unknown>
  const hostIP = hostIPOf(ctx.node)
  let podIP = pod.status?.podIP
  if (!podIP && parts.sandboxReady && !isTerminalPhase(parts.phase)) {
    podIP = pod.spec?.hostNetwork ? hostIP : allocatePodIP(ctx.node, ctx.usedIPs)
    if (podIP && !pod.spec?.hostNetwork) ctx.usedIPs.add(podIP)
  }
  const out: Record<string, unknown> = {}
  if (pod.metadata?.generation) out.observedGeneration = pod.metadata.generation
  out.phase = parts.phase
  out.conditions = podConditions(pod, {sandboxReady: parts.sandboxReady, init: parts.init, app: parts.app, phase: parts.phase}, now)
  const own: Record<string, unknown> = {message: parts.message, reason: parts.reason}
  for (const k of ['message', 'reason', 'nominatedNodeName']) if ((own[k] ?? old[k]) !== undefined) out[k] = own[k] ?? old[k]
  if (hostIP) {
    out.hostIP = hostIP
    out.hostIPs = [{ip: hostIP}]
  }
  if (podIP) {
    out.podIP = podIP
    out.podIPs = [{ip: podIP}]
  }
  out.startTime = pod.status?.startTime ?? rfc3339(now)
  if (parts.init.length > 0) out.initContainerStatuses = parts.init
  out.containerStatuses = [...parts.app].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
  if (old.qosClass !== undefined) out.qosClass = old.qosClass
  for (const [k, v] of Object.entries(old)) if (!(k in out) && !['observedGeneration', 'phase', 'conditions', 'hostIP', 'hostIPs', 'podIP', 'podIPs', 'startTime', 'initContainerStatuses', 'containerStatuses'].includes(k)) out[k] = v
  return out as PodStatus
}
