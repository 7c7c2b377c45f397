// Pod validation beyond metadata (core/validation ValidatePodCreate / ValidatePodSpec), in Kubernetes'
// order and words. Metadata is validated by the caller (validateObjectMeta) before these errors.
import type {Container, Pod, PodSpec, Toleration} from 'kubernetes-types/core/v1.js'

import {fieldErr, type FieldError} from '../errors.js'
import {parseQuantity} from '../../machinery/quantity.js'
import {validateLabels} from './object-meta.js'
import {hostPortConflicts, validateContainerCommon, validateSecurityContext, type ContainerContext} from './pod-containers.js'
import {validateVolumes} from './pod-volumes.js'
import {validatePodAffinities, validateTopologySpread} from './pod-scheduling.js'
import {inclusiveRangeError, isDNS1123Label, isQualifiedName, isValidLabelValue, nameIsDNSSubdomain} from '../../machinery/names.js'

/** Cluster settings that change what a valid pod is. */
export interface PodValidationOptions {
  /** kube-apiserver --allow-privileged (default true) */
  allowPrivileged?: boolean
}

const RESTART_POLICIES = ['Always', 'OnFailure', 'Never']
const DNS_POLICIES = ['ClusterFirstWithHostNet', 'ClusterFirst', 'Default', 'None']
const PREEMPTION_POLICIES = ['PreemptLowerPriority', 'Never']
const TAINT_EFFECTS = ['NoSchedule', 'PreferNoSchedule', 'NoExecute']
const MAX_INT32 = 2147483647

function validateContainers(containers: Container[] | undefined, ctx: ContainerContext): FieldError[] {
  if (!containers || containers.length === 0) return [fieldErr.required('spec.containers')]
  const errs: FieldError[] = []
  const names = new Set<string>()
  containers.forEach((c, i) => {
    const path = `spec.containers[${i}]`
    errs.push(...validateContainerCommon(c, path, ctx))
    if (names.has(c.name ?? '')) errs.push(fieldErr.duplicate(`${path}.name`, c.name ?? ''))
    else names.add(c.name ?? '')
    if (c.restartPolicy !== undefined) errs.push(fieldErr.forbidden(`${path}.restartPolicy`, 'may not be set for non-init containers'))
  })
  errs.push(...hostPortConflicts(containers, 'spec.containers'))
  return errs
}

function validateInitContainers(spec: PodSpec, ctx: ContainerContext): FieldError[] {
  const errs: FieldError[] = []
  const names = new Set((spec.containers ?? []).map((c) => c.name ?? ''))
  ;(spec.initContainers ?? []).forEach((c, i) => {
    const path = `spec.initContainers[${i}]`
    errs.push(...validateContainerCommon(c, path, ctx))
    const sidecar = c.restartPolicy === 'Always'
    if (c.restartPolicy !== undefined && !sidecar) errs.push(fieldErr.notSupported(`${path}.restartPolicy`, c.restartPolicy, ['Always']))
    if (names.has(c.name ?? '')) errs.push(fieldErr.duplicate(`${path}.name`, c.name ?? ''))
    else if (c.name) names.add(c.name)
    errs.push(...hostPortConflicts([c], 'spec.initContainers', i))
    if (!sidecar) {
      for (const f of ['lifecycle', 'livenessProbe', 'readinessProbe', 'startupProbe'] as const) {
        if (c[f] != null) errs.push(fieldErr.forbidden(`${path}.${f}`, 'may not be set for init containers without restartPolicy=Always'))
      }
    }
  })
  return errs
}

