// The status of a CustomResourceDefinition as apiextensions-apiserver's controllers leave it: the naming
// controller accepts the names unless another CRD of the same group holds the plural, singular, a short
// name or the kind (NamesAccepted: NoConflicts / NameConflict), the establishing controller then sets
// Established (InitialNamesAccepted), and the storage version joins status.storedVersions.
import type {StrategyContext} from '../strategy.js'
import type {KObject} from '../types.js'
import type {CrdNames, CrdSpec} from '../validation/crd.js'

interface Condition {
  type: string
  status: string
  lastTransitionTime?: string
  reason?: string
  message?: string
}

interface CrdStatus {
  acceptedNames?: CrdNames
  conditions?: Condition[]
  storedVersions?: string[]
}

/** The names another CRD of the group already holds that `names` also asks for, as the naming controller reports the first. */
function nameConflict(obj: KObject, ctx: StrategyContext): string | undefined {
  const spec = (obj.spec ?? {}) as CrdSpec
  const names = spec.names ?? {}
  const others = (ctx.listObjects?.('CustomResourceDefinition') ?? []).filter(
    (o) => o.metadata.name !== obj.metadata.name && ((o.spec ?? {}) as CrdSpec).group === spec.group,
  )
  for (const other of others) {
    const taken = ((other.status ?? {}) as CrdStatus).acceptedNames ?? {}
    const held = new Set([taken.plural, taken.singular, ...(taken.shortNames ?? [])].filter(Boolean))
    if (names.plural && held.has(names.plural)) return `"${names.plural}" is already in use`
    if (names.singular && held.has(names.singular)) return `"${names.singular}" is already in use`
    for (const s of names.shortNames ?? []) if (held.has(s)) return `"${s}" is already in use`
    if (names.kind && taken.kind === names.kind) return `"${names.kind}" is already in use`
    if (names.listKind && taken.listKind === names.listKind) return `"${names.listKind}" is already in use`
  }
  return undefined
}

/** A condition that keeps its lastTransitionTime while its status stays the same. */
function condition(old: Condition[] | undefined, next: Condition, now: string): Condition {
  const prev = old?.find((c) => c.type === next.type)
  const since = prev && prev.status === next.status ? prev.lastTransitionTime : now
  return {lastTransitionTime: since, message: next.message, reason: next.reason, status: next.status, type: next.type}
}

/** The status a CRD has once the naming and establishing controllers have seen it (`old` on update). */
export function crdStatus(obj: KObject, old: KObject | undefined, ctx: StrategyContext, now: string): CrdStatus {
  const spec = (obj.spec ?? {}) as CrdSpec
  const prev = (old?.status ?? {}) as CrdStatus
  const conflict = nameConflict(obj, ctx)
  const wasEstablished = (prev.conditions ?? []).some((c) => c.type === 'Established' && c.status === 'True')
  const names = conflict ? (prev.acceptedNames ?? {plural: '', kind: ''}) : acceptedNames(spec.names ?? {})
  const accepted: Condition = conflict
    ? {type: 'NamesAccepted', status: 'False', reason: 'NameConflict', message: conflict}
    : {type: 'NamesAccepted', status: 'True', reason: 'NoConflicts', message: 'no conflicts found'}
  const establishedNow = wasEstablished || !conflict
  const est: Condition = establishedNow
    ? {type: 'Established', status: 'True', reason: 'InitialNamesAccepted', message: 'the initial names have been accepted'}
    : {type: 'Established', status: 'False', reason: 'NotAccepted', message: 'not all names are accepted'}
  const kept = (prev.conditions ?? []).filter((c) => c.type !== 'NamesAccepted' && c.type !== 'Established')
  const storage = (spec.versions ?? []).find((v) => v.storage)?.name
  const stored = [...(prev.storedVersions ?? [])]
  if (storage && !stored.includes(storage)) stored.push(storage)
  return {
    acceptedNames: names,
    conditions: [condition(prev.conditions, accepted, now), condition(prev.conditions, est, now), ...kept],
    storedVersions: stored,
  }
}

/** The spec's names in the order the API serializes CustomResourceDefinitionNames. */
function acceptedNames(n: CrdNames): CrdNames {
  const out: CrdNames = {}
  if (n.categories?.length) out.categories = [...n.categories]
  out.kind = n.kind ?? ''
  if (n.listKind) out.listKind = n.listKind
  out.plural = n.plural ?? ''
  if (n.shortNames?.length) out.shortNames = [...n.shortNames]
  if (n.singular) out.singular = n.singular
  return out
}
