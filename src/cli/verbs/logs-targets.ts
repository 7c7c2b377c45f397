// Which containers `logs` reads (kubectl's polymorphichelpers.logsForObject): a pod's named container,
// else its `kubectl.kubernetes.io/default-container`, else its first (saying so when it has others);
// every container with --all-containers; every pod a selector matches; for a workload (deploy/NAME,
// job/NAME, a Service...) the pod kubectl's ByLogging order puts first, waiting up to
// --pod-running-timeout for one to appear.
import type {Container, Pod} from 'kubernetes-types/core/v1.js'
import type {Api} from '../../api/server.js'
import type {KObject} from '../../api/types.js'

import {podType} from '../../api/kinds/pod.js'
import {compareText} from '../../api/types.js'
import {labelSelectorFromObject, labelSelectorString} from '../../machinery/labels.js'
import {CliError} from '../errors.js'
import {waitUntil} from '../resource/wait.js'
import type {Sinks, WaitSinks} from './sinks.js'

/** One log stream: a container of a pod. */
export interface LogSource {
  pod: Pod
  container: Container
  init: boolean
}

const DEFAULT_CONTAINER = 'kubectl.kubernetes.io/default-container'

/** podcmd.AllContainerNames: `a, b, setup (init)` (the regular containers first). */
function allContainerNames(pod: Pod): string {
  return [...(pod.spec?.containers ?? []).map((c) => c.name), ...(pod.spec?.initContainers ?? []).map((c) => `${c.name} (init)`)].join(', ')
}

function findContainer(pod: Pod, name: string): LogSource | undefined {
  const init = (pod.spec?.initContainers ?? []).find((c) => c.name === name)
  if (init) return {pod, container: init, init: true}
  const app = (pod.spec?.containers ?? []).find((c) => c.name === name)
  return app ? {pod, container: app, init: false} : undefined
}

/** The streams of one pod. */
export function podSources(pod: Pod, container: string | undefined, allContainers: boolean, sinks: Sinks): LogSource[] {
  if (allContainers) {
    return [...(pod.spec?.initContainers ?? []).map((c) => ({pod, container: c, init: true})), ...(pod.spec?.containers ?? []).map((c) => ({pod, container: c, init: false}))]
  }
  let name = container ?? ''
  const preset = pod.metadata?.annotations?.[DEFAULT_CONTAINER]
  if (!name && preset) {
    if (findContainer(pod, preset)) name = preset
    else sinks.err(`Default container name "${preset}" not found in pod ${pod.metadata?.name}`)
  }
  if (!name) {
    // the first container, as exec defaults to it
    name = pod.spec?.containers?.[0]?.name ?? ''
    if ((pod.spec?.containers?.length ?? 0) > 1 || (pod.spec?.initContainers?.length ?? 0) > 0) sinks.err(`Defaulted container "${name}" out of: ${allContainerNames(pod)}`)
  }
  const found = findContainer(pod, name)
  if (!found) throw new CliError(`container ${name} is not valid for pod ${pod.metadata?.name}`)
  return [found]
}

/** SelectorsForObject: the pods a workload or Service selects, as a selector string. */
function selectorOf(obj: KObject): string {
  const spec = (obj.spec ?? {}) as {selector?: unknown}
  const typeName = `*${obj.apiVersion.includes('/') ? obj.apiVersion.split('/')[1] : obj.apiVersion}.${obj.kind}`
  if (obj.kind === 'Service' || obj.kind === 'ReplicationController') {
    const selector = (spec.selector ?? {}) as Record<string, string>
    if (Object.keys(selector).length === 0) {
      throw new CliError(`cannot get the logs from ${typeName}: invalid service '${obj.metadata.name}': Service is defined without a selector`)
    }
    return Object.keys(selector).sort().map((k) => `${k}=${selector[k]}`).join(',')
  }
  if (!['Deployment', 'ReplicaSet', 'StatefulSet', 'DaemonSet', 'Job'].includes(obj.kind)) {
    throw new CliError(`cannot get the logs from ${typeName}: selector for ${typeName} not implemented`)
  }
  return labelSelectorString(labelSelectorFromObject(spec.selector as never))
}

