// RBAC validation (pkg/apis/rbac/validation): every rule names verbs, and either resources with API
// groups or (cluster roles only) non-resource URLs; an aggregation rule has selectors; a binding's roleRef
// is a Role or ClusterRole of rbac.authorization.k8s.io with a path-segment name and never changes; each
// subject is a User, Group or ServiceAccount (the latter named and, in a cluster binding, namespaced).
import {fieldErr, type FieldError} from '../errors.js'
import {isDNS1123Subdomain, nameIsPathSegment} from '../../machinery/names.js'
import {validateLabelSelector} from './label-selector.js'

type Obj = Record<string, unknown>

export const RBAC_GROUP = 'rbac.authorization.k8s.io'

export interface PolicyRule {
  verbs?: string[]
  apiGroups?: string[]
  resources?: string[]
  resourceNames?: string[]
  nonResourceURLs?: string[]
}

export interface Subject {
  kind?: string
  apiGroup?: string
  name?: string
  namespace?: string
}

export interface RoleRef {
  apiGroup?: string
  kind?: string
  name?: string
}

/** Go's %#v of a []string. */
const goStrings = (list: string[]): string => `[]string{${list.map((s) => JSON.stringify(s)).join(', ')}}`
const invalidRendered = (field: string, rendered: string, detail: string): FieldError => ({type: 'FieldValueInvalid', field, hasValue: false, detail: `${rendered}: ${detail}`})

/** ValidatePolicyRule. */
function validateRule(rule: PolicyRule, namespaced: boolean, path: string): FieldError[] {
  const errs: FieldError[] = []
  if ((rule.verbs ?? []).length === 0) errs.push(fieldErr.required(`${path}.verbs`, 'verbs must contain at least one value'))
  const urls = rule.nonResourceURLs ?? []
  if (urls.length > 0) {
    if (namespaced) errs.push(invalidRendered(`${path}.nonResourceURLs`, goStrings(urls), 'namespaced rules cannot apply to non-resource URLs'))
    if ((rule.apiGroups ?? []).length > 0 || (rule.resources ?? []).length > 0 || (rule.resourceNames ?? []).length > 0) {
      errs.push(invalidRendered(`${path}.nonResourceURLs`, goStrings(urls), 'rules cannot apply to both regular resources and non-resource URLs'))
    }
    return errs
  }
  if ((rule.apiGroups ?? []).length === 0) errs.push(fieldErr.required(`${path}.apiGroups`, 'resource rules must supply at least one api group'))
  if ((rule.resources ?? []).length === 0) errs.push(fieldErr.required(`${path}.resources`, 'resource rules must supply at least one resource'))
  return errs
}

/** ValidateRole / ValidateClusterRole beyond metadata. */
export function validateRoleRules(obj: Obj, namespaced: boolean): FieldError[] {
  const errs = ((obj.rules ?? []) as PolicyRule[]).flatMap((r, i) => validateRule(r, namespaced, `rules[${i}]`))
  const aggregation = obj.aggregationRule as {clusterRoleSelectors?: unknown[]} | undefined | null
  if (!namespaced && aggregation) {
    const selectors = aggregation.clusterRoleSelectors ?? []
    if (selectors.length === 0) errs.push(fieldErr.required('aggregationRule.clusterRoleSelectors', 'at least one clusterRoleSelector required if aggregationRule is non-nil'))
    selectors.forEach((s, i) => errs.push(...validateLabelSelector(s as never, `aggregationRule.clusterRoleSelectors[${i}]`)))
  }
  return errs
}

/** ValidateRoleBindingSubject. */
function validateSubject(s: Subject, namespaced: boolean, path: string): FieldError[] {
  const errs: FieldError[] = []
  const name = s.name ?? ''
  if (name === '') errs.push(fieldErr.required(`${path}.name`, ''))
  switch (s.kind) {
    case 'ServiceAccount':
      if (name !== '') errs.push(...isDNS1123Subdomain(name).map((m) => fieldErr.invalid(`${path}.name`, name, m)))
      if ((s.apiGroup ?? '') !== '') errs.push(fieldErr.notSupported(`${path}.apiGroup`, s.apiGroup, ['']))
      if (!namespaced && (s.namespace ?? '') === '') errs.push(fieldErr.required(`${path}.namespace`, ''))
      break
    case 'User':
    case 'Group':
      if (s.apiGroup !== RBAC_GROUP) errs.push(fieldErr.notSupported(`${path}.apiGroup`, s.apiGroup ?? '', [RBAC_GROUP]))
      break
    default:
      errs.push(fieldErr.notSupported(`${path}.kind`, s.kind ?? '', ['ServiceAccount', 'User', 'Group']))
  }
  return errs
}

/** ValidateRoleBinding / ValidateClusterRoleBinding beyond metadata. */
export function validateBinding(obj: Obj, namespaced: boolean): FieldError[] {
  const errs: FieldError[] = []
  const ref = (obj.roleRef ?? {}) as RoleRef
  if (ref.apiGroup !== RBAC_GROUP) errs.push(fieldErr.notSupported('roleRef.apiGroup', ref.apiGroup ?? '', [RBAC_GROUP]))
  const kinds = namespaced ? ['Role', 'ClusterRole'] : ['ClusterRole']
  if (!kinds.includes(ref.kind ?? '')) errs.push(fieldErr.notSupported('roleRef.kind', ref.kind ?? '', kinds))
  if ((ref.name ?? '') === '') errs.push(fieldErr.required('roleRef.name', ''))
  else errs.push(...nameIsPathSegment(ref.name!, false).map((m) => fieldErr.invalid('roleRef.name', ref.name, m)))
  ;((obj.subjects ?? []) as Subject[]).forEach((s, i) => errs.push(...validateSubject(s, namespaced, `subjects[${i}]`)))
  return errs
}

/** ValidateRoleBindingUpdate: the roleRef stays as created. */
export function validateBindingUpdate(obj: Obj, old: Obj): FieldError[] {
  const [ref, was] = [(obj.roleRef ?? {}) as RoleRef, (old.roleRef ?? {}) as RoleRef]
  if (ref.apiGroup === was.apiGroup && ref.kind === was.kind && ref.name === was.name) return []
  const rendered = `rbac.RoleRef{APIGroup:${JSON.stringify(ref.apiGroup ?? '')}, Kind:${JSON.stringify(ref.kind ?? '')}, Name:${JSON.stringify(ref.name ?? '')}}`
  return [invalidRendered('roleRef', rendered, 'cannot change roleRef')]
}

/** SetDefaults_Subject and the binding's roleRef group. */
export function defaultBinding(obj: Obj): void {
  const ref = obj.roleRef as RoleRef | undefined
  if (ref && !ref.apiGroup) ref.apiGroup = RBAC_GROUP
  for (const s of (obj.subjects ?? []) as Subject[]) {
    if (!s.apiGroup && (s.kind === 'User' || s.kind === 'Group')) s.apiGroup = RBAC_GROUP
  }
}
