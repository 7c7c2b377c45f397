// The Priority admission plugin. For a new pod: the priority of its priorityClassName (or of the
// globalDefault class, or 0 when there is none, naming that class in the pod) and the class's
// preemptionPolicy; a class that does not exist, or a priority or preemptionPolicy in the pod that
// differs from the class's, is refused with 403. For PriorityClasses: only one may be globalDefault.
import type {Pod} from 'kubernetes-types/core/v1.js'
import type {KObject} from '../types.js'
import type {StrategyContext} from '../strategy.js'

import {apiErrors} from '../errors.js'
import {SYSTEM_PRIORITY_CLASSES} from '../validation/priorityclass.js'

interface PriorityClassFields {
  value?: number
  globalDefault?: boolean
  preemptionPolicy?: string
}

/** A class by name: the stored ones, and the system classes until they are stored (a store without them). */
function lookup(ctx: StrategyContext, name: string): (KObject & PriorityClassFields) | undefined {
  const stored = ctx.getObject('PriorityClass', '', name) as (KObject & PriorityClassFields) | undefined
  if (stored) return stored
  const sys = SYSTEM_PRIORITY_CLASSES.find((c) => c.name === name)
  return sys && {apiVersion: 'scheduling.k8s.io/v1', kind: 'PriorityClass', metadata: {name}, value: sys.value, preemptionPolicy: 'PreemptLowerPriority'}
}

/** The globalDefault class with the lowest value (there should be one at most). */
function defaultClass(ctx: StrategyContext): (KObject & PriorityClassFields) | undefined {
  const all = (ctx.listObjects?.('PriorityClass') ?? []) as (KObject & PriorityClassFields)[]
  return all.filter((pc) => pc.globalDefault === true).sort((a, b) => (a.value ?? 0) - (b.value ?? 0))[0]
}

/** Admits a pod being created: fills spec.priority, priorityClassName (default class) and preemptionPolicy. */
export function admitPodPriority(pod: Pod & {spec: NonNullable<Pod['spec']>}, name: string, ctx: StrategyContext): void {
  const spec = pod.spec
  let priority = 0
  let policy: string | undefined = 'PreemptLowerPriority'
  if (!spec.priorityClassName) {
    const dpc = defaultClass(ctx)
    if (dpc) {
      spec.priorityClassName = dpc.metadata.name
      priority = dpc.value ?? 0
      policy = dpc.preemptionPolicy
    }
  } else {
    const pc = lookup(ctx, spec.priorityClassName)
    if (!pc) throw apiErrors.forbidden('pods', '', name, `no PriorityClass with name ${spec.priorityClassName} was found`)
    priority = pc.value ?? 0
    policy = pc.preemptionPolicy
  }
  if (spec.priority != null && spec.priority !== priority) {
    throw apiErrors.forbidden('pods', '', name, `the integer value of priority (${spec.priority}) must not be provided in pod spec; priority admission controller computed ${priority} from the given PriorityClass name`)
  }
  spec.priority = priority
  if (policy) {
    if (spec.preemptionPolicy && spec.preemptionPolicy !== policy) {
      throw apiErrors.forbidden('pods', '', name, `the string value of PreemptionPolicy (${spec.preemptionPolicy}) must not be provided in pod spec; priority admission controller computed ${policy} from the given PriorityClass name`)
    }
    spec.preemptionPolicy = policy
  }
}

/** Admits a PriorityClass create or update: a second globalDefault class is refused. */
export function admitPriorityClass(pc: KObject & PriorityClassFields, op: 'create' | 'update', ctx: StrategyContext): void {
  if (pc.globalDefault !== true) return
  const dpc = defaultClass(ctx)
  if (dpc && (op === 'create' || dpc.metadata.name !== pc.metadata.name)) {
    throw apiErrors.forbidden('priorityclasses', 'scheduling.k8s.io', pc.metadata.name ?? '', `PriorityClass ${dpc.metadata.name} currently has globalDefault set. Only one can exist`)
  }
}
