// `run NAME -i|--attach [--rm] --image=x -- CMD`: kubectl's attached run. The Pod is created (not
// printed), then, as run.go's handleAttachPod: wait for it to run and be ready — or, if it completed
// first, print its log — and attach (attach.ts; on failure kubectl's warning and the log instead).
// With --restart=Never or OnFailure (and no --leave-stdin-open) it waits for the pod to complete and
// ends with the container's exit code; --rm deletes the Pod at the end, with kubectl's line. Only pods
// The attach shows the container's output from its start: the pod is attached to as it starts, and
// kubectl's race (lines written before its attach connected are not shown, so `-- echo hi` may print
// nothing) is left out. Only pods
// of the process runtime are attached to: a simulated container runs no process and never ends, so such
// a run is refused before anything is created.
import type {Pod} from 'kubernetes-types/core/v1.js'
import type {Api} from '../../api/server.js'
import type {Target} from '../../cluster/clusters.js'

import {podType} from '../../api/kinds/pod.js'
import {runtimeClassType} from '../../api/kinds/runtimeclass.js'
import {containerStatusOf} from '../../api/pod-log.js'
import {containersDir} from '../../config/paths.js'
import {CliError, errorText} from '../errors.js'
import {waitUntil} from '../resource/wait.js'
import {attachToPod} from './attach.js'
import {printLog} from './logs-read.js'
import {applyOverrides} from './run-overrides.js'
import {generateRunPod} from './run-generator.js'
import type {CheckedRun} from './run.js'
import type {WaitSinks} from './sinks.js'

export interface AttachedRun {
  restartPolicy: string
  quiet: boolean
  leaveStdinOpen: boolean
  timeoutMs: number
}

/** Whether the run's Pod (its overrides applied) runs in the process runtime. */
export function runsAsProcess(api: Api, input: CheckedRun): boolean {
  const pod = applyOverrides(generateRunPod(input), input.overrides, input.overrideType) as {spec?: {runtimeClassName?: string}}
  const runtimeClassName = pod.spec?.runtimeClassName
  if (!runtimeClassName) return api.profile()?.defaultRuntimeHandler === 'process'
  const cls = api.peek(runtimeClassType.kind, '', runtimeClassName) as {handler?: string} | undefined
  // a missing class is the API server's rejection of the pod, which create reports
  return cls === undefined || cls.handler === 'process'
}

export const SIMULATED_ATTACH = 'ksim cannot attach to a simulated container: it runs no process; give the pod runtimeClassName: ksim-process (e.g. --overrides=\'{"spec":{"runtimeClassName":"ksim-process"}}\'), create the cluster with --runtime process, or add --attach=false to only create the pod'

async function waitForPod(api: Api, ns: string, name: string, timeoutMs: number, done: (p: Pod) => boolean): Promise<Pod> {
  let pod: Pod | undefined
  const left = await waitUntil(api, [name], () => {
    pod = api.peek(podType.kind, ns, name) as Pod | undefined
    if (!pod) throw new CliError(`pods "${name}" not found`)
    return done(pod)
  }, {timeoutMs, kinds: ['Pod']})
  if (left.length > 0 || !pod) throw new CliError('timed out waiting for the condition')
  return pod
}

const completed = (p: Pod): boolean => p.status?.phase === 'Succeeded' || p.status?.phase === 'Failed'
const ready = (p: Pod): boolean => p.status?.phase === 'Running' && (p.status.conditions ?? []).some((c) => c.type === 'Ready' && c.status === 'True')

/** The attach and the wait; returns the exit code, and kubectl's text for a failed container (printed after --rm's line). */
export async function attachRun(api: Api, target: Target, input: CheckedRun, o: AttachedRun, sinks: WaitSinks): Promise<{code: number; stderr?: string}> {
  const ns = target.namespace
  const name = input.name
  let pod = await waitForPod(api, ns, name, o.timeoutMs, (p) => completed(p) || ready(p))
  const container = pod.spec?.containers[0]?.name ?? name
  const printLogOf = (p: Pod): void => {
    const id = containerStatusOf(p, container, false)?.containerID
    printLog(containersDir(target.cluster), {pod: p, container: p.spec!.containers[0]!, init: false}, id, {prefix: false}, sinks.out)
  }
  if (completed(pod)) printLogOf(pod)
  else {
    try {
      await attachToPod(target, pod, container, {stdin: input.stdin, tty: input.tty, quiet: o.quiet, fromStart: true}, sinks)
    } catch (error) {
      sinks.err(`warning: couldn't attach to pod/${name}, falling back to streaming logs: ${errorText(error).replace(/^error: /, '')}`)
      printLogOf(pod)
    }
  }
  if (o.leaveStdinOpen || !['Never', 'OnFailure'].includes(o.restartPolicy)) return {code: 0}
  pod = await waitForPod(api, ns, name, o.timeoutMs, o.restartPolicy === 'OnFailure' ? (p) => p.status?.phase === 'Succeeded' : completed)
  if (pod.status?.phase === 'Succeeded') return {code: 0}
  const terminated = pod.status?.containerStatuses?.[0]?.state?.terminated
  if (pod.status?.phase !== 'Failed') throw new CliError(`pod ${ns}/${name} left in phase ${pod.status?.phase}`)
  if (!terminated || terminated.exitCode === 0) throw new CliError(`pod ${ns}/${name} failed with unknown exit code`)
  // kubectl's CodeExitError: its text as it is (no `error: `), the container's code as kubectl's
  const text = `pod ${ns}/${name} terminated (${terminated.reason ?? ''})\n${terminated.message ?? ''}`
  return {code: terminated.exitCode, stderr: text.endsWith('\n') ? text : `${text}\n`}
}

/** --rm: the Pod deleted (gracefully, not waited for), with delete's line unless --quiet. */
export function removePod(api: Api, target: Target, name: string, quiet: boolean, sinks: WaitSinks): void {
  try {
    api.delete(podType, target.namespace, name, {})
  } catch (error) {
    if (errorText(error).includes('NotFound')) return
    throw error
  }
  if (!quiet) sinks.out(`pod "${name}" deleted from ${target.namespace} namespace\n`)
}
