// CustomResourceDefinition (apiextensions.k8s.io/v1, cluster-scoped, `crd`/`crds`, category api-extensions):
// v1 defaulting (singular, listKind, conversion None), the apiextensions validation, and the status its
// controllers write within moments of a create, set here at once: the names accepted unless another CRD
// of the group already uses them (NamesAccepted), Established once they are, and the storage version
// recorded in storedVersions. Its custom resources are served from api/custom-resources.ts.
import type {StrategyContext} from '../strategy.js'

import {apiErrors, fieldErr} from '../errors.js'
import {allTypes, register} from '../registry.js'
import {rfc3339, type KObject} from '../types.js'
import {crdNameErrors, validateCrdSpec, validateCrdSpecUpdate, type CrdNames, type CrdSpec} from '../validation/crd.js'
import {semanticEqual} from '../validation/pod-update.js'
import {crdStatus} from './crd-status.js'

const specOf = (obj: KObject): CrdSpec => (obj.spec ?? {}) as CrdSpec

/** SetDefaults for apiextensions.k8s.io/v1 CustomResourceDefinitionSpec. */
function defaultCrd(obj: KObject): void {
  obj.spec ??= {}
  const spec = obj.spec as CrdSpec & {conversion?: {strategy?: string}}
  const names: CrdNames = (spec.names ??= {})
  if (!names.singular && names.kind) names.singular = names.kind.toLowerCase()
  if (!names.listKind && names.kind) names.listKind = `${names.kind}List`
  spec.conversion ??= {strategy: 'None'}
}

function validateCrd(obj: KObject) {
  const spec = specOf(obj)
  const name = obj.metadata.name ?? ''
  // the generic name rule (a DNS subdomain) already ran; this is what the CRD's own name function adds
  const own = crdNameErrors(name, spec).filter((m) => m.startsWith('must be spec.names'))
  // status.acceptedNames is what the naming controller copied from a valid spec: nothing to check there
  return [...own.map((m) => fieldErr.invalid('metadata.name', name, m)), ...validateCrdSpec(spec)]
}

/**
 * ksim's store keys objects by kind name, so one kind name can be served by one group only: a CRD whose
 * kind another group serves is refused, plainly, rather than mixing the two kinds' objects.
 */
function refuseSharedKind(obj: KObject): void {
  const spec = specOf(obj)
  const kind = spec.names?.kind
  const other = allTypes().find((t) => t.kind === kind && t.group !== spec.group)
  if (other) {
    const by = other.custom ? `the CustomResourceDefinition ${other.custom.crd}` : `${other.group || 'the core group'}`
    throw apiErrors.badRequest(`ksim cannot serve kind ${JSON.stringify(kind)} in group ${JSON.stringify(spec.group)}: ${by} already serves a kind of that name, and ksim keeps one kind per name`)
  }
}

const established = (obj: KObject): boolean =>
  (((obj.status ?? {}) as {conditions?: {type: string; status: string}[]}).conditions ?? []).some((c) => c.type === 'Established' && c.status === 'True')

export const customResourceDefinitionType = register({
  kind: 'CustomResourceDefinition',
  group: 'apiextensions.k8s.io',
  version: 'v1',
  plural: 'customresourcedefinitions',
  singular: 'customresourcedefinition',
  shortNames: ['crd', 'crds'],
  namespaced: false,
  categories: ['api-extensions'],
  strategy: {
    tracksGeneration: true,
    default: defaultCrd,
    prepareForCreate(obj: KObject, ctx: StrategyContext) {
      obj.status = crdStatus(obj, undefined, ctx, rfc3339(ctx.clock.now()))
    },
    prepareForUpdate(obj: KObject, old: KObject, ctx: StrategyContext) {
      obj.status = crdStatus(obj, old, ctx, rfc3339(ctx.clock.now()))
    },
    validate: validateCrd,
    validateUpdate: (obj: KObject, old: KObject) => {
      const errs = validateCrd(obj).filter((e) => e.field.startsWith('metadata'))
      return [...errs, ...validateCrdSpecUpdate(specOf(obj), specOf(old), established(old))]
    },
    specChanged: (obj: KObject, old: KObject) => !semanticEqual(obj.spec, old.spec),
    admit(obj: KObject) {
      refuseSharedKind(obj)
      return {warnings: []}
    },
  },
})
