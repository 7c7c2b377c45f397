// Pod rows as printers.go printPod computes them: READY, the STATUS reason, RESTARTS with the last
// restart's age, AGE, and the wide IP / NODE / NOMINATED NODE / READINESS GATES cells.
import type {ContainerStatus, KObject, Pod} from '../../api/types.js'

import {humanDuration} from '../../machinery/duration.js'
import {parseTime, since} from '../timestamps.js'
import {col, type TableHandler, wide} from './columns.js'

/** The STATUS, READY and RESTARTS cells of a pod, computed together as printPod does. */
export interface PodSummary {
  ready: string
  status: string
  restarts: string
}

const hasCondition = (pod: Pod, type: string): boolean =>
  (pod.status?.conditions ?? []).some((c) => c.type === type && c.status === 'True')

// the latest lastState.terminated.finishedAt of a status, compared with a running maximum
function laterFinish(current: number | undefined, cs: ContainerStatus): number | undefined {
  const t = parseTime(cs.lastState?.terminated?.finishedAt)
  return t !== undefined && (current === undefined || t > current) ? t : current
}

/** printPod's status algorithm (pkg/printers/internalversion/printers.go). */
export function podSummary(pod: Pod, now: Date): PodSummary {
  const spec = pod.spec ?? {containers: []}
  const status = pod.status ?? {}
  let restarts = 0
  let sidecarRestarts = 0
  let ready = 0
  let total = (spec.containers ?? []).length
  let lastRestart: number | undefined
  let lastSidecarRestart: number | undefined
  let reason = status.reason || status.phase || ''
  if ((status.conditions ?? []).some((c) => c.type === 'PodScheduled' && c.reason === 'SchedulingGated')) reason = 'SchedulingGated'

  const initSpecs = new Map((spec.initContainers ?? []).map((c) => [c.name, c]))
  const isSidecar = (name: string): boolean => initSpecs.get(name)?.restartPolicy === 'Always'
  total += (spec.initContainers ?? []).filter((c) => c.restartPolicy === 'Always').length

  let initializing = false
  const inits = status.initContainerStatuses ?? []
  for (let i = 0; i < inits.length; i++) {
    const cs = inits[i]
    restarts += cs.restartCount ?? 0
    lastRestart = laterFinish(lastRestart, cs)
    if (isSidecar(cs.name)) {
      sidecarRestarts += cs.restartCount ?? 0
      lastSidecarRestart = laterFinish(lastSidecarRestart, cs)
    }
    const term = cs.state?.terminated
    const waiting = cs.state?.waiting
    if (term && (term.exitCode ?? 0) === 0) continue
    if (isSidecar(cs.name) && cs.started === true) {
      if (cs.ready) ready++
      continue
    }
    if (term) {
      reason = term.reason ? `Init:${term.reason}` : term.signal ? `Init:Signal:${term.signal}` : `Init:ExitCode:${term.exitCode ?? 0}`
    } else if (waiting?.reason && waiting.reason !== 'PodInitializing') {
      reason = `Init:${waiting.reason}`
    } else {
      reason = `Init:${i}/${(spec.initContainers ?? []).length}`
    }
    initializing = true
    break
  }

  if (!initializing || hasCondition(pod, 'Initialized')) {
    restarts = sidecarRestarts
    lastRestart = lastSidecarRestart
    let hasRunning = false
    let errorReason = ''
    const statuses = status.containerStatuses ?? []
    for (let i = statuses.length - 1; i >= 0; i--) {
      const cs = statuses[i]
      restarts += cs.restartCount ?? 0
      lastRestart = laterFinish(lastRestart, cs)
      const term = cs.state?.terminated
      if (cs.state?.waiting?.reason) {
        reason = cs.state.waiting.reason
      } else if (term) {
        reason = term.reason || (term.signal ? `Signal:${term.signal}` : `ExitCode:${term.exitCode ?? 0}`)
        if ((term.exitCode ?? 0) !== 0) errorReason = reason
      } else if (cs.ready && cs.state?.running) {
        hasRunning = true
        ready++
      }
    }
    if (reason === 'Completed') {
      if (hasRunning && hasCondition(pod, 'Ready')) reason = 'Running'
      else if (errorReason) reason = errorReason
      else if (hasRunning) reason = 'NotReady'
    }
  }

  const terminal = status.phase === 'Succeeded' || status.phase === 'Failed'
  if (pod.metadata?.deletionTimestamp && status.reason === 'NodeLost') reason = 'Unknown'
  else if (pod.metadata?.deletionTimestamp && !terminal) reason = 'Terminating'

  let restartText = String(restarts)
  if (restarts !== 0 && lastRestart !== undefined) restartText = `${restarts} (${humanDuration(now.getTime() - lastRestart)} ago)`
  return {ready: `${ready}/${total}`, status: reason, restarts: restartText}
}

function readinessGates(pod: Pod): string {
  const gates = pod.spec?.readinessGates ?? []
  if (gates.length === 0) return '<none>'
  const conds = pod.status?.conditions ?? []
  const trueCount = gates.filter((g) => conds.find((c) => c.type === g.conditionType)?.status === 'True').length
  return `${trueCount}/${gates.length}`
}

/** Pods: NAME READY STATUS RESTARTS AGE, wide IP NODE NOMINATED NODE READINESS GATES. */
export const podTable: TableHandler = {
  columns: [col('Name', 'name'), col('Ready'), col('Status'), col('Restarts'), col('Age'),
    wide('IP'), wide('Node'), wide('Nominated Node'), wide('Readiness Gates')],
  cells(obj: KObject, now: Date): string[] {
    const pod = obj as unknown as Pod
    const s = podSummary(pod, now)
    return [pod.metadata?.name ?? '', s.ready, s.status, s.restarts, since(pod.metadata?.creationTimestamp, now),
      pod.status?.podIPs?.[0]?.ip || pod.status?.podIP || '<none>', pod.spec?.nodeName || '<none>',
      pod.status?.nominatedNodeName || '<none>', readinessGates(pod)]
  },
}
