// `-o name` and the `pod/x` prefix of multi-kind tables: cli-runtime's NamePrinter.
import type {KObject} from '../api/types.js'

/** The API group of an apiVersion (`apps/v1` → `apps`, `v1` → ''). */
export function groupOf(apiVersion: string | undefined): string {
  const v = apiVersion ?? ''
  const slash = v.indexOf('/')
  return slash < 0 ? '' : v.slice(0, slash)
}

/** `pod` for the core group, `deployment.apps` otherwise. */
export function kindPrefix(kind: string, group: string): string {
  return group ? `${kind.toLowerCase()}.${group}` : kind.toLowerCase()
}

/** One `-o name` line without its newline: `pod/x`, or `pod/x created` with an operation. */
export function formatName(kind: string, group: string, name: string, operation?: string): string {
  const base = `${kindPrefix(kind, group)}/${name}`
  return operation ? `${base} ${operation}` : base
}

/** `-o name` output for objects: one `kind[.group]/name` line each. */
export function printNames(objs: KObject[], operation?: string): string {
  return objs.map((o) => formatName(o.kind, groupOf(o.apiVersion), o.metadata?.name ?? '', operation) + '\n').join('')
}
