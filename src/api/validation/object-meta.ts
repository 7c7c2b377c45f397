// ObjectMeta rules every kind shares (apimachinery api/validation/objectmeta.go plus the core-group
// finalizer check), with Kubernetes' field paths and messages.
import type {ObjectMeta, OwnerReference} from 'kubernetes-types/meta/v1.js'

import {fieldErr, type FieldError} from '../errors.js'
import {byteLength, isQualifiedName, isValidLabelValue, nameIsDNSLabel, nameIsDNSSubdomain, nameIsPathSegment} from '../../machinery/names.js'

/** metadata.annotations: total size of keys and values, in bytes. */
export const TOTAL_ANNOTATION_SIZE_LIMIT = 262144

const FIELD_IMMUTABLE = 'field is immutable'
const STANDARD_FINALIZERS = new Set(['kubernetes', 'orphan', 'foregroundDeletion'])

/** How a kind's metadata is checked: namespaced or not, and which name rule applies. */
export interface ObjectMetaOptions {
  namespaced: boolean
  /** `path`: RBAC's ValidateRBACName (path segment names such as `system:masters`) */
  nameValidator: 'subdomain' | 'label' | 'path'
}

/** Create-time metadata validation (name, namespace, labels, annotations, owners, finalizers). */
export function validateObjectMeta(meta: ObjectMeta, opts: ObjectMetaOptions): FieldError[] {
  const errs: FieldError[] = []
  const nameFn = opts.nameValidator === 'label' ? nameIsDNSLabel : opts.nameValidator === 'path' ? nameIsPathSegment : nameIsDNSSubdomain
  const generateName = meta.generateName ?? ''
  const name = meta.name ?? ''
  if (generateName) {
    for (const msg of nameFn(generateName, true)) errs.push(fieldErr.invalid('metadata.generateName', generateName, msg))
  }
  // ksim generates the name after validation: a bare generateName is enough here
  if (!name) {
    if (!generateName) errs.push(fieldErr.required('metadata.name', 'name or generateName is required'))
  } else {
    for (const msg of nameFn(name, false)) errs.push(fieldErr.invalid('metadata.name', name, msg))
  }
  const namespace = meta.namespace ?? ''
  if (opts.namespaced) {
    if (!namespace) errs.push(fieldErr.required('metadata.namespace'))
    else for (const msg of nameIsDNSLabel(namespace, false)) errs.push(fieldErr.invalid('metadata.namespace', namespace, msg))
  } else if (namespace) {
    errs.push(fieldErr.forbidden('metadata.namespace', 'not allowed on this type'))
  }
  if (meta.generation !== undefined && meta.generation < 0) {
    errs.push(fieldErr.invalid('metadata.generation', meta.generation, 'must be greater than or equal to 0'))
  }
  errs.push(...validateLabels(meta.labels, 'metadata.labels'))
  errs.push(...validateAnnotations(meta.annotations, 'metadata.annotations'))
  errs.push(...validateOwnerReferences(meta.ownerReferences, 'metadata.ownerReferences'))
  errs.push(...validateFinalizers(meta.finalizers, 'metadata.finalizers'))
  errs.push(...kubeFinalizerErrors(meta.finalizers))
  return errs
}

/** Label keys and values, reported on the map's path with the offending key or value. */
export function validateLabels(labels: Record<string, string> | undefined, field: string): FieldError[] {
  const errs: FieldError[] = []
  for (const [k, v] of Object.entries(labels ?? {})) {
    for (const msg of isQualifiedName(k)) errs.push(fieldErr.invalid(field, k, msg))
    for (const msg of isValidLabelValue(String(v))) errs.push(fieldErr.invalid(field, v, msg))
  }
  return errs
}

/** Annotation keys (checked lower-cased) and the 256 KiB total. */
export function validateAnnotations(annotations: Record<string, string> | undefined, field: string): FieldError[] {
  const errs: FieldError[] = []
  let size = 0
  for (const [k, v] of Object.entries(annotations ?? {})) {
    for (const msg of isQualifiedName(k.toLowerCase())) errs.push(fieldErr.invalid(field, k, msg))
    size += byteLength(k) + byteLength(String(v))
  }
  if (size > TOTAL_ANNOTATION_SIZE_LIMIT) errs.push(fieldErr.tooLong(field, TOTAL_ANNOTATION_SIZE_LIMIT))
  return errs
}

/** An OwnerReference as metav1 serialises it (field order of the Go struct, omitempty). */
function ownerRefJSON(ref: OwnerReference): Record<string, unknown> {
  const out: Record<string, unknown> = {apiVersion: ref.apiVersion ?? '', kind: ref.kind ?? '', name: ref.name ?? '', uid: ref.uid ?? ''}
  if (ref.controller !== undefined) out.controller = ref.controller
  if (ref.blockOwnerDeletion !== undefined) out.blockOwnerDeletion = ref.blockOwnerDeletion
  return out
}

