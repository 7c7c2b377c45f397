// A pod's log as the API server and the kubelet serve it (LogLocation, validateContainerLogStatus):
// which container instance a log request reads, or the kubelet's refusal when there is none to read
// (waiting to start, a --previous that never was). A pod on no node has an empty log and no error.
// What an instance wrote belongs to its runtime; the simulated runtime's containers write nothing.
import type {ContainerStatus, Pod} from 'kubernetes-types/core/v1.js'

import {StatusError} from './errors.js'

const badRequest = (message: string): StatusError => new StatusError(400, 'BadRequest', message)

/** The status of a container (init or app) of the pod. */
export function containerStatusOf(pod: Pod, name: string, init: boolean): ContainerStatus | undefined {
  return (init ? pod.status?.initContainerStatuses : pod.status?.containerStatuses)?.find((s) => s.name === name)
}

/** LogLocation's validateContainer: the container a request names, or the only one; BadRequest otherwise. */
export function logContainer(pod: Pod, container: string | undefined): {name: string; init: boolean} {
  const p = pod.metadata?.name ?? ''
  const init = (pod.spec?.initContainers ?? []).map((c) => c.name)
  const app = (pod.spec?.containers ?? []).map((c) => c.name)
  if (!container) {
    if (app.length === 1) return {name: app[0], init: false}
    throw badRequest(`a container name must be specified for pod ${p}, choose one of: [${[...init, ...app].join(' ')}]`)
  }
  if (app.includes(container)) return {name: container, init: false}
  if (init.includes(container)) return {name: container, init: true}
  throw badRequest(`container ${container} is not valid for pod ${p}`)
}

/** The ID of the container instance a log request reads; undefined for a pod on no node (an empty log). */
export function logInstance(pod: Pod, c: string, init: boolean, previous: boolean): string | undefined {
  if (!pod.spec?.nodeName) return undefined
  const p = pod.metadata?.name ?? ''
  const s = containerStatusOf(pod, c, init)
  if (!s) throw badRequest(`container "${c}" in pod "${p}" is not available`)
  const last = s.lastState?.terminated
  const {waiting, running, terminated} = s.state ?? {}
  if (previous) {
    if (!last?.containerID) throw badRequest(`previous terminated container "${c}" in pod "${p}" not found`)
    return last.containerID
  }
  if (running) return s.containerID ?? ''
  if (terminated) {
    if (terminated.containerID) return terminated.containerID
    if (last?.containerID) return last.containerID
    throw badRequest(`container "${c}" in pod "${p}" is terminated`)
  }
  if (last) {
    if (!last.containerID) throw badRequest(`container "${c}" in pod "${p}" is terminated`)
    return last.containerID
  }
  if (waiting) {
    if (waiting.reason === 'ErrImagePull') throw badRequest(`container "${c}" in pod "${p}" is waiting to start: image can't be pulled`)
    if (waiting.reason === 'ImagePullBackOff') throw badRequest(`container "${c}" in pod "${p}" is waiting to start: trying and failing to pull image`)
    throw badRequest(`container "${c}" in pod "${p}" is waiting to start: ${waiting.reason ?? ''}`)
  }
  throw badRequest(`container "${c}" in pod "${p}" is waiting to start - no logs yet`)
}

/** Whether a followed log of instance `id` has ended: the instance stopped running, or the pod is gone. */
export function logEnded(pod: Pod | undefined, uid: string | undefined, c: string, init: boolean, id: string): boolean {
  if (!pod || pod.metadata?.uid !== uid) return true
  const s = containerStatusOf(pod, c, init)
  return !s?.state?.running || s.containerID !== id
}
