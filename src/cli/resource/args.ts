// Turns kubectl-style resource arguments into requests: `TYPE`, `TYPE NAME...`, `TYPE1,TYPE2 [NAME...]`,
// `TYPE/NAME ...`, and the `all` category — with kubectl's errors for the ways they can be mixed up.
import {allTypes, mustLookupResource, type ResourceType} from '../../api/registry.js'
import {CliError} from '../errors.js'

export interface ResourceRequest {
  rt: ResourceType
  /** empty = every object of the type (subject to selectors) */
  names: string[]
}

/** The kinds `kubectl get all` lists, in kubectl's order. */
const ALL_ORDER = ['Pod', 'ReplicationController', 'Service', 'DaemonSet', 'Deployment', 'ReplicaSet', 'StatefulSet', 'HorizontalPodAutoscaler', 'CronJob', 'Job']

// kinds outside kubectl's list (custom resources in the category) come after it, in discovery order
const allRank = (t: ResourceType): number => (ALL_ORDER.includes(t.kind) && !t.custom ? ALL_ORDER.indexOf(t.kind) : ALL_ORDER.length)

function expandType(text: string): ResourceType[] {
  if (text.toLowerCase() === 'all') {
    return allTypes()
      .filter((t) => t.categories.includes('all'))
      .sort((a, b) => allRank(a) - allRank(b))
  }
  return [mustLookupResource(text)]
}

/**
 * Parses positional args. `requireType` makes an empty list an error (get/describe/delete do);
 * the caller words that error.
 */
export function parseResourceArgs(args: string[]): {requests: ResourceRequest[]; slashForm: boolean; typeCount: number} {
  if (args.length === 0) return {requests: [], slashForm: false, typeCount: 0}
  const slash = args.filter((a) => a.includes('/'))
  if (slash.length > 0) {
    if (slash.length !== args.length) {
      throw new CliError(
        "there is no need to specify a resource type as a separate argument when passing arguments in resource/name form (e.g. 'kubectl get resource/<resource_name>' instead of 'kubectl get resource resource/<resource_name>'",
      )
    }
    const requests: ResourceRequest[] = []
    for (const a of args) {
      // kubectl's splitResourceTypeName: exactly one slash, one type before it
      if (a.split('/').length !== 2) throw new CliError('arguments in resource/name form may not have more than one slash')
      const i = a.indexOf('/')
      const type = a.slice(0, i)
      const name = a.slice(i + 1)
      if (!type || !name || new Set(type.split(',').filter((t) => t !== '')).size !== 1) throw new CliError(`arguments in resource/name form must have a single resource and name`)
      const rt = mustLookupResource(type)
      const existing = requests.find((r) => r.rt === rt)
      if (existing) existing.names.push(name)
      else requests.push({rt, names: [name]})
    }
    return {requests, slashForm: true, typeCount: requests.length}
  }
  const [typeArg, ...names] = args
  const types = typeArg.split(',').filter((t) => t.length > 0)
  const requests: ResourceRequest[] = []
  for (const t of types) {
    for (const rt of expandType(t)) {
      if (!requests.some((r) => r.rt === rt)) requests.push({rt, names: [...names]})
    }
  }
  const multiple = types.length > 1 || types.some((t) => t.toLowerCase() === 'all')
  return {requests, slashForm: false, typeCount: multiple ? Math.max(requests.length, 2) : requests.length}
}
