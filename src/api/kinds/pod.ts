// Pod: namespaced, `po`, in `all`. Defaulting and admission as the API server applies them, Pending
// with its QoS class on create, Kubernetes' validation and update rules, and the pod delete grace.
import type {Pod} from 'kubernetes-types/core/v1.js'
import type {StrategyContext} from '../strategy.js'

import {admitPodSecurity} from '../admission/pod-security.js'
import {admitServiceAccount} from '../admission/service-account.js'
import {admitRuntimeClass, validateRuntimeClassOverhead} from '../admission/runtime-class.js'
import {defaultPod, podQOSClass} from '../defaults/pod.js'
import {mergeLabelKeysIntoSelectors} from '../defaults/pod-label-keys.js'
import {admitPodPriority} from '../admission/priority.js'
import {sortKeysDeep} from '../../machinery/sort-keys.js'
import {apiErrors} from '../errors.js'
import {quantityError} from '../../machinery/quantity.js'
import {register} from '../registry.js'
import {rfc3339, type KObject} from '../types.js'
import {podWarnings, validatePodCreate} from '../validation/pod.js'
import {semanticEqual, validatePodUpdate} from '../validation/pod-update.js'
import {dropDisabledPodFields, dropDisabledPodStatusFields} from '../schema/drop-disabled.js'
import {validateLifecycleAnnotations} from '../validation/lifecycle-annotations.js'

const asPod = (obj: KObject): Pod => obj as Pod

/** The decode error the API server returns (400) for a resource value that is not a quantity. */
function checkQuantities(pod: Pod): void {
  for (const c of [...(pod.spec?.containers ?? []), ...(pod.spec?.initContainers ?? [])]) {
    for (const list of [c.resources?.limits, c.resources?.requests]) {
      for (const raw of Object.values(list ?? {})) {
        const problem = quantityError(String(raw))
        if (problem) throw apiErrors.badRequest(`Pod in version "v1" cannot be handled as a Pod: ${problem}`)
      }
    }
  }
}

/**
 * Pod strategy graceful-delete rule: the request's grace, else spec.terminationGracePeriodSeconds;
 * 0 (immediate) when never scheduled or already Succeeded/Failed; a negative value means 1.
 */
export function podDeleteGracePeriod(pod: Pod, requested: number | undefined): number {
  let period = requested ?? pod.spec?.terminationGracePeriodSeconds ?? 0
  if (!pod.spec?.nodeName) period = 0
  const phase = pod.status?.phase
  if (phase === 'Succeeded' || phase === 'Failed') period = 0
  return period < 0 ? 1 : period
}

const givenPriority = new WeakMap<KObject, {priority?: number; preemptionPolicy?: string}>()

// Priority admission (a mutating admission plugin: before validation) with the fields as the client sent them
function admitPriorityOnCreate(obj: KObject, ctx: StrategyContext): void {
  const pod = asPod(obj)
  if (!pod.spec) return
  const given = givenPriority.get(obj) ?? {}
  pod.spec.priority = given.priority
  pod.spec.preemptionPolicy = given.preemptionPolicy
  if (given.priority === undefined) delete pod.spec.priority
  if (given.preemptionPolicy === undefined) delete pod.spec.preemptionPolicy
  admitPodPriority(pod as never, obj.metadata.name || obj.metadata.generateName || '', ctx)
  pod.spec = sortKeysDeep(pod.spec)
}

/** The Pod resource type, registered when this module loads. */
export const podType = register({
  kind: 'Pod',
  group: '',
  version: 'v1',
  plural: 'pods',
  singular: 'pod',
  shortNames: ['po'],
  namespaced: true,
  categories: ['all'],
  strategy: {
    tracksGeneration: true,
    default(obj: KObject, ctx: StrategyContext) {
      // what the client sent, for Priority admission on create (defaulting fills a stand-in for updates)
      const spec = asPod(obj).spec
      if (spec) givenPriority.set(obj, {priority: spec.priority, preemptionPolicy: spec.preemptionPolicy})
      checkQuantities(asPod(obj))
      // fields behind feature gates that v1.34 leaves off are dropped, as the API server does
      dropDisabledPodFields(obj as never)
      defaultPod(asPod(obj), ctx.settings)
    },
    prepareForStatusUpdate(status: unknown) {
      dropDisabledPodStatusFields(status)
    },
    prepareForCreate(obj: KObject, ctx: StrategyContext) {
      mergeLabelKeysIntoSelectors(asPod(obj))
      admitPriorityOnCreate(obj, ctx)
      const status: Record<string, unknown> = {phase: 'Pending', qosClass: podQOSClass(asPod(obj))}
      // a gated pod says why it is not being scheduled (applySchedulingGatedCondition)
      if ((asPod(obj).spec?.schedulingGates ?? []).length > 0) {
        const condition = {
          lastProbeTime: null,
          lastTransitionTime: rfc3339(ctx.clock.now()),
          message: 'Scheduling is blocked due to non-empty scheduling gates',
          reason: 'SchedulingGated',
          status: 'False',
          type: 'PodScheduled',
        }
        obj.status = {conditions: [condition], ...status}
      } else {
        obj.status = status
      }
    },
    validate(obj: KObject, ctx: StrategyContext) {
      return [...validatePodCreate(asPod(obj), {allowPrivileged: ctx.settings.allowPrivileged}), ...validateLifecycleAnnotations(asPod(obj))]
    },
    validateUpdate(obj: KObject, old: KObject, ctx: StrategyContext) {
      return validatePodUpdate(asPod(obj), asPod(old), {allowPrivileged: ctx.settings.allowPrivileged})
    },
    admit(obj: KObject, op: 'create' | 'update', ctx: StrategyContext) {
      // Pod Security only looks at updates that change security-relevant fields; pod updates
      // that pass validation cannot, so only creates are evaluated
      if (op !== 'create') return {warnings: []}
      const pod = asPod(obj)
      const namespace = ctx.getObject('Namespace', '', obj.metadata.namespace ?? '')
      const labels = (namespace?.metadata.labels ?? {}) as Record<string, string>
      const name = obj.metadata.name || obj.metadata.generateName || ''
      // mutating admission (ServiceAccount) runs before validating admission (PodSecurity)
      admitServiceAccount(pod, name, ctx)
      admitRuntimeClass(pod, name, ctx)
      const psa = admitPodSecurity(pod, labels, name)
      validateRuntimeClassOverhead(pod, name, ctx)
      return {warnings: [...podWarnings(pod), ...psa.warnings]}
    },
    deleteGracePeriod(obj: KObject, requested: number | undefined) {
      return podDeleteGracePeriod(asPod(obj), requested)
    },
    specChanged(obj: KObject, old: KObject) {
      // binding (nodeName set once by the scheduler) goes through its own subresource upstream and
      // leaves generation alone
      const oldSpec = old.spec as {nodeName?: string} | undefined
      const newSpec = obj.spec as {nodeName?: string} | undefined
      if (!oldSpec?.nodeName && newSpec?.nodeName) return !semanticEqual({...newSpec, nodeName: undefined}, {...oldSpec, nodeName: undefined})
      return !semanticEqual(obj.spec, old.spec)
    },
  },
})
