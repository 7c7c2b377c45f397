// The kill of a container whose liveness or startup probe failed (computePodActions): Killing
// `Container web failed liveness probe, will be restarted` (without ", will be restarted" under
// restartPolicy Never; a sidecar's: `Init container proxy failed liveness probe`), the probe's own
// terminationGracePeriodSeconds if it has one (else the pod's), preStop hook, SIGTERM, SIGKILL. Once the
// container has exited it restarts as any exited container does (restartPolicy, CrashLoopBackOff).
import type {Container} from 'kubernetes-types/core/v1.js'
import type {PodPass} from './pod-pass.js'
import type {KillSignals} from './kill.js'

import {killSignals, terminationGraceSeconds} from './kill.js'
import {containerKey, withoutKill} from './memory.js'
import {fieldPathOf} from './pod-pass.js'
import {probeOf} from './simulated-probes.js'

/** The probe kill of this container in progress, if any. */
export function probeKill(pass: PodPass, c: Container, init: boolean): KillSignals | undefined {
  return pass.memo.probeKills?.[containerKey(c.name, init)]
}

/** Begins killing a container whose `kind` probe failed at `atMs`: its signals, and the Killing event. */
export function beginProbeKill(pass: PodPass, c: Container, init: boolean, failed: {kind: 'liveness' | 'startup'; atMs: number}): KillSignals {
  const grace = probeOf(c, failed.kind)?.terminationGracePeriodSeconds ?? terminationGraceSeconds(pass.pod)
  const signals = killSignals(pass.runtime, pass.pod, c, init, failed.atMs, grace)
  pass.memo.probeKills = {...pass.memo.probeKills, [containerKey(c.name, init)]: signals}
  const restarts = (pass.pod.spec?.restartPolicy ?? 'Always') !== 'Never'
  const message = init ? `Init container ${c.name} failed ${failed.kind} probe` : `Container ${c.name} failed ${failed.kind} probe${restarts ? ', will be restarted' : ''}`
  pass.events.push({type: 'Normal', reason: 'Killing', message, fieldPath: fieldPathOf(c, init)})
  return signals
}

/** Forgets a probe kill once its container has exited. */
export function endProbeKill(pass: PodPass, c: Container, init: boolean): void {
  pass.memo.probeKills = withoutKill(pass.memo.probeKills, containerKey(c.name, init))
}
