// The kubelet's restart of a container whose definition changed (computePodActions): a running app
// container, or a running sidecar, whose spec no longer matches the container that runs — its image was
// updated — is killed like any container (the pod's grace period, preStop hook, SIGTERM, SIGKILL),
// whatever the restartPolicy, and started again from the new spec in the same sync: pull, create,
// start, restartCount one up, the old container in lastState. Event Killing `Container web definition
// changed, will be restarted` (a sidecar's: `Init container istio definition changed`). The pod worker
// is busy with that sync throughout, so the status the API shows stays as it was until the new container
// runs. Regular init containers are never restarted for a changed spec, neither while they run nor once
// they completed.
import type {Container, ContainerStatus} from 'kubernetes-types/core/v1.js'
import type {PodPass} from './pod-pass.js'
import type {KillSignals} from './kill.js'

import {killSignals, terminationGraceSeconds} from './kill.js'
import {containerKey, withoutKill} from './memory.js'
import {isSidecar} from './status.js'

/**
 * Whether the container the status describes was made from another spec than `c`: the kubelet compares
 * a hash of the spec; the one field of a container an update may change is its image, which the runtime
 * reports normalised (`nginx:1.28` → `docker.io/library/nginx:1.28`).
 */
export function imageChanged(pass: PodPass, c: Container, s: ContainerStatus): boolean {
  if (!s.containerID) return false
  return pass.runtime.resolveImage(c.image ?? '').image !== s.image
}

/** Containers the kubelet restarts when their definition changes while they run: app containers and sidecars. */
export const restartsOnChange = (c: Container, init: boolean): boolean => !init || isSidecar(c)

/** The kill of a changed container in progress, if any. */
export function restartKill(pass: PodPass, c: Container, init: boolean): KillSignals | undefined {
  return pass.memo.restarts?.[containerKey(c.name, init)]
}

/** Begins killing a running container whose definition changed: its signals, and the Killing event. */
export function beginRestartKill(pass: PodPass, c: Container, init: boolean, fieldPath: string): KillSignals {
  const signals = killSignals(pass.runtime, pass.pod, c, init, pass.now, terminationGraceSeconds(pass.pod))
  pass.memo.restarts = {...pass.memo.restarts, [containerKey(c.name, init)]: signals}
  const message = init ? `Init container ${c.name} definition changed` : `Container ${c.name} definition changed, will be restarted`
  pass.events.push({type: 'Normal', reason: 'Killing', message, fieldPath})
  return signals
}

/** Forgets a finished restart kill (the new container runs, or the pod is terminating). */
export function endRestartKill(pass: PodPass, c: Container, init: boolean): void {
  pass.memo.restarts = withoutKill(pass.memo.restarts, containerKey(c.name, init))
}