/** ValidateTolerations, shared with the update rules. */
export function validateTolerations(tolerations: Toleration[] | undefined, path: string): FieldError[] {
  const errs: FieldError[] = []
  ;(tolerations ?? []).forEach((t, i) => {
    const p = `${path}[${i}]`
    const op = t.operator ?? ''
    if (t.key) for (const m of isQualifiedName(t.key)) errs.push(fieldErr.invalid(`${p}.key`, t.key, m))
    if (!t.key && op !== 'Exists') {
      errs.push(fieldErr.invalid(`${p}.operator`, op, 'operator must be Exists when `key` is empty, which means "match all values and all keys"'))
    }
    if (t.tolerationSeconds != null && t.effect !== 'NoExecute') {
      errs.push(fieldErr.invalid(`${p}.effect`, t.effect ?? '', "effect must be 'NoExecute' when `tolerationSeconds` is set"))
    }
    if (op === 'Equal' || op === '') {
      const msgs = isValidLabelValue(t.value ?? '')
      if (msgs.length > 0) errs.push(fieldErr.invalid(`${p}.operator`, t.value ?? '', msgs.join(';')))
    } else if (op === 'Exists') {
      if (t.value) errs.push(fieldErr.invalid(`${p}.operator`, t.value, "value must be empty when `operator` is 'Exists'"))
    } else {
      errs.push(fieldErr.notSupported(`${p}.operator`, op, ['Equal', 'Exists']))
    }
    if (t.effect && !TAINT_EFFECTS.includes(t.effect)) errs.push(fieldErr.notSupported(`${p}.effect`, t.effect, TAINT_EFFECTS))
  })
  return errs
}

function subdomainField(value: string | undefined, path: string): FieldError[] {
  if (!value) return []
  return nameIsDNSSubdomain(value, false).map((m) => fieldErr.invalid(path, value, m))
}

function labelField(value: string | undefined, path: string): FieldError[] {
  if (!value) return []
  return isDNS1123Label(value).map((m) => fieldErr.invalid(path, value, m))
}

/** hostNetwork pods: every hostPort must equal its containerPort (defaulting fills unset ones). */
function hostNetworkErrors(spec: PodSpec): FieldError[] {
  if (!spec.hostNetwork) return []
  const errs: FieldError[] = []
  ;(spec.containers ?? []).forEach((c, ci) => {
    ;(c.ports ?? []).forEach((port, pi) => {
      if ((port.hostPort ?? 0) !== port.containerPort) {
        errs.push(fieldErr.invalid(`spec.containers[${ci}].ports[${pi}].hostPort`, port.hostPort ?? 0, 'must match `containerPort` when `hostNetwork` is true'))
      }
    })
  })
  return errs
}

function enumField(value: string | undefined, path: string, valid: string[]): FieldError[] {
  if (!value) return [fieldErr.required(path)]
  return valid.includes(value) ? [] : [fieldErr.notSupported(path, value, valid)]
}

/** ValidatePodSpec for a Pod (not a template), in the order Kubernetes reports errors. */
function validateSpec(spec: PodSpec, opts: PodValidationOptions): FieldError[] {
  const errs: FieldError[] = []
  if (spec.terminationGracePeriodSeconds == null) errs.push(fieldErr.required('spec.terminationGracePeriodSeconds'))
  const vols = validateVolumes(spec.volumes, 'spec.volumes')
  errs.push(...vols.errs)
  const ctx: ContainerContext = {volumes: vols.names, allowPrivileged: opts.allowPrivileged ?? true}
  errs.push(...validateContainers(spec.containers, ctx))
  errs.push(...validateInitContainers(spec, ctx))
  errs.push(...hostNetworkErrors(spec))
  errs.push(...enumField(spec.restartPolicy, 'spec.restartPolicy', RESTART_POLICIES))
  errs.push(...enumField(spec.dnsPolicy, 'spec.dnsPolicy', DNS_POLICIES))
  errs.push(...validateLabels(spec.nodeSelector, 'spec.nodeSelector'))
  const psc = spec.securityContext
  if (psc) errs.push(...validateSecurityContext({runAsUser: psc.runAsUser, runAsGroup: psc.runAsGroup}, 'spec.securityContext', true))
  errs.push(...validatePodAffinities(spec))
  if (spec.dnsPolicy === 'None' && !spec.dnsConfig) {
    errs.push(fieldErr.required('spec.dnsConfig', 'must provide `dnsConfig` when `dnsPolicy` is None'))
  }
  ;(spec.readinessGates ?? []).forEach((g, i) => {
    const path = `spec.readinessGates[${i}].conditionType`
    for (const m of isQualifiedName(g.conditionType ?? '')) errs.push(fieldErr.invalid(path, g.conditionType ?? '', m))
  })
  errs.push(...validateTopologySpread(spec))
  errs.push(...subdomainField(spec.serviceAccountName, 'spec.serviceAccountName'))
  errs.push(...subdomainField(spec.nodeName, 'spec.nodeName'))
  const ads = spec.activeDeadlineSeconds
  if (ads != null && (ads < 1 || ads > MAX_INT32)) errs.push(fieldErr.invalid('spec.activeDeadlineSeconds', ads, inclusiveRangeError(1, MAX_INT32)))
  errs.push(...labelField(spec.hostname, 'spec.hostname'))
  errs.push(...labelField(spec.subdomain, 'spec.subdomain'))
  errs.push(...validateTolerations(spec.tolerations, 'spec.tolerations'))
  errs.push(...subdomainField(spec.priorityClassName, 'spec.priorityClassName'))
  errs.push(...subdomainField(spec.runtimeClassName, 'spec.runtimeClassName'))
  if (spec.preemptionPolicy != null) errs.push(...enumField(spec.preemptionPolicy, 'spec.preemptionPolicy', PREEMPTION_POLICIES))
  return errs
}

