// RuntimeClass admission (plugin/pkg/admission/runtimeclass), on pod create. Mutating: a pod naming a
// RuntimeClass that does not exist is refused; the class's overhead becomes the pod's spec.overhead (a
// different overhead the pod already carries is refused); its scheduling constraints join the pod's:
// node selector labels added (a conflicting value is refused), tolerations merged as
// pkg/util/tolerations.MergeTolerations does. Validating: a pod carrying an overhead its class does
// not define is refused.
import type {Pod, Toleration} from 'kubernetes-types/core/v1.js'
import type {StrategyContext} from '../strategy.js'
import type {RuntimeClassFields} from '../validation/runtimeclass.js'

import {apiErrors} from '../errors.js'
import {sortOwnKeys} from './service-account.js'
import {fieldsOf} from '../../machinery/sort-keys.js'
import {parseQuantity} from '../../machinery/quantity.js'

type ResourceList = Record<string, string | number>

/** The RuntimeClass a pod names (undefined when it names none); throws the plugin's 403 when it is missing. */
function runtimeClassOf(pod: Pod, name: string, ctx: StrategyContext): RuntimeClassFields | undefined {
  const className = pod.spec?.runtimeClassName
  if (className === undefined || className === null) return undefined
  const rc = ctx.getObject('RuntimeClass', '', className)
  if (!rc) throw apiErrors.forbidden('pods', '', name, `pod rejected: RuntimeClass "${className}" not found`)
  return rc as unknown as RuntimeClassFields
}

/** The mutating half: overhead and scheduling from the pod's RuntimeClass. */
export function admitRuntimeClass(pod: Pod, name: string, ctx: StrategyContext): void {
  const rc = runtimeClassOf(pod, name, ctx)
  if (!rc) return
  applyRuntimeClass(pod, name, rc)
  // the stored spec keeps its keys sorted (as ServiceAccount admission leaves them)
  sortOwnKeys(fieldsOf(pod.spec!))
}

function applyRuntimeClass(pod: Pod, name: string, rc: RuntimeClassFields): void {
  const spec = pod.spec!
  if (rc.overhead) {
    const fixed = rc.overhead.podFixed as ResourceList | undefined
    if (spec.overhead && !sameResources(fixed, spec.overhead as ResourceList)) {
      throw apiErrors.forbidden('pods', '', name, "pod rejected: Pod's Overhead doesn't match RuntimeClass's defined Overhead")
    }
    if (fixed) spec.overhead = {...fixed} as typeof spec.overhead
    else delete spec.overhead
  }
  const scheduling = rc.scheduling
  if (!scheduling) return
  const selector = {...(spec.nodeSelector ?? {})}
  for (const [key, value] of Object.entries(scheduling.nodeSelector ?? {}).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const podValue = spec.nodeSelector?.[key]
    if (podValue !== undefined && podValue !== value) {
      throw apiErrors.forbidden('pods', '', name, `conflict: runtimeClass.scheduling.nodeSelector[${key}] = ${value}; pod.spec.nodeSelector[${key}] = ${podValue}`)
    }
    selector[key] = value
  }
  if (Object.keys(selector).length > 0) spec.nodeSelector = selector
  const merged = mergeTolerations(spec.tolerations ?? [], scheduling.tolerations ?? [])
  if (merged.length > 0) spec.tolerations = merged
  else delete spec.tolerations
}

/** The validating half: an overhead on a pod whose class defines none is refused. */
export function validateRuntimeClassOverhead(pod: Pod, name: string, ctx: StrategyContext): void {
  const rc = runtimeClassOf(pod, name, ctx)
  if (rc?.overhead) {
    if (!sameResources(rc.overhead.podFixed as ResourceList | undefined, pod.spec?.overhead as ResourceList | undefined)) {
      throw apiErrors.forbidden('pods', '', name, "pod rejected: Pod's Overhead doesn't match RuntimeClass's defined Overhead")
    }
  } else if (pod.spec?.overhead) {
    throw apiErrors.forbidden('pods', '', name, 'pod rejected: Pod Overhead set without corresponding RuntimeClass defined Overhead')
  }
}

// equality.Semantic.DeepEqual of two ResourceLists: the same names, quantities equal by value, nil == empty
function sameResources(a: ResourceList | undefined, b: ResourceList | undefined): boolean {
  const ka = Object.keys(a ?? {})
  const kb = Object.keys(b ?? {})
  if (ka.length !== kb.length) return false
  return ka.every((k) => {
    if (!(k in (b ?? {}))) return false
    const x = parseQuantity(String(a![k]))
    const y = parseQuantity(String(b![k]))
    return x !== undefined && y !== undefined && x.cmp(y) === 0
  })
}

/** MergeTolerations: the pod's then the class's, each dropped when another one tolerates a superset of it. */
export function mergeTolerations(first: Toleration[], second: Toleration[]): Toleration[] {
  const all = [...first, ...second]
  const merged: Toleration[] = []
  all.forEach((t, i) => {
    if (merged.some((m) => isSuperset(m, t))) return
    // of two equal tolerations the first is kept
    if (all.slice(i + 1).some((later) => !sameToleration(t, later) && isSuperset(later, t))) return
    merged.push(t)
  })
  return merged
}

const sameToleration = (a: Toleration, b: Toleration): boolean =>
  (a.key ?? '') === (b.key ?? '') && (a.operator ?? '') === (b.operator ?? '') && (a.value ?? '') === (b.value ?? '') && (a.effect ?? '') === (b.effect ?? '') && (a.tolerationSeconds ?? null) === (b.tolerationSeconds ?? null)

// whether `ss` tolerates a superset of what `t` tolerates
function isSuperset(ss: Toleration, t: Toleration): boolean {
  if (sameToleration(ss, t)) return true
  const [ssKey, tKey, ssOp] = [ss.key ?? '', t.key ?? '', ss.operator ?? '']
  // an empty key with Exists matches every key
  if (tKey !== ssKey && (ssKey !== '' || ssOp !== 'Exists')) return false
  // an empty effect matches every effect
  if ((t.effect ?? '') !== (ss.effect ?? '') && (ss.effect ?? '') !== '') return false
  if (ss.effect === 'NoExecute' && ss.tolerationSeconds != null) {
    if (t.tolerationSeconds == null || t.tolerationSeconds > ss.tolerationSeconds) return false
  }
  if (ssOp === 'Equal' || ssOp === '') return t.operator === 'Equal' && (t.value ?? '') === (ss.value ?? '')
  return ssOp === 'Exists'
}