const isReady = (p: Pod): boolean => (p.status?.conditions ?? []).some((c) => c.type === 'Ready' && c.status === 'True')
const readyTime = (p: Pod): string => (p.status?.conditions ?? []).find((c) => c.type === 'Ready' && c.status === 'True')?.lastTransitionTime ?? ''
const maxRestarts = (p: Pod): number => Math.max(0, ...(p.status?.containerStatuses ?? []).map((s) => s.restartCount ?? 0))
const PHASE_RANK: Record<string, number> = {Running: 0, Unknown: 1, Pending: 2}
// afterOrZero(t1, t2): a missing time sorts last; RFC 3339 strings in UTC compare as times
const afterOrZero = (t1: string, t2: string): boolean => (!t1 || !t2 ? !t1 : t1 > t2)

/** controller.ByLogging's Less: assigned, running, ready, ready longest, most restarts, oldest first. */
export function byLogging(a: Pod, b: Pod): boolean {
  const [na, nb] = [a.spec?.nodeName ?? '', b.spec?.nodeName ?? '']
  if (na !== nb && (!na || !nb)) return na !== ''
  const [pa, pb] = [PHASE_RANK[a.status?.phase ?? ''] ?? 0, PHASE_RANK[b.status?.phase ?? ''] ?? 0]
  if (pa !== pb) return pa < pb
  if (isReady(a) !== isReady(b)) return isReady(a)
  if (isReady(a) && isReady(b) && readyTime(a) !== readyTime(b)) return afterOrZero(readyTime(b), readyTime(a))
  if (maxRestarts(a) !== maxRestarts(b)) return maxRestarts(a) > maxRestarts(b)
  const [ca, cb] = [a.metadata?.creationTimestamp ?? '', b.metadata?.creationTimestamp ?? '']
  if (ca !== cb) return afterOrZero(cb, ca)
  return false
}

/** GetFirstPod: the best pod for logs among those the selector matches, waiting for one to appear. */
async function firstPod(api: Api, namespace: string, selector: string, timeoutMs: number, sinks: WaitSinks): Promise<{pod: Pod; count: number}> {
  const list = (): Pod[] => api.list(podType, namespace, {labelSelector: selector}).items as Pod[]
  let pods = list()
  if (pods.length === 0) {
    // the pods come from the controllers: the reconciler must run
    await sinks.beforeWait?.()
    const left = await waitUntil(api, [selector], () => (pods = list()).length > 0, {timeoutMs, kinds: ['Pod']})
    if (left.length > 0) throw new CliError('timed out waiting for the condition')
    return {pod: pods[0], count: 1}
  }
  const sorted = [...pods].sort((a, b) => (byLogging(a, b) ? -1 : byLogging(b, a) ? 1 : compareText(a.metadata?.name ?? '', b.metadata?.name ?? '')))
  return {pod: sorted[0], count: pods.length}
}

/** The streams for what the user named: a pod, the pods of a selector, or a workload's first pod. */
export async function logSources(api: Api, obj: KObject | Pod[], opts: {namespace: string; container?: string; allContainers: boolean; timeoutMs: number}, sinks: WaitSinks): Promise<LogSource[]> {
  if (Array.isArray(obj)) return obj.flatMap((p) => podSources(p, opts.container, opts.allContainers, sinks))
  if (obj.kind === 'Pod') return podSources(obj as Pod, opts.container, opts.allContainers, sinks)
  const {pod, count} = await firstPod(api, opts.namespace, selectorOf(obj), opts.timeoutMs, sinks)
  if (count > 1) sinks.err(`Found ${count} pods, using pod/${pod.metadata?.name}`)
  return podSources(pod, opts.container, opts.allContainers, sinks)
}
