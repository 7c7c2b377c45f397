// The `ksim.io/` pod annotations that tune the simulated container runtime, their value syntax and
// their validation at create. The simulated runtime (controllers/kubelet/simulated-runtime.ts) reads them
// through `lifecycleSetting`, so the two can never disagree about what a value means.
//
//   ksim.io/run-seconds            how long the process runs before it exits by itself
//                                  (default: app containers run forever, init containers exit at once)
//   ksim.io/exit-code              the code it exits with when it does (default 0)
//   ksim.io/termination-seconds    it handles SIGTERM and exits 0 this long after it; when unset the
//                                  process does not handle SIGTERM and dies at once with 143
//   ksim.io/ignore-sigterm         "true": SIGTERM does nothing; only SIGKILL (137) ends it
//   ksim.io/prestop-exec-seconds   how long an `exec` preStop hook runs (default 0)
//   ksim.io/pull-seconds           image pull time (default: the cluster profile's)
//   ksim.io/start-seconds          container create + start time (default: the profile's)
//   ksim.io/ready-seconds          time from start until a readiness probe first succeeds (profile's)
//   ksim.io/pull-error             every pull of the image fails with this message (ErrImagePull, then
//                                  ImagePullBackOff); non-empty
//   ksim.io/liveness-fail-seconds  the liveness probe fails from this long after the start on
//   ksim.io/startup-fail-seconds   the startup probe fails from this long after the start on
//   ksim.io/readiness-fail-seconds the readiness probe fails from this long after the start on ...
//   ksim.io/readiness-recover-seconds ... until this long after the start (then succeeds again)
//   ksim.io/memory-usage           the memory the process grows to (a quantity, "512Mi"); above the
//                                  container's limits.memory it is OOM-killed (exit 137, OOMKilled)
//
// Each may be narrowed to one container with a `.<container>` suffix (`ksim.io/run-seconds.web`),
// which wins over the pod-wide key. Seconds are non-negative decimals with at most 3 decimals.
import type {Pod} from 'kubernetes-types/core/v1.js'

import {fieldErr, type FieldError} from '../errors.js'
import {parseQuantity, ZERO} from '../../machinery/quantity.js'

/** The runtime's annotation prefix; every key under it must be one of LIFECYCLE_ANNOTATIONS. */
export const KSIM_PREFIX = 'ksim.io/'

/** The value kinds the annotations take. */
type ValueKind = 'seconds' | 'exitCode' | 'bool' | 'message' | 'quantity'

/** Every lifecycle annotation and the kind of value it takes. */
export const LIFECYCLE_ANNOTATIONS = {
  'ksim.io/run-seconds': 'seconds',
  'ksim.io/exit-code': 'exitCode',
  'ksim.io/termination-seconds': 'seconds',
  'ksim.io/ignore-sigterm': 'bool',
  'ksim.io/prestop-exec-seconds': 'seconds',
  'ksim.io/pull-seconds': 'seconds',
  'ksim.io/start-seconds': 'seconds',
  'ksim.io/ready-seconds': 'seconds',
  'ksim.io/pull-error': 'message',
  'ksim.io/memory-usage': 'quantity',
  'ksim.io/liveness-fail-seconds': 'seconds',
  'ksim.io/readiness-fail-seconds': 'seconds',
  'ksim.io/readiness-recover-seconds': 'seconds',
  'ksim.io/startup-fail-seconds': 'seconds',
} as const satisfies Record<string, ValueKind>

/** One of the annotation names (without a container suffix). */
export type LifecycleKey = keyof typeof LIFECYCLE_ANNOTATIONS

const SECONDS = /^\d{1,9}(\.\d{1,3})?$/
const INTEGER = /^\d{1,3}$/

/** A seconds value in milliseconds, or undefined when it is not one. */
export function parseSecondsMs(value: string): number | undefined {
  return SECONDS.test(value) ? Math.round(Number(value) * 1000) : undefined
}

/** An exit code 0–255, or undefined. */
export function parseExitCode(value: string): number | undefined {
  if (!INTEGER.test(value)) return undefined
  const n = Number(value)
  return n <= 255 ? n : undefined
}

const DETAIL: Record<ValueKind, string> = {
  seconds: 'must be a non-negative number of seconds with at most 3 decimals (e.g. "5" or "0.5")',
  exitCode: 'must be an integer exit code from 0 to 255',
  bool: 'must be "true" or "false"',
  message: 'must be a non-empty error message',
  quantity: 'must be a non-negative memory quantity (e.g. "512Mi" or "1G")',
}

function valid(kind: ValueKind, value: string): boolean {
  if (kind === 'seconds') return parseSecondsMs(value) !== undefined
  if (kind === 'exitCode') return parseExitCode(value) !== undefined
  if (kind === 'message') return value.trim() !== ''
  if (kind === 'quantity') return (parseQuantity(value)?.cmp(ZERO) ?? -1) >= 0
  return value === 'true' || value === 'false'
}

/** Splits `ksim.io/run-seconds.web` into its base key and container ('' when pod-wide). */
function splitKey(key: string): {base: string; container: string} {
  const dot = key.indexOf('.', KSIM_PREFIX.length)
  return dot < 0 ? {base: key, container: ''} : {base: key.slice(0, dot), container: key.slice(dot + 1)}
}

/** Rejects unknown `ksim.io/` annotations, bad values and suffixes naming no container of the pod. */
export function validateLifecycleAnnotations(pod: Pod): FieldError[] {
  const errs: FieldError[] = []
  const names = new Set([...(pod.spec?.containers ?? []), ...(pod.spec?.initContainers ?? [])].map((c) => c.name))
  const annotations = (pod.metadata?.annotations ?? {}) as Record<string, string>
  for (const key of Object.keys(annotations).sort()) {
    if (!key.startsWith(KSIM_PREFIX)) continue
    const {base, container} = splitKey(key)
    const kind = (LIFECYCLE_ANNOTATIONS as Record<string, ValueKind>)[base]
    if (!kind) {
      const known = Object.keys(LIFECYCLE_ANNOTATIONS).join(', ')
      errs.push(fieldErr.invalid('metadata.annotations', key, `unknown ksim.io annotation; known annotations are ${known}, each optionally suffixed with .<container>`))
      continue
    }
    if (container && !names.has(container)) {
      errs.push(fieldErr.invalid('metadata.annotations', key, `no container named "${container}" in this pod`))
      continue
    }
    const value = String(annotations[key])
    if (!valid(kind, value)) errs.push(fieldErr.invalid(`metadata.annotations[${key}]`, value, DETAIL[kind]))
  }
  return errs
}

/** The raw value that applies to `container`: its own `.<container>` key first, then the pod-wide key. */
export function lifecycleSetting(pod: Pod, key: LifecycleKey, container: string): string | undefined {
  const annotations = (pod.metadata?.annotations ?? {}) as Record<string, string>
  return annotations[`${key}.${container}`] ?? annotations[key]
}

/** A seconds setting in milliseconds, undefined when unset (or invalid: validation rejects those). */
export function lifecycleMs(pod: Pod, key: LifecycleKey, container: string): number | undefined {
  const v = lifecycleSetting(pod, key, container)
  return v === undefined ? undefined : parseSecondsMs(v)
}
