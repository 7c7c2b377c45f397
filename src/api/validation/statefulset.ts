// ValidateStatefulSetSpec and ValidateStatefulSetUpdate (apps/validation/validation.go): pod management
// policy, update strategy, PVC retention policy, counts, the selector and the template — whose pod spec
// the API server does not validate for a StatefulSet (only its labels and annotations: a bad pod spec
// shows up as FailedCreate events) — and on update the fields that may change.
import type {LabelSelector} from 'kubernetes-types/meta/v1.js'
import type {PodTemplateSpec} from 'kubernetes-types/core/v1.js'
import type {StatefulSetSpecShape} from '../defaults/apps.js'

import {fieldErr, type FieldError} from '../errors.js'
import {labelSelectorFromObject, matchLabelSelector} from '../../machinery/labels.js'
import {validateLabelSelector} from './label-selector.js'
import {goLabelSelector, goStringMap} from './go-value.js'
import {validateAnnotations, validateLabels} from './object-meta.js'
import {semanticEqual} from './pod-update.js'
import {nonNegative} from './workload.js'
import {validateMaxUnavailable} from './daemonset.js'

type Spec = StatefulSetSpecShape & {minReadySeconds?: number; ordinals?: {start?: number}; selector?: LabelSelector | null; template?: PodTemplateSpec; serviceName?: string}

const rendered = (field: string, value: string, detail: string): FieldError => ({type: 'FieldValueInvalid', field, hasValue: false, detail: `${value}: ${detail}`})

/** Go's `%#v` of apps.RollingUpdateStatefulSetStrategy. */
function goRollingUpdate(ru: {partition?: number; maxUnavailable?: number | string}): string {
  const mu = ru.maxUnavailable === undefined ? '(*intstr.IntOrString)(nil)' : '(*intstr.IntOrString)(0xc000000000)'
  return `apps.RollingUpdateStatefulSetStrategy{Partition:${ru.partition ?? 0}, MaxUnavailable:${mu}}`
}

function validateUpdateStrategy(s: Spec): FieldError[] {
  const strategy = s.updateStrategy ?? {}
  const ru = strategy.rollingUpdate
  switch (strategy.type ?? '') {
    case '':
      return [fieldErr.required('spec.updateStrategy')]
    case 'OnDelete':
      return ru ? [rendered('spec.updateStrategy.rollingUpdate', `&${goRollingUpdate(ru)}`, "only allowed for updateStrategy 'RollingUpdate'")] : []
    case 'RollingUpdate':
      if (!ru) return []
      return [...nonNegative(ru.partition ?? 0, 'spec.updateStrategy.rollingUpdate.partition'), ...(ru.maxUnavailable === undefined ? [] : validateMaxUnavailable(ru.maxUnavailable))]
    default: {
      const ruText = ru ? '(*apps.RollingUpdateStatefulSetStrategy)(0xc000000000)' : '(*apps.RollingUpdateStatefulSetStrategy)(nil)'
      return [rendered('spec.updateStrategy', `apps.StatefulSetUpdateStrategy{Type:${JSON.stringify(strategy.type)}, RollingUpdate:${ruText}}`, "must be 'RollingUpdate' or 'OnDelete'")]
    }
  }
}

function validateRetention(policy: Spec['persistentVolumeClaimRetentionPolicy']): FieldError[] {
  if (!policy) return []
  const errs: FieldError[] = []
  for (const k of ['whenDeleted', 'whenScaled'] as const) {
    const v = policy[k] ?? ''
    if (v !== 'Retain' && v !== 'Delete') errs.push(fieldErr.notSupported(`spec.persistentVolumeClaimRetentionPolicy.${k}`, v, ['Delete', 'Retain']))
  }
  return errs
}

