// The registry of kinds: names users type (plural, singular, short names, Kind), API group and
// version, namespaced or not, and each kind's strategy (defaulting, validation, admission, delete).
import type {Strategy} from './strategy.js'
import type {JsonSchema} from './validation/structural-schema.js'

import {matchResourceName} from '../machinery/resource-names.cjs'
import {builtinResource, notServedYet} from './builtin-kinds.js'
import {StatusError} from './errors.js'

export interface ResourceType {
  kind: string
  /** API group, '' for the core group */
  group: string
  version: string
  plural: string
  singular: string
  shortNames: string[]
  namespaced: boolean
  /** categories such as `all` (kubectl get all) */
  categories: string[]
  /**
   * The verbs discovery reports for the resource, when they differ from the eight most resources
   * have (see api/discovery.ts): namespaces, for one, have no `deletecollection`.
   */
  verbs?: string[]
  /** the warning the API server sends with every request for the resource (a deprecated version) */
  warning?: string
  strategy: Strategy
  /** a custom resource's type, served from a CustomResourceDefinition (see api/custom-resources.ts) */
  custom?: CustomResourceFacts
}

/** What a served CustomResourceDefinition version adds to its type. */
export interface CustomResourceFacts {
  /** the CRD's name, `<plural>.<group>` */
  crd: string
  /** additionalPrinterColumns of the version (the server's default `Age` column when it has none) */
  printerColumns: PrinterColumn[]
  /** whether the version has the status subresource (else status is written like any field) */
  statusSubresource: boolean
  /** the version's openAPIV3Schema (JSONSchemaProps) */
  schema?: JsonSchema
}

/** A CustomResourceColumnDefinition. */
export interface PrinterColumn {
  name: string
  type: string
  format?: string
  description?: string
  priority?: number
  jsonPath: string
}

export function apiVersionOf(rt: ResourceType): string {
  return rt.group ? `${rt.group}/${rt.version}` : rt.version
}

/** `pods` or `deployments.apps`: the resource as the API server names it in messages. */
export function qualifiedPlural(rt: ResourceType): string {
  return rt.group ? `${rt.plural}.${rt.group}` : rt.plural
}

const types: ResourceType[] = []

export function register(rt: ResourceType): ResourceType {
  const i = types.findIndex((t) => t.kind === rt.kind && t.group === rt.group)
  if (i >= 0) types[i] = rt
  else types.push(rt)
  return rt
}

let customSource: (() => readonly ResourceType[]) | undefined

/**
 * Where the types of custom resources come from: the Api of the store this process serves sets it (they
 * are the served versions of its stored CustomResourceDefinitions), so they follow the store, not the code.
 */
export function setCustomTypeSource(source: (() => readonly ResourceType[]) | undefined): void {
  customSource = source
}

/** Every type served: the built-in kinds first (they win a name both answer to), then custom resources. */
export function allTypes(): readonly ResourceType[] {
  const custom = customSource?.() ?? []
  return custom.length === 0 ? types : [...types, ...custom]
}

/**
 * Resolves what a user typed (`po`, `pods`, `Pod`, `deployments.apps`, `deploy`) to a type, or
 * undefined. kubectl matches case-insensitively.
 */
export function lookupResource(text: string): ResourceType | undefined {
  const all = allTypes()
  const rt = matchResourceName(all, text)
  if (rt && all !== types) warnAmbiguousShortName(all, rt, text.toLowerCase())
  return rt
}

let warningSink: ((message: string) => void) | undefined

/** Where the warnings of name resolution go (the Api's onWarning: kubectl prints them as `Warning: ...`). */
export function setResolveWarningSink(sink: ((message: string) => void) | undefined): void {
  warningSink = sink
}

/**
 * client-go's shortcut expander: a short name that several resources declare resolves to the first (the
 * higher-priority group), with a warning naming each other one.
 */
function warnAmbiguousShortName(all: readonly ResourceType[], rt: ResourceType, text: string): void {
  if (text.includes('.') || !rt.shortNames.includes(text) || all.some((t) => t.plural === text)) return
  const warned = new Set<string>()
  for (const other of all) {
    if (!other.shortNames.includes(text) || (other.group === rt.group && other.plural === rt.plural)) continue
    const name = qualifiedPlural(other)
    if (warned.has(name)) continue
    warned.add(name)
    warningSink?.(`short name ${JSON.stringify(text)} could also match lower priority resource ${name}`)
  }
}

/** Finds the type for a manifest's apiVersion and kind, as the REST mapper does. */
export function lookupKind(apiVersion: string, kind: string): ResourceType | undefined {
  const slash = apiVersion.indexOf('/')
  const group = slash >= 0 ? apiVersion.slice(0, slash) : ''
  const version = slash >= 0 ? apiVersion.slice(slash + 1) : apiVersion
  return allTypes().find((rt) => rt.kind === kind && rt.group === group && rt.version === version)
}

/** The type for a resource argument, or kubectl's `the server doesn't have a resource type` error. */
export function mustLookupResource(text: string): ResourceType {
  const rt = lookupResource(text)
  if (!rt) throw new NoResourceMatchError(text)
  return rt
}

/**
 * kubectl prints this one without `Error from server`: `error: the server doesn't have a resource type "foo"`;
 * for a kind Kubernetes has built in but ksim does not serve yet, ksim says so plainly.
 */
export class NoResourceMatchError extends StatusError {
  constructor(readonly resource: string) {
    const builtin = builtinResource(resource)
    super(404, 'NotFound', builtin ? notServedYet(builtin) : `the server doesn't have a resource type "${resource}"`)
    this.name = 'StatusError'
  }
}

export function isNoResourceMatch(e: unknown): e is NoResourceMatchError {
  return e instanceof NoResourceMatchError
}
