// describe role|clusterrole (RoleDescriber): the rules broken down to one verb, resource and name each,
// compacted back per resource (kubectl's util/rbac BreakdownRule and CompactRules), sorted as Go sorts
// their String() forms; describe rolebinding|clusterrolebinding: the role and a table of subjects.
import type {KObject} from '../../api/types.js'

import {printAnnotationsMultiline, printLabelsMultiline} from './common.js'
import {LEVEL_0, LEVEL_1, PrefixWriter} from './prefix-writer.js'

interface Rule {
  verbs?: string[]
  apiGroups?: string[]
  resources?: string[]
  resourceNames?: string[]
  nonResourceURLs?: string[]
}

/** BreakdownRule: one rule per group, resource, verb (and resource name); one per URL and verb. */
function breakdown(rule: Rule): Rule[] {
  const out: Rule[] = []
  const verbs = rule.verbs ?? []
  for (const group of rule.apiGroups ?? []) {
    for (const resource of rule.resources ?? []) {
      for (const verb of verbs) {
        const names = rule.resourceNames ?? []
        if (names.length === 0) out.push({apiGroups: [group], resources: [resource], verbs: [verb]})
        for (const name of names) out.push({apiGroups: [group], resources: [resource], verbs: [verb], resourceNames: [name]})
      }
    }
  }
  for (const url of rule.nonResourceURLs ?? []) for (const verb of verbs) out.push({nonResourceURLs: [url], verbs: [verb]})
  return out
}

/** CompactRules: the single-resource rules of one group, resource and name merged, their verbs in first-seen order. */
function compact(rules: Rule[]): Rule[] {
  const out: Rule[] = []
  const simple = new Map<string, Rule>()
  for (const rule of rules) {
    const isSimple = (rule.nonResourceURLs ?? []).length === 0 && (rule.resourceNames ?? []).length <= 1
    if (!isSimple) {
      out.push(rule)
      continue
    }
    const key = JSON.stringify([rule.apiGroups, rule.resources, rule.resourceNames ?? null])
    const existing = simple.get(key)
    if (!existing) simple.set(key, {...rule, verbs: [...(rule.verbs ?? [])]})
    else for (const v of rule.verbs ?? []) if (!existing.verbs!.includes(v)) existing.verbs!.push(v)
  }
  return [...out, ...simple.values()]
}

const goList = (l: string[] | undefined): string => `[${(l ?? []).join(' ')}]`
/** PolicyRule.String(), the key kubectl sorts by. */
const ruleString = (r: Rule): string =>
  `&PolicyRule{Verbs:${goList(r.verbs)},APIGroups:${goList(r.apiGroups)},Resources:${goList(r.resources)},ResourceNames:${goList(r.resourceNames)},NonResourceURLs:${goList(r.nonResourceURLs)},}`

/** CombineResourceGroup: `resource.group/subresource`. */
function combineResourceGroup(resources: string[] | undefined, groups: string[] | undefined): string {
  if (!resources || resources.length === 0) return ''
  const [resource, sub] = resources[0].split(/\/(.*)/s)
  let combined = resource
  if (groups && groups.length > 0 && groups[0] !== '') combined += `.${groups[0]}`
  return sub === undefined ? combined : `${combined}/${sub}`
}

const byteCompare = (a: string, b: string): number => Buffer.compare(Buffer.from(a), Buffer.from(b))

/** kubectl describe role / clusterrole. */
export function describeRole(obj: KObject): string {
  const rules = compact(((obj.rules ?? []) as Rule[]).flatMap(breakdown))
  const sorted = rules.map((r) => [ruleString(r), r] as const).sort((a, b) => byteCompare(a[0], b[0])).map(([, r]) => r)
  const w = new PrefixWriter()
  w.write(LEVEL_0, `Name:\t${obj.metadata.name ?? ''}\n`)
  printLabelsMultiline(w, 'Labels', obj.metadata.labels)
  printAnnotationsMultiline(w, 'Annotations', obj.metadata.annotations)
  w.write(LEVEL_0, 'PolicyRule:\n')
  w.write(LEVEL_1, 'Resources\tNon-Resource URLs\tResource Names\tVerbs\n')
  w.write(LEVEL_1, '---------\t-----------------\t--------------\t-----\n')
  for (const r of sorted) w.write(LEVEL_1, `${combineResourceGroup(r.resources, r.apiGroups)}\t${goList(r.nonResourceURLs)}\t${goList(r.resourceNames)}\t${goList(r.verbs)}\n`)
  return w.toString()
}

/** kubectl describe rolebinding / clusterrolebinding. */
export function describeRoleBinding(obj: KObject): string {
  const ref = (obj.roleRef ?? {}) as {kind?: string; name?: string}
  const w = new PrefixWriter()
  w.write(LEVEL_0, `Name:\t${obj.metadata.name ?? ''}\n`)
  printLabelsMultiline(w, 'Labels', obj.metadata.labels)
  printAnnotationsMultiline(w, 'Annotations', obj.metadata.annotations)
  w.write(LEVEL_0, 'Role:\n')
  w.write(LEVEL_1, `Kind:\t${ref.kind ?? ''}\n`)
  w.write(LEVEL_1, `Name:\t${ref.name ?? ''}\n`)
  w.write(LEVEL_0, 'Subjects:\n')
  w.write(LEVEL_1, 'Kind\tName\tNamespace\n')
  w.write(LEVEL_1, '----\t----\t---------\n')
  for (const s of (obj.subjects ?? []) as {kind?: string; name?: string; namespace?: string}[]) w.write(LEVEL_1, `${s.kind ?? ''}\t${s.name ?? ''}\t${s.namespace ?? ''}\n`)
  return w.toString()
}
