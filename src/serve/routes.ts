// Which resource a REST path names: `/api/v1/namespaces/ns/pods/x/status`, `/apis/apps/v1/deployments`,
// `/api/v1/namespaces/x` (the namespace itself) → type, namespace, name and subresource.
import {allTypes, apiVersionOf, type ResourceType} from '../api/registry.js'

export interface ResourceRoute {
  rt: ResourceType
  /** the namespace in the path; undefined for a cluster-scoped path or an all-namespaces list */
  namespace?: string
  name?: string
  subresource?: string
}

/** The group/version a path is under (`v1`, `apps/v1`) and the rest of its segments. */
export function groupVersionOf(pathname: string): {gv: string; rest: string[]} | undefined {
  const parts = pathname.split('/').filter(Boolean).map(decodeURIComponent)
  if (parts[0] === 'api' && parts.length >= 2) return {gv: parts[1]!, rest: parts.slice(2)}
  if (parts[0] === 'apis' && parts.length >= 3) return {gv: `${parts[1]}/${parts[2]}`, rest: parts.slice(3)}
  return undefined
}

const typeIn = (gv: string, plural: string | undefined): ResourceType | undefined => allTypes().find((t) => apiVersionOf(t) === gv && t.plural === plural)

/** The resource a path under a group/version names; undefined when no served resource matches. */
export function resourceRoute(gv: string, rest: string[]): ResourceRoute | undefined {
  let segs = rest
  let namespace: string | undefined
  // `namespaces/<ns>/<plural>...` is a namespaced resource; `namespaces/<name>[/<sub>]` the namespace itself
  if (segs[0] === 'namespaces' && segs.length >= 3 && typeIn(gv, segs[2])?.namespaced) {
    namespace = segs[1]
    segs = segs.slice(2)
  }
  if (segs.length < 1 || segs.length > 3) return undefined
  const rt = typeIn(gv, segs[0])
  if (!rt) return undefined
  if (rt.namespaced === false && namespace !== undefined) return undefined
  return {rt, namespace, name: segs[1], subresource: segs[2]}
}