/** validateContainerOnlyForPod: an image may not have surrounding whitespace. */
function imageWhitespaceErrors(containers: Container[] | undefined, path: string): FieldError[] {
  const errs: FieldError[] = []
  ;(containers ?? []).forEach((c, i) => {
    const image = c.image ?? ''
    if (image !== image.trim()) errs.push(fieldErr.invalid(`${path}[${i}].image`, image, 'must not have leading or trailing whitespace'))
  })
  return errs
}

/** Validation of a Pod's spec on create (and of the new pod on update). */
export function validatePod(pod: Pod, opts: PodValidationOptions = {}): FieldError[] {
  const spec = pod.spec ?? ({} as PodSpec)
  const errs = validateSpec(spec, opts)
  errs.push(...imageWhitespaceErrors(spec.containers, 'spec.containers'))
  errs.push(...imageWhitespaceErrors(spec.initContainers, 'spec.initContainers'))
  return errs
}

/** Create-only rules (ValidatePodCreate): ephemeral containers come through their subresource. */
export function validatePodCreate(pod: Pod, opts: PodValidationOptions = {}): FieldError[] {
  const errs = validatePod(pod, opts)
  if ((pod.spec?.ephemeralContainers ?? []).length > 0) errs.push(fieldErr.forbidden('spec.ephemeralContainers', 'cannot be set on create'))
  if (pod.spec?.nodeName && (pod.spec.schedulingGates ?? []).length > 0) {
    errs.push(fieldErr.forbidden('spec.nodeName', 'cannot be set until all schedulingGates have been cleared'))
  }
  return errs
}

/** GetWarningsForPod (the common ones): returned as `Warning:` lines, the request still succeeds. */
export function podWarnings(pod: Pod): string[] {
  const warnings: string[] = []
  const spec = pod.spec ?? ({} as PodSpec)
  const visit = (list: Container[] | undefined, kind: string): void => {
    ;(list ?? []).forEach((c, i) => {
      for (const part of ['limits', 'requests'] as const) {
        const raw = (c.resources?.[part] ?? {})['memory']
        const q = raw == null ? undefined : parseQuantity(String(raw))
        if (q && q.nanos % 1_000_000_000n !== 0n) {
          warnings.push(`spec.${kind}[${i}].resources.${part}[memory]: fractional byte value "${q.toString()}" is invalid, must be an integer`)
        }
      }
    })
  }
  visit(spec.initContainers, 'initContainers')
  visit(spec.containers, 'containers')
  if (spec.terminationGracePeriodSeconds != null && spec.terminationGracePeriodSeconds < 0) {
    warnings.push('spec.terminationGracePeriodSeconds: must be >= 0; negative values are invalid and will be treated as 1')
  }
  return warnings
}
