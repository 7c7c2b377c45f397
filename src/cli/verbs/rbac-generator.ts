// `create role|clusterrole`: kubectl's CreateRoleOptions and CreateClusterRoleOptions (Complete, Validate and
// generateResourcePolicyRules): verbs deduplicated (`*` alone wins), `--resource` read as
// resource.group/subresource and resolved through the API's resource names (short names expanded), one
// rule per API group in group order, then one rule for the non-resource URLs; an aggregation rule instead
// of rules. The validation messages and warnings are kubectl's.
import type {KObject} from '../../api/types.js'

import {builtinResource} from '../../api/builtin-kinds.js'
import {CliError, PlainError} from '../errors.js'

export interface RoleOptions {
  name: string
  /** a Role's namespace */
  namespace?: string
  verbs: string[]
  resources: string[]
  resourceNames: string[]
  nonResourceURLs: string[]
  /** `--aggregation-rule` key=value pairs (cluster roles only) */
  aggregationRule: Record<string, string>
  /** where `Warning: ...` lines go */
  warn(line: string): void
}

interface ResourceOption {
  group: string
  resource: string
  subresource: string
}

const VALID_RESOURCE_VERBS = ['*', 'get', 'delete', 'list', 'create', 'update', 'patch', 'watch', 'proxy', 'deletecollection', 'use', 'bind', 'escalate', 'impersonate']
const VALID_NON_RESOURCE_VERBS = ['*', 'get', 'post', 'put', 'delete', 'patch', 'head', 'options']

/** The verbs only some resources have, and those resources (group/resource). */
const SPECIAL_VERBS: Record<string, string[]> = {
  use: ['policy/podsecuritypolicies', 'extensions/podsecuritypolicies'],
  bind: ['rbac.authorization.k8s.io/roles', 'rbac.authorization.k8s.io/clusterroles'],
  escalate: ['rbac.authorization.k8s.io/roles', 'rbac.authorization.k8s.io/clusterroles'],
  impersonate: ['/users', '/serviceaccounts', '/groups', 'authentication.k8s.io/userextras'],
}

const unique = (list: string[]): string[] => [...new Set(list)]

/** Complete: `*` replaces every other verb; duplicates dropped. */
const completeVerbs = (verbs: string[]): string[] => (verbs.includes('*') ? ['*'] : unique(verbs))

/** Complete's reading of --resource: a bare `*` alone ends the list. */
function parseResources(values: string[]): ResourceOption[] {
  const out: ResourceOption[] = []
  for (const value of values) {
    const slash = value.indexOf('/')
    const [head, subresource] = slash >= 0 ? [value.slice(0, slash), value.slice(slash + 1)] : [value, '']
    const dot = head.indexOf('.')
    const r = dot >= 0 ? {resource: head.slice(0, dot), group: head.slice(dot + 1), subresource} : {resource: head, group: '', subresource}
    if (r.resource === '*' && dot < 0 && slash < 0) return [r]
    out.push(r)
  }
  return out
}

/** The REST mapper's ResourceFor: the resource's plural and group, or kubectl's NoResourceMatch message. */
function resourceFor(r: ResourceOption): {group: string; resource: string; error?: string} {
  const found = builtinResource(r.group ? `${r.resource}.${r.group}` : r.resource)
  if (found) return {group: found.apiVersion.includes('/') ? found.apiVersion.split('/')[0] : '', resource: found.plural}
  const error = r.group ? `the server doesn't have a resource type "${r.resource}" in group "${r.group}"` : `the server doesn't have a resource type "${r.resource}"`
  return {group: r.group, resource: r.resource, error}
}

/** validateResource: each resource known, special verbs only on their resources. */
function validateResources(resources: ResourceOption[], verbs: string[]): void {
  for (const r of resources) {
    if (r.resource === '') throw new CliError('resource must be specified if apiGroup/subresource specified')
    if (r.resource === '*') return
    const resolved = resourceFor(r)
    let error = resolved.error
    for (const verb of verbs) {
      const allowed = SPECIAL_VERBS[verb]
      if (!allowed) continue
      if (!allowed.includes(`${resolved.group}/${resolved.resource}`)) throw new CliError(`can not perform '${verb}' on '${resolved.resource}' in group '${resolved.group}'`)
      error = undefined
    }
    // cmdutil.CheckErr prints a NoResourceMatchError as it is, without `error: `
    if (error) throw new PlainError(error)
  }
}

