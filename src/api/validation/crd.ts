// CustomResourceDefinition validation (apiextensions-apiserver pkg/apis/apiextensions/validation), with its
// field paths and messages: the name is `<plural>.<group>`, the group a dotted DNS subdomain, the scope
// one of two, exactly one storage version among uniquely named DNS-1035 versions, the names DNS-1035
// labels (the kind may have mixed case), a schema for each served version, printer columns typed.
import {fieldErr, type FieldError} from '../errors.js'
import {isDNS1123Subdomain} from '../../machinery/names.js'
import {isDNS1035Label} from './service.js'
import {structuralSchemaErrors} from './structural-schema.js'

export interface CrdNames {
  plural?: string
  singular?: string
  kind?: string
  listKind?: string
  shortNames?: string[]
  categories?: string[]
}

export interface CrdVersion {
  name?: string
  served?: boolean
  storage?: boolean
  schema?: {openAPIV3Schema?: Record<string, unknown>}
  subresources?: {status?: object; scale?: object}
  additionalPrinterColumns?: {name?: string; type?: string; format?: string; jsonPath?: string; priority?: number}[]
}

export interface CrdSpec {
  group?: string
  scope?: string
  names?: CrdNames
  versions?: CrdVersion[]
  preserveUnknownFields?: boolean
}

const SCOPES = ['Cluster', 'Namespaced']
const COLUMN_TYPES = ['boolean', 'date', 'integer', 'number', 'string']
const COLUMN_FORMATS = ['byte', 'date', 'date-time', 'double', 'float', 'int32', 'int64', 'password']

/** The name rule: a DNS subdomain that is spec.names.plural + "." + spec.group. */
export function crdNameErrors(name: string, spec: CrdSpec): string[] {
  const errs = isDNS1123Subdomain(name)
  if (name !== `${spec.names?.plural ?? ''}.${spec.group ?? ''}`) errs.push('must be spec.names.plural+"."+spec.group')
  return errs
}

/** ValidateCustomResourceDefinitionSpec for apiextensions.k8s.io/v1. */
export function validateCrdSpec(spec: CrdSpec): FieldError[] {
  const errs: FieldError[] = []
  const group = spec.group ?? ''
  if (!group) errs.push(fieldErr.required('spec.group'))
  else if (isDNS1123Subdomain(group).length > 0) errs.push(fieldErr.invalid('spec.group', group, isDNS1123Subdomain(group).join(',')))
  else if (group.split('.').length < 2) errs.push(fieldErr.invalid('spec.group', group, 'should be a domain with at least one dot'))
  if (!spec.scope) errs.push(fieldErr.required('spec.scope'))
  else if (!SCOPES.includes(spec.scope)) errs.push(fieldErr.notSupported('spec.scope', spec.scope, SCOPES))
  errs.push(...validateVersions(spec))
  const names = spec.names ?? {}
  for (const key of ['plural', 'singular', 'kind', 'listKind'] as const) if (!names[key]) errs.push(fieldErr.required(`spec.names.${key}`))
  errs.push(...validateNames(names, 'spec.names'))
  return errs
}

function validateVersions(spec: CrdSpec): FieldError[] {
  const errs: FieldError[] = []
  const versions = spec.versions ?? []
  const seen = new Set<string>()
  let unique = true
  versions.forEach((v, i) => {
    const path = `spec.versions[${i}]`
    const name = v.name ?? ''
    if (seen.has(name)) unique = false
    seen.add(name)
    const nameErrs = isDNS1035Label(name)
    if (nameErrs.length > 0) errs.push(fieldErr.invalid(`${path}.name`, name, nameErrs.join(',')))
    const schema = v.schema?.openAPIV3Schema
    if (!schema) errs.push(fieldErr.required(`${path}.schema.openAPIV3Schema`, 'schemas are required'))
    else errs.push(...structuralSchemaErrors(schema, `${path}.schema.openAPIV3Schema`))
    ;(v.additionalPrinterColumns ?? []).forEach((c, j) => errs.push(...validateColumn(c, `${path}.additionalPrinterColumns[${j}]`)))
  })
  if (!unique) errs.push(fieldErr.invalid('spec.versions', versionsValue(versions), 'must contain unique version names'))
  if (versions.filter((v) => v.storage).length !== 1) {
    errs.push(fieldErr.invalid('spec.versions', versionsValue(versions), 'must have exactly one version marked as storage version'))
  }
  return errs
}

// field.Invalid prints spec.versions as Go's %#v of the internal structs (with pointer addresses no client
// can reproduce); the version names stand for it here
const versionsValue = (versions: CrdVersion[]): string[] => versions.map((v) => v.name ?? '')

function validateColumn(c: NonNullable<CrdVersion['additionalPrinterColumns']>[number], path: string): FieldError[] {
  const errs: FieldError[] = []
  if (!c.name) errs.push(fieldErr.required(`${path}.name`))
  const types = `must be one of ${COLUMN_TYPES.join(',')}`
  if (!c.type) errs.push(fieldErr.required(`${path}.type`, types))
  else if (!COLUMN_TYPES.includes(c.type)) errs.push(fieldErr.invalid(`${path}.type`, c.type, types))
  if (c.format && !COLUMN_FORMATS.includes(c.format)) errs.push(fieldErr.invalid(`${path}.format`, c.format, `must be one of ${COLUMN_FORMATS.join(',')}`))
  if (!c.jsonPath) errs.push(fieldErr.required(`${path}.jsonPath`))
  return errs
}

/** ValidateCustomResourceDefinitionNames. */
export function validateNames(names: CrdNames, path: string): FieldError[] {
  const errs: FieldError[] = []
  const label = (field: string, value: string | undefined, mixedCase = false) => {
    if (!value) return
    const found = isDNS1035Label(mixedCase ? value.toLowerCase() : value)
    if (found.length > 0) errs.push(fieldErr.invalid(`${path}.${field}`, value, (mixedCase ? 'may have mixed case, but should otherwise match: ' : '') + found.join(',')))
  }
  label('plural', names.plural)
  label('singular', names.singular)
  label('kind', names.kind, true)
  label('listKind', names.listKind, true)
  ;(names.shortNames ?? []).forEach((s, i) => label(`shortNames[${i}]`, s))
  if (names.kind && names.kind === names.listKind) errs.push(fieldErr.invalid(`${path}.listKind`, names.listKind, 'kind and listKind may not be the same'))
  ;(names.categories ?? []).forEach((c, i) => label(`categories[${i}]`, c))
  return errs
}

/** ValidateCustomResourceDefinitionSpecUpdate: group and plural never change, scope and kind not once established. */
export function validateCrdSpecUpdate(spec: CrdSpec, old: CrdSpec, established: boolean): FieldError[] {
  const errs = validateCrdSpec(spec)
  const immutable = (field: string, a: unknown, b: unknown) => {
    if (a !== b) errs.push(fieldErr.invalid(field, a, 'field is immutable'))
  }
  if (established) {
    immutable('spec.scope', spec.scope, old.scope)
    immutable('spec.names.kind', spec.names?.kind, old.names?.kind)
  }
  immutable('spec.group', spec.group, old.group)
  immutable('spec.names.plural', spec.names?.plural, old.names?.plural)
  return errs
}
