// What the simulated runtime's probes answer. A probe succeeds from the container's first probe on
// (`ksim.io/ready-seconds` after it starts) unless a failure annotation says otherwise, counted from the
// container's start:
//   ksim.io/liveness-fail-seconds     the liveness probe fails from then on
//   ksim.io/startup-fail-seconds      the startup probe fails from then on ("0": it never succeeds)
//   ksim.io/readiness-fail-seconds    the readiness probe fails from then on ...
//   ksim.io/readiness-recover-seconds ... until then, when it succeeds again
// A failure reports what the probe handler would: an HTTP status, a refused connection, a gRPC health
// status, or an exec probe's (empty) output.
import type {Container, Probe} from 'kubernetes-types/core/v1.js'
import type {ContainerHandle, ContainerRef, ProbeAnswer, ProbeKind} from './runtime.js'

import {lifecycleMs} from '../../api/validation/lifecycle-annotations.js'

const FAIL_KEY = {
  liveness: 'ksim.io/liveness-fail-seconds',
  readiness: 'ksim.io/readiness-fail-seconds',
  startup: 'ksim.io/startup-fail-seconds',
} as const

/** The container's probe of `kind`, if it has one. */
export function probeOf(c: Container, kind: ProbeKind): Probe | undefined {
  return kind === 'liveness' ? c.livenessProbe : kind === 'readiness' ? c.readinessProbe : c.startupProbe
}

/** The window in which the probe fails, as epoch ms [from, until). */
function failWindow(ref: ContainerRef, kind: ProbeKind, handle: ContainerHandle): {from: number; until: number} | undefined {
  const fail = lifecycleMs(ref.pod, FAIL_KEY[kind], ref.container.name)
  if (fail === undefined) return undefined
  const recover = kind === 'readiness' ? lifecycleMs(ref.pod, 'ksim.io/readiness-recover-seconds', ref.container.name) : undefined
  return {from: handle.startedAtMs + fail, until: recover === undefined ? Infinity : handle.startedAtMs + recover}
}

export function simulatedProbe(ref: ContainerRef, kind: ProbeKind, handle: ContainerHandle, atMs: number): ProbeAnswer {
  const w = failWindow(ref, kind, handle)
  if (!w || atMs < w.from || atMs >= w.until) return {ok: true, output: ''}
  return {ok: false, output: failureOutput(ref, probeOf(ref.container, kind))}
}

export function simulatedProbeChangesAt(ref: ContainerRef, kind: ProbeKind, handle: ContainerHandle, afterMs: number): number | undefined {
  const w = failWindow(ref, kind, handle)
  if (!w || w.until <= w.from) return undefined
  if (afterMs < w.from) return w.from
  return afterMs < w.until && w.until !== Infinity ? w.until : undefined
}

// the prober's output for a failed run of `probe` (pkg/probe: http, tcp, grpc, exec)
function failureOutput(ref: ContainerRef, probe: Probe | undefined): string {
  if (probe?.httpGet) return 'HTTP probe failed with statuscode: 500'
  if (probe?.tcpSocket) {
    const {port} = probe.tcpSocket
    const number = typeof port === 'number' ? port : (ref.container.ports ?? []).find((p) => p.name === port)?.containerPort ?? port
    return `dial tcp ${ref.pod.status?.podIP ?? ''}:${number}: connect: connection refused`
  }
  if (probe?.grpc) return 'service unhealthy (responded with "NOT_SERVING")'
  return ''
}
