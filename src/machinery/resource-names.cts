// The names a resource type answers to, and resolving what a user typed to one of them, as
// apimachinery's RESTMapper does. CommonJS (a .cts) so the shell-completion fast path
// (cli/complete/, loaded without the bundle) and the API registry share the one matcher.

/** The names one resource type answers to. */
export interface ResourceName {
  kind: string
  group: string
  plural: string
  singular: string
  shortNames: string[]
  namespaced: boolean
}

/**
 * Resolves what a user typed (`po`, `pods`, `Pod`, `deployments.apps`, `pods.v1.`, `leases.coordination.k8s.io`)
 * to one of `types`, or undefined. kubectl matches case-insensitively.
 */
export function matchResourceName<T extends ResourceName>(types: readonly T[], text: string): T | undefined {
  const t = text.toLowerCase()
  const dot = t.indexOf('.')
  const base = dot >= 0 ? t.slice(0, dot) : t
  let group = dot >= 0 ? t.slice(dot + 1) : undefined
  // `pods.v1.` / `deployments.v1.apps`: version-qualified forms
  if (group !== undefined) {
    const m = /^(v\d+(?:(?:alpha|beta)\d+)?)\.(.*)$/.exec(group)
    if (m) group = m[2]
  }
  return types.find(
    (rt) =>
      (group === undefined || rt.group === group) &&
      (rt.plural === base || rt.singular === base || rt.kind.toLowerCase() === base || rt.shortNames.includes(base)),
  )
}