function warnVerbs(o: RoleOptions, verbs: string[]): void {
  for (const v of verbs) if (!VALID_RESOURCE_VERBS.includes(v)) o.warn(`Warning: '${v}' is not a standard resource verb`)
}

/** generateResourcePolicyRules. */
function policyRules(verbs: string[], resources: ResourceOption[], resourceNames: string[], urls: string[]): Record<string, unknown>[] {
  const byGroup = new Map<string, string[]>()
  for (const r of resources) {
    const resolved = resourceFor(r)
    const name = r.subresource ? `${resolved.resource}/${r.subresource}` : resolved.resource
    const list = byGroup.get(resolved.group) ?? []
    if (!list.includes(name)) list.push(name)
    byGroup.set(resolved.group, list)
  }
  const rules: Record<string, unknown>[] = [...byGroup.keys()].sort().map((g) => ({
    verbs,
    apiGroups: [g],
    resources: byGroup.get(g),
    ...(resourceNames.length > 0 ? {resourceNames} : {}),
  }))
  if (urls.length > 0) rules.push({verbs, nonResourceURLs: urls})
  return rules
}

/** The Role `create role` builds (after Validate). */
export function generateRole(o: RoleOptions): KObject {
  const verbs = completeVerbs(o.verbs)
  const resources = parseResources(o.resources)
  if (verbs.length === 0) throw new CliError('at least one verb must be specified')
  warnVerbs(o, verbs)
  if (resources.length === 0) throw new CliError('at least one resource must be specified')
  validateResources(resources, verbs)
  return {apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'Role', metadata: {name: o.name, namespace: o.namespace}, rules: policyRules(verbs, resources, unique(o.resourceNames), [])}
}

/** CreateClusterRoleOptions.Validate's checks of the non-resource URLs. */
function validateURLs(verbs: string[], urls: string[]): void {
  for (const v of verbs) if (!VALID_NON_RESOURCE_VERBS.includes(v)) throw new CliError(`invalid verb: '${v}' for nonResourceURL`)
  for (const url of urls) {
    if (url === '*') continue
    if (url === '' || !url.startsWith('/')) throw new CliError('nonResourceURL should start with /')
    if (url.slice(0, -1).includes('*')) throw new CliError("nonResourceURL only supports wildcard matches when '*' is at the end")
  }
}

/** The ClusterRole `create clusterrole` builds (after Validate). */
export function generateClusterRole(o: RoleOptions): KObject {
  const verbs = completeVerbs(o.verbs)
  const resources = parseResources(o.resources)
  const urls = unique(o.nonResourceURLs)
  const resourceNames = unique(o.resourceNames)
  const base = {apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'ClusterRole', metadata: {name: o.name}}
  if (Object.keys(o.aggregationRule).length > 0) {
    if (urls.length > 0 || verbs.length > 0 || resources.length > 0 || resourceNames.length > 0) throw new CliError('aggregation rule must be specified without nonResourceURLs, verbs, resources or resourceNames')
    // ClusterRole.rules has no omitempty: the typed object kubectl prints says `"rules": null`
    return {...base, rules: null, aggregationRule: {clusterRoleSelectors: [{matchLabels: o.aggregationRule}]}}
  }
  if (verbs.length === 0) throw new CliError('at least one verb must be specified')
  if (resources.length === 0 && urls.length === 0) throw new CliError('one of resource or nonResourceURL must be specified')
  if (resources.length > 0) {
    warnVerbs(o, verbs)
    validateResources(resources, verbs)
  }
  if (urls.length > 0) validateURLs(verbs, urls)
  return {...base, rules: policyRules(verbs, resources, resourceNames, urls)}
}

/** `--user`, `--group`, `--serviceaccount` as binding subjects, in kubectl's order (users, groups, service accounts). */
export function subjectsOf(users: string[], groups: string[], serviceAccounts: string[]): Record<string, string>[] {
  const subjects: Record<string, string>[] = [
    ...users.map((name) => ({kind: 'User', apiGroup: 'rbac.authorization.k8s.io', name})),
    ...groups.map((name) => ({kind: 'Group', apiGroup: 'rbac.authorization.k8s.io', name})),
  ]
  for (const sa of serviceAccounts) {
    const tokens = sa.split(':')
    if (tokens.length !== 2 || tokens[0] === '' || tokens[1] === '') throw new CliError('serviceaccount must be <namespace>:<name>')
    subjects.push({kind: 'ServiceAccount', name: tokens[1], namespace: tokens[0]})
  }
  return subjects
}
