// PersistentVolume and PersistentVolumeClaim validation (core/validation ValidatePersistentVolumeSpec,
// ValidatePersistentVolumeClaimSpec and their update rules): access modes, capacity or requested
// storage, reclaim policy, exactly one volume source, class names, volume modes; on update the
// volume source and volume mode of a PV, and a claim's spec except its one-time volumeName and its
// storage request, stay as created.
import {fieldErr, type FieldError} from '../errors.js'
import {isDNS1123Subdomain} from '../../machinery/names.js'
import {parseQuantity} from '../../machinery/quantity.js'
import {validateLabelSelector} from './label-selector.js'
import {semanticEqual} from './pod-update.js'
import {validatePVSource, PV_SOURCE_KEYS} from './pv-sources.js'

type Obj = Record<string, unknown>

const ACCESS_MODES = ['ReadOnlyMany', 'ReadWriteMany', 'ReadWriteOnce', 'ReadWriteOncePod']
const RECLAIM_POLICIES = ['Delete', 'Recycle', 'Retain']
const VOLUME_MODES = ['Block', 'Filesystem']

/** The access modes: at least one, each supported, ReadWriteOncePod alone. */
function validateAccessModes(modes: unknown, path: string, requiredDetail: string): FieldError[] {
  const list = Array.isArray(modes) ? (modes as string[]) : []
  const errs: FieldError[] = list.length === 0 ? [fieldErr.required(`${path}.accessModes`, requiredDetail)] : []
  let rwop = false
  let other = false
  for (const mode of list) {
    if (!ACCESS_MODES.includes(mode)) errs.push(fieldErr.notSupported(`${path}.accessModes`, mode, ACCESS_MODES))
    if (mode === 'ReadWriteOncePod') rwop = true
    else if (ACCESS_MODES.includes(mode)) other = true
  }
  if (rwop && other) errs.push(fieldErr.forbidden(`${path}.accessModes`, 'may not use ReadWriteOncePod with other access modes'))
  return errs
}

/** ValidatePositiveQuantityValue: a quantity above zero. */
function positiveQuantity(raw: unknown, path: string): FieldError[] {
  const q = parseQuantity(raw as string)
  if (!q) return [fieldErr.invalid(path, raw, 'must be a valid resource quantity')]
  return q.nanos <= 0n ? [fieldErr.invalid(path, q.toString(), 'must be greater than zero')] : []
}

/** ValidateClassName (a DNS subdomain) for a storage class name. */
const className = (name: unknown, path: string): FieldError[] =>
  typeof name === 'string' && name.length > 0 ? isDNS1123Subdomain(name).map((m) => fieldErr.invalid(path, name, m)) : []

const volumeMode = (mode: unknown, path: string): FieldError[] =>
  mode != null && !VOLUME_MODES.includes(String(mode)) ? [fieldErr.notSupported(path, mode, VOLUME_MODES)] : []

/** ValidatePersistentVolumeSpec for a stored PV (not an inline one). */
export function validatePersistentVolumeSpec(spec: Obj): FieldError[] {
  const errs = validateAccessModes(spec.accessModes, 'spec', '')
  const capacity = (spec.capacity ?? {}) as Obj
  const keys = Object.keys(capacity)
  if (keys.length === 0) errs.push(fieldErr.required('spec.capacity', ''))
  if (!keys.includes('storage') || keys.length > 1) errs.push({type: 'FieldValueNotSupported', field: 'spec.capacity', hasValue: false, detail: 'supported values: "storage"'})
  for (const k of keys.sort()) errs.push(...positiveQuantity(capacity[k], `spec.capacity[${k}]`))
  const policy = spec.persistentVolumeReclaimPolicy
  if (typeof policy === 'string' && policy !== '' && !RECLAIM_POLICIES.includes(policy)) errs.push(fieldErr.notSupported('spec.persistentVolumeReclaimPolicy', policy, RECLAIM_POLICIES))
  errs.push(...validatePVSource(spec))
  const hostPath = spec.hostPath as {path?: string} | undefined
  if (hostPath && cleanPath(hostPath.path ?? '') === '/' && policy === 'Recycle') {
    errs.push(fieldErr.forbidden('spec.persistentVolumeReclaimPolicy', "may not be 'recycle' for a hostPath mount of '/'"))
  }
  errs.push(...className(spec.storageClassName, 'spec.storageClassName'), ...volumeMode(spec.volumeMode, 'spec.volumeMode'))
  return errs
}

