// Container statuses in the shape the kubelet posts them: field order of the Go struct, the default
// waiting state (ContainerCreating, or PodInitializing when the pod has init containers), the runtime's
// image names once a container exists, and started/ready from the (simulated) probes.
import type {Container, ContainerState, ContainerStatus, Pod} from 'kubernetes-types/core/v1.js'

/** The fields of a ContainerStatus, written in the Go struct's order (undefined ones left out). */
export function orderedStatus(s: ContainerStatus): ContainerStatus {
  const out: Record<string, unknown> = {}
  for (const k of ['name', 'state', 'lastState', 'ready', 'restartCount', 'image', 'imageID', 'containerID', 'started', 'allocatedResources', 'resources', 'volumeMounts']) {
    const v = (s as unknown as Record<string, unknown>)[k]
    if (v !== undefined) out[k] = v
  }
  return out as unknown as ContainerStatus
}

/** status.volumeMounts: every mount of the container, read-only ones with recursiveReadOnly Disabled. */
function volumeMounts(c: Container): ContainerStatus['volumeMounts'] {
  if (!c.volumeMounts?.length) return undefined
  return c.volumeMounts.map((m) => ({name: m.name, mountPath: m.mountPath, ...(m.readOnly ? {readOnly: true, recursiveReadOnly: 'Disabled'} : {})}))
}

/** A container the runtime has not created yet. */
export function initialStatus(pod: Pod, c: Container): ContainerStatus {
  const hasInit = (pod.spec?.initContainers ?? []).length > 0
  return orderedStatus({
    name: c.name,
    state: {waiting: {reason: hasInit ? 'PodInitializing' : 'ContainerCreating'}},
    lastState: {},
    ready: false,
    restartCount: 0,
    image: c.image ?? '',
    imageID: '',
    started: false,
    volumeMounts: volumeMounts(c),
  })
}

/** The runtime-reported parts of a container that exists: resources as allocated, image, IDs. */
export function createdStatus(c: Container, base: ContainerStatus, fields: {state: ContainerState; lastState: ContainerState; restartCount: number; image: string; imageID: string; containerID: string; started: boolean; ready: boolean}): ContainerStatus {
  const requests = c.resources?.requests
  return orderedStatus({
    ...base,
    ...fields,
    allocatedResources: requests && Object.keys(requests).length > 0 ? {...requests} : undefined,
    resources: structuredClone(c.resources ?? {}),
    volumeMounts: volumeMounts(c),
  })
}

/** Replaces the state (and optionally lastState), keeping the other fields in order. */
export function withState(s: ContainerStatus, state: ContainerState, extra: Partial<ContainerStatus> = {}): ContainerStatus {
  return orderedStatus({...s, state, ...extra})
}

/** The previous termination, whether the container still shows it as its state or already as lastState. */
export function lastTermination(s: ContainerStatus): ContainerState {
  if (s.state?.terminated) return {terminated: s.state.terminated}
  if (s.lastState?.terminated) return {terminated: s.lastState.terminated}
  return {}
}

/** Delay after start until a probe first succeeds: the larger of the runtime's time and initialDelaySeconds. */
export function probeDelayMs(probe: Container['readinessProbe'], readyMs: number): number | undefined {
  if (!probe) return undefined
  return Math.max(readyMs, (probe.initialDelaySeconds ?? 0) * 1000)
}