/** The selector and ValidatePodTemplateSpecForStatefulSet: labels matching it, labels, annotations. */
function validateSelectorAndTemplate(s: Spec): FieldError[] {
  const errs: FieldError[] = []
  let selector
  if (!s.selector) errs.push(fieldErr.required('spec.selector'))
  else {
    errs.push(...validateLabelSelector(s.selector, 'spec.selector'))
    const n = Object.keys(s.selector.matchLabels ?? {}).length + (s.selector.matchExpressions ?? []).length
    if (n === 0) errs.push(rendered('spec.selector', goLabelSelector(s.selector), 'empty selector is invalid for statefulset'))
  }
  try {
    selector = s.selector ? labelSelectorFromObject(s.selector) : undefined
  } catch {
    errs.push(rendered('spec.selector', goLabelSelector(s.selector!), ''))
    return errs
  }
  const labels = s.template?.metadata?.labels
  // a nil selector selects nothing (labels.Nothing), so it never matches; an empty one matches all
  if ((!selector || selector.requirements.length > 0) && !(selector && matchLabelSelector(selector, labels))) {
    errs.push(rendered('spec.template.metadata.labels', goStringMap(labels), '`selector` does not match template `labels`'))
  }
  errs.push(...validateLabels(labels, 'spec.template.metadata.labels'))
  errs.push(...validateAnnotations(s.template?.metadata?.annotations, 'spec.template.metadata.annotations'))
  return errs
}

/** ValidateStatefulSetSpec. */
export function validateStatefulSetSpec(spec: unknown): FieldError[] {
  const s = (spec ?? {}) as Spec
  const errs: FieldError[] = []
  const policy = s.podManagementPolicy ?? ''
  if (policy === '') errs.push(fieldErr.required('spec.podManagementPolicy'))
  else if (policy !== 'OrderedReady' && policy !== 'Parallel') errs.push(fieldErr.invalid('spec.podManagementPolicy', policy, "must be 'OrderedReady' or 'Parallel'"))
  errs.push(...validateUpdateStrategy(s))
  errs.push(...validateRetention(s.persistentVolumeClaimRetentionPolicy))
  if (s.ordinals) errs.push(...nonNegative(s.ordinals.start ?? 0, 'spec.ordinals.start'))
  errs.push(...nonNegative(s.replicas, 'spec.replicas'))
  errs.push(...nonNegative(s.minReadySeconds, 'spec.minReadySeconds'))
  errs.push(...validateSelectorAndTemplate(s))
  const restartPolicy = s.template?.spec?.restartPolicy ?? ''
  if (restartPolicy !== 'Always') errs.push(fieldErr.notSupported('spec.template.spec.restartPolicy', restartPolicy, ['Always']))
  if (s.template?.spec?.activeDeadlineSeconds != null) {
    errs.push(fieldErr.forbidden('spec.template.spec.activeDeadlineSeconds', 'activeDeadlineSeconds in StatefulSet is not Supported'))
  }
  return errs
}

/** The spec fields an update may change (ValidateStatefulSetUpdate). */
const MUTABLE = ['replicas', 'template', 'updateStrategy', 'minReadySeconds', 'ordinals', 'revisionHistoryLimit', 'persistentVolumeClaimRetentionPolicy']

/** ValidateStatefulSetUpdate beyond metadata: the spec again, then any change outside the mutable fields. */
export function validateStatefulSetUpdate(next: unknown, old: unknown): FieldError[] {
  const errs = validateStatefulSetSpec(next)
  const strip = (spec: unknown): Record<string, unknown> => {
    const out = {...((spec ?? {}) as Record<string, unknown>)}
    for (const k of MUTABLE) delete out[k]
    return out
  }
  if (!semanticEqual(strip(next), strip(old))) {
    errs.push(
      fieldErr.forbidden(
        'spec',
        "updates to statefulset spec for fields other than 'replicas', 'ordinals', 'template', 'updateStrategy', 'revisionHistoryLimit', 'persistentVolumeClaimRetentionPolicy' and 'minReadySeconds' are forbidden",
      ),
    )
  }
  return errs
}