/** path.Clean's answer to whether a path is the root. */
function cleanPath(p: string): string {
  const parts = p.split('/').filter((s) => s !== '' && s !== '.')
  return p.startsWith('/') && parts.every((s) => s === '..') ? '/' : p
}

/** ValidatePersistentVolumeUpdate beyond re-validating the new object. */
export function validatePersistentVolumeUpdate(spec: Obj, old: Obj): FieldError[] {
  const errs: FieldError[] = []
  const source = (s: Obj): Obj => Object.fromEntries(PV_SOURCE_KEYS.filter((k) => s[k] != null).map((k) => [k, s[k]]))
  if (!semanticEqual(source(spec), source(old))) errs.push(fieldErr.forbidden('spec.persistentvolumesource', 'spec.persistentvolumesource is immutable after creation'))
  if (!semanticEqual(spec.volumeMode, old.volumeMode)) errs.push(fieldErr.invalid('volumeMode', spec.volumeMode, 'field is immutable'))
  return errs
}

/** ValidatePersistentVolumeClaimSpec. */
export function validatePersistentVolumeClaimSpec(spec: Obj): FieldError[] {
  const errs = validateAccessModes(spec.accessModes, 'spec', 'at least 1 access mode is required')
  if (spec.selector != null) errs.push(...validateLabelSelector(spec.selector as never, 'spec.selector'))
  const requests = ((spec.resources as Obj | undefined)?.requests ?? {}) as Obj
  if (requests.storage === undefined) errs.push(fieldErr.required('spec.resources[storage]', ''))
  else errs.push(...positiveQuantity(requests.storage, 'spec.resources[storage]'))
  errs.push(...className(spec.storageClassName, 'spec.storageClassName'), ...volumeMode(spec.volumeMode, 'spec.volumeMode'))
  return errs
}

/** ValidatePersistentVolumeClaimUpdate beyond re-validating the new object (RecoverVolumeExpansionFailure on, as in 1.35). */
export function validatePersistentVolumeClaimUpdate(pvc: Obj, oldPvc: Obj): FieldError[] {
  const [spec, old] = [(pvc.spec ?? {}) as Obj, (oldPvc.spec ?? {}) as Obj]
  const errs: FieldError[] = []
  const next: Obj = structuredClone(spec)
  const was: Obj = structuredClone(old)
  if (!was.volumeName) was.volumeName = next.volumeName
  // validateStorageClassUpgradeFromNil: a class may be given once to a claim created without one (retroactive default class)
  const annotated = ((oldPvc.metadata as Obj | undefined)?.annotations as Obj | undefined)?.['volume.beta.kubernetes.io/storage-class'] !== undefined
  if (was.storageClassName == null && next.storageClassName != null && !annotated) was.storageClassName = next.storageClassName
  const request = (s: Obj): unknown => ((s.resources as Obj | undefined)?.requests as Obj | undefined)?.storage
  const bound = (pvc.status as Obj | undefined)?.phase === 'Bound'
  if (bound && (next.resources as Obj | undefined)?.requests) ((next.resources as Obj).requests as Obj).storage = request(old)
  next.volumeAttributesClassName = was.volumeAttributesClassName
  if (!semanticEqual(next, was)) errs.push(fieldErr.forbidden('spec', 'spec is immutable after creation except resources.requests and volumeAttributesClassName for bound claims'))
  const newSize = parseQuantity(request(spec) as string)
  const oldSize = parseQuantity(request(old) as string)
  const statusSize = parseQuantity((((oldPvc.status as Obj | undefined)?.capacity as Obj | undefined)?.storage as string | undefined) ?? '0')
  if (newSize && oldSize && statusSize && newSize.cmp(oldSize) < 0 && newSize.cmp(statusSize) <= 0) {
    errs.push(fieldErr.forbidden('spec.resources.requests.storage', 'field can not be less than status.capacity'))
  }
  if (!semanticEqual(spec.volumeMode, old.volumeMode)) errs.push(fieldErr.invalid('volumeMode', spec.volumeMode, 'field is immutable'))
  return errs
}
