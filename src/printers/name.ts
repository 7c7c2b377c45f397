// `-o name` and the `pod/x` prefix of multi-kind tables: cli-runtime's NamePrinter.

/** The API group of an apiVersion (`apps/v1` → `apps`, `v1` → ''). */
export function groupOf(apiVersion: string | undefined): string {
  const v = apiVersion ?? ''
  const slash = v.indexOf('/')
  return slash < 0 ? '' : v.slice(0, slash)
}

/** `pod` for the core group, `deployment.apps` otherwise: the prefix of `-o name` and of `get all` rows. */
export function nameKind(type: {kind: string; group: string}): string {
  return type.group ? `${type.kind.toLowerCase()}.${type.group}` : type.kind.toLowerCase()
}
