// Role, ClusterRole, RoleBinding and ClusterRoleBinding rows (printRole, printClusterRole,
// printRoleBinding, printClusterRoleBinding): roles show their creation time in RFC 3339, bindings
// `Kind/name` of their role, and (wide) their users, groups and `namespace/name` service accounts.
import type {KObject} from '../../api/types.js'

import {parseTime, since} from '../timestamps.js'
import {col, wide, type TableHandler} from './columns.js'

type Subject = {kind?: string; name?: string; namespace?: string}

/** time.RFC3339 of the creation time in UTC (`0001-01-01T00:00:00Z` when unset, Go's zero time). */
function createdAt(ts: string | undefined): string {
  const t = parseTime(ts)
  return t === undefined ? '0001-01-01T00:00:00Z' : new Date(t).toISOString().replace(/\.\d{3}Z$/, 'Z')
}

const roleTable = (clusterScoped: boolean): TableHandler => ({
  columns: [col('Name', 'name'), col('Created At')],
  clusterScoped,
  cells: (obj: KObject) => [obj.metadata.name ?? '', createdAt(obj.metadata.creationTimestamp)],
})

/** rbac.SubjectsStrings: users, groups and service accounts, each joined with `, `. */
export function subjectsStrings(subjects: Subject[]): [string, string, string] {
  const of = (kind: string, show: (s: Subject) => string): string => subjects.filter((s) => s.kind === kind).map(show).join(', ')
  return [of('User', (s) => s.name ?? ''), of('Group', (s) => s.name ?? ''), of('ServiceAccount', (s) => `${s.namespace ?? ''}/${s.name ?? ''}`)]
}

const bindingTable = (clusterScoped: boolean): TableHandler => ({
  columns: [col('Name', 'name'), col('Role'), col('Age'), wide('Users'), wide('Groups'), wide('ServiceAccounts')],
  clusterScoped,
  cells(obj: KObject, now: Date): string[] {
    const ref = (obj.roleRef ?? {}) as {kind?: string; name?: string}
    return [obj.metadata.name ?? '', `${ref.kind ?? ''}/${ref.name ?? ''}`, since(obj.metadata.creationTimestamp, now), ...subjectsStrings((obj.subjects ?? []) as Subject[])]
  },
})

export const rbacTables: Record<string, TableHandler> = {
  Role: roleTable(false),
  ClusterRole: roleTable(true),
  RoleBinding: bindingTable(false),
  ClusterRoleBinding: bindingTable(true),
}