/** schema.FromAPIVersionAndKind: `apps/v1` → group apps, version v1; more than one `/` → no version. */
function versionOf(apiVersion: string): {group: string; version: string} {
  const parts = apiVersion.split('/')
  if (apiVersion === '') return {group: '', version: ''}
  if (parts.length === 1) return {group: '', version: parts[0]}
  if (parts.length === 2) return {group: parts[0], version: parts[1]}
  return {group: '', version: ''}
}

/** Each reference needs apiVersion, kind, name and uid; at most one may be the controller. */
export function validateOwnerReferences(refs: OwnerReference[] | undefined, field: string): FieldError[] {
  const errs: FieldError[] = []
  let firstController = ''
  for (const ref of refs ?? []) {
    const gv = versionOf(ref.apiVersion ?? '')
    if (!gv.version) errs.push(fieldErr.invalid(`${field}.apiVersion`, ref.apiVersion ?? '', 'version must not be empty'))
    if (!ref.kind) errs.push(fieldErr.invalid(`${field}.kind`, ref.kind ?? '', 'must not be empty'))
    if (!ref.name) errs.push(fieldErr.invalid(`${field}.name`, ref.name ?? '', 'must not be empty'))
    if (!ref.uid) errs.push(fieldErr.invalid(`${field}.uid`, ref.uid ?? '', 'must not be empty'))
    if (gv.group === '' && gv.version === 'v1' && ref.kind === 'Event') {
      errs.push(fieldErr.invalid(field, ownerRefJSON(ref), '/v1, Kind=Event is disallowed from being an owner'))
    }
    if (ref.controller === true) {
      const current = `${ref.kind ?? ''}/${ref.name ?? ''}`
      if (firstController) {
        errs.push(
          fieldErr.invalid(
            field,
            (refs ?? []).map((r) => ownerRefJSON(r)),
            `Only one reference can have Controller set to true. Found "true" in references for ${firstController} and ${current}`,
          ),
        )
      } else {
        firstController = current
      }
    }
  }
  return errs
}

/** Finalizers are qualified names; `orphan` and `foregroundDeletion` exclude each other. */
export function validateFinalizers(finalizers: string[] | undefined, field: string): FieldError[] {
  const errs: FieldError[] = []
  for (const f of finalizers ?? []) {
    for (const msg of isQualifiedName(f)) errs.push(fieldErr.invalid(field, f, msg))
  }
  const list = finalizers ?? []
  if (list.includes('orphan') && list.includes('foregroundDeletion')) {
    errs.push(fieldErr.invalid(field, list, 'finalizer orphan and foregroundDeletion cannot be both set'))
  }
  return errs
}

/** Core-group check: a finalizer without `/` must be one of the standard names. */
function kubeFinalizerErrors(finalizers: string[] | undefined): FieldError[] {
  const errs: FieldError[] = []
  ;(finalizers ?? []).forEach((f, i) => {
    if (!f.includes('/') && !STANDARD_FINALIZERS.has(f)) {
      errs.push(fieldErr.invalid(`metadata.finalizers[${i}]`, f, 'name is neither a standard finalizer name nor is it fully qualified'))
    }
  })
  return errs
}

function sameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null)
}

/**
 * Update-time metadata rules: immutable identity and deletion fields, generation never decreases,
 * no new finalizers while deleting. (resourceVersion presence is the caller's check.)
 */
export function validateObjectMetaUpdate(meta: ObjectMeta, old: ObjectMeta): FieldError[] {
  const errs: FieldError[] = []
  if (old.deletionTimestamp) {
    const before = new Set(old.finalizers ?? [])
    const added = [...new Set((meta.finalizers ?? []).filter((f) => !before.has(f)))].sort()
    if (added.length > 0) {
      errs.push(
        fieldErr.forbidden(
          'metadata.finalizers',
          `no new finalizers can be added if the object is being deleted, found new finalizers []string{${added.map((f) => JSON.stringify(f)).join(', ')}}`,
        ),
      )
    }
  }
  if ((meta.generation ?? 0) < (old.generation ?? 0)) {
    errs.push(fieldErr.invalid('metadata.generation', meta.generation ?? 0, 'must not be decremented'))
  }
  const immutable: [keyof ObjectMeta, unknown][] = [
    ['name', meta.name ?? ''],
    ['namespace', meta.namespace ?? ''],
    ['uid', meta.uid ?? ''],
    ['creationTimestamp', meta.creationTimestamp ?? null],
    ['deletionTimestamp', meta.deletionTimestamp ?? null],
    ['deletionGracePeriodSeconds', meta.deletionGracePeriodSeconds ?? null],
  ]
  for (const [key, value] of immutable) {
    const oldValue = old[key] ?? (key === 'name' || key === 'namespace' || key === 'uid' ? '' : null)
    if (!sameValue(value, oldValue)) errs.push(fieldErr.invalid(`metadata.${key}`, value, FIELD_IMMUTABLE))
  }
  errs.push(...validateLabels(meta.labels, 'metadata.labels'))
  errs.push(...validateAnnotations(meta.annotations, 'metadata.annotations'))
  errs.push(...validateOwnerReferences(meta.ownerReferences, 'metadata.ownerReferences'))
  errs.push(...kubeFinalizerErrors(meta.finalizers))
  return errs
}
