// StorageClass validation (pkg/apis/storage/validation): the provisioner a qualified name, at most 512
// parameters of at most 256 KiB together, a supported reclaim policy and binding mode; on update the
// provisioner, parameters, reclaim policy and binding mode never change.
import type {KObject} from '../types.js'

import {fieldErr, type FieldError} from '../errors.js'
import {isQualifiedName} from '../../machinery/names.js'
import {semanticEqual} from './pod-update.js'

/** StorageClass's fields as storage.k8s.io/v1 has them. */
export interface StorageClassFields {
  provisioner?: string
  parameters?: Record<string, string>
  reclaimPolicy?: string
  volumeBindingMode?: string
  allowVolumeExpansion?: boolean
}

const MAX_PARAMETERS = 512
const MAX_PARAMETER_BYTES = 256 * 1024

const fieldsOf = (obj: KObject): StorageClassFields => obj as unknown as StorageClassFields

/** validateProvisioner: required, and a qualified name once lower-cased. */
function validateProvisioner(provisioner: string): FieldError[] {
  if (provisioner.length === 0) return [fieldErr.required('provisioner', '')]
  return isQualifiedName(provisioner.toLowerCase()).map((m) => fieldErr.invalid('provisioner', provisioner, m))
}

/** validateParameters (empty allowed): the count, empty keys, the total size. */
function validateParameters(params: Record<string, string> | undefined): FieldError[] {
  const entries = Object.entries(params ?? {})
  if (entries.length > MAX_PARAMETERS) return [fieldErr.tooLong('parameters', MAX_PARAMETERS, 'items')]
  const errs: FieldError[] = []
  let size = 0
  for (const [k, v] of entries) {
    if (k.length < 1) errs.push(fieldErr.invalid('parameters', k, 'field can not be empty.'))
    size += Buffer.byteLength(k) + Buffer.byteLength(v)
  }
  if (size > MAX_PARAMETER_BYTES) errs.push(fieldErr.tooLong('parameters', MAX_PARAMETER_BYTES))
  return errs
}

/** ValidateStorageClass, beyond the object's metadata (the defaults are already applied). */
export function validateStorageClass(obj: KObject): FieldError[] {
  const sc = fieldsOf(obj)
  const errs = [...validateProvisioner(sc.provisioner ?? ''), ...validateParameters(sc.parameters)]
  const policy = sc.reclaimPolicy ?? ''
  if (policy !== '' && !['Delete', 'Retain'].includes(policy)) errs.push(fieldErr.notSupported('reclaimPolicy', policy, ['Delete', 'Retain']))
  const mode = sc.volumeBindingMode
  if (mode === undefined) errs.push(fieldErr.required('volumeBindingMode', ''))
  else if (!['Immediate', 'WaitForFirstConsumer'].includes(mode)) errs.push(fieldErr.notSupported('volumeBindingMode', mode, ['Immediate', 'WaitForFirstConsumer']))
  return errs
}

/** ValidateStorageClassUpdate: the four fields a class is made of stay as they were. */
export function validateStorageClassUpdate(obj: KObject, old: KObject): FieldError[] {
  const [sc, was] = [fieldsOf(obj), fieldsOf(old)]
  const errs: FieldError[] = []
  if (!semanticEqual(sc.parameters ?? {}, was.parameters ?? {})) errs.push(fieldErr.forbidden('parameters', 'updates to parameters are forbidden.'))
  if ((sc.provisioner ?? '') !== (was.provisioner ?? '')) errs.push(fieldErr.forbidden('provisioner', 'updates to provisioner are forbidden.'))
  if (sc.reclaimPolicy !== was.reclaimPolicy) errs.push(fieldErr.forbidden('reclaimPolicy', 'updates to reclaimPolicy are forbidden.'))
  if (sc.volumeBindingMode !== was.volumeBindingMode) errs.push(fieldErr.invalid('volumeBindingMode', sc.volumeBindingMode, 'field is immutable'))
  return errs
}
