// `describe`: find the objects (exact name, else name prefix, or all / by selector / from files), gather
// each one's events (and a node's pods and lease), and print them as kubectl does, separated by blank lines.
import type {ResourceType} from '../api/registry.js'
import type {Api} from '../api/server.js'
import type {KObject} from '../api/types.js'
import type {Target} from '../cluster/clusters.js'

import {apiErrors} from '../api/errors.js'
import {lookupKind} from '../api/registry.js'
import {describerFor} from '../printers/describe/index.js'
import {CliError, errorText} from './errors.js'
import {noKindMatch, readManifests} from './manifests.js'
import {parseResourceArgs} from './resource-args.js'
import {readStdin} from './stdin.js'
import {workloadContext} from './describe-workloads.js'

export interface DescribeRun {
  args: string[]
  files: string[]
  recursive: boolean
  allNamespaces: boolean
  selector?: string
  showEvents: boolean
  out(text: string): void
  err(line: string): void
}

interface Found {
  rt: ResourceType
  obj: KObject
}

function context(api: Api, found: Found, showEvents: boolean) {
  const {rt, obj} = found
  const events = showEvents
    ? api.list(lookupKind('v1', 'Event')!, obj.metadata.namespace || 'default').items.filter(
        (e) => {
          const io = (e.involvedObject ?? {}) as {uid?: string; kind?: string; name?: string}
          // kubelets file node events under the node's name as uid
          return io.uid === obj.metadata.uid || (rt.kind === 'Node' && io.kind === 'Node' && io.name === obj.metadata.name)
        },
      )
    : []
  if (rt.kind === 'Deployment' || rt.kind === 'ReplicaSet') return {now: api.clock.now(), events, showEvents, ...workloadContext(api, obj)}
  // describe service prints the endpoints of the Service's EndpointSlices
  if (rt.kind === 'Service') return {now: api.clock.now(), events, showEvents, endpointSlices: api.list(lookupKind('discovery.k8s.io/v1', 'EndpointSlice')!, obj.metadata.namespace, {labelSelector: `kubernetes.io/service-name=${obj.metadata.name}`}).items}
  if (rt.kind !== 'Node') return {now: api.clock.now(), events, showEvents}
  const pods = api
    .list(lookupKind('v1', 'Pod')!, undefined)
    .items.filter((p) => (p.spec as {nodeName?: string} | undefined)?.nodeName === obj.metadata.name)
  const lease = api.peek('Lease', 'kube-node-lease', obj.metadata.name!)
  return {now: api.clock.now(), events, pods, lease, showEvents}
}

/** Resolves names as kubectl describe does: an exact name wins, else every object whose name starts with it. */
function findByPrefix(api: Api, rt: ResourceType, namespace: string, prefix: string): KObject[] {
  const exact = api.peek(rt.kind, rt.namespaced ? namespace : '', prefix)
  if (exact) return [exact]
  const matches = api.list(rt, namespace).items.filter((o) => o.metadata.name!.startsWith(prefix))
  if (matches.length === 0) throw apiErrors.notFound(rt.plural, rt.group, prefix)
  return matches
}

export function runDescribe(api: Api, target: Target, run: DescribeRun): string[] {
  const errors: unknown[] = []
  const found: Found[] = []
  if (run.files.length > 0) {
    for (const item of readManifests(run.files, {recursive: run.recursive, validate: true, stdin: readStdin})) {
      if (item.error) {
        errors.push(new CliError(item.error))
        continue
      }
      const rt = lookupKind(item.object!.apiVersion, item.object!.kind)
      if (!rt) {
        errors.push(new CliError(noKindMatch(item.object!, item.source)))
        continue
      }
      try {
        found.push({rt, obj: api.get(rt, item.object!.metadata.namespace || target.namespace, item.object!.metadata.name ?? '')})
      } catch (error) {
        errors.push(error)
      }
    }
  } else {
    const {requests} = parseResourceArgs(run.args)
    if (requests.length === 0) throw new CliError('You must specify the type of resource to describe. Use "ksim api-resources" for a complete list of supported resources.')
    const ns = run.allNamespaces ? undefined : target.namespace
    for (const {rt, names} of requests) {
      if (names.length === 0) {
        for (const obj of api.list(rt, ns, {labelSelector: run.selector}).items) found.push({rt, obj})
        continue
      }
      for (const name of names) {
        try {
          for (const obj of findByPrefix(api, rt, target.namespace, name)) found.push({rt, obj})
        } catch (error) {
          errors.push(error)
        }
      }
    }
    if (found.length === 0 && errors.length === 0 && requests.every((r) => r.names.length === 0)) {
      run.err(run.allNamespaces || !requests[0].rt.namespaced ? 'No resources found' : `No resources found in ${target.namespace} namespace.`)
    }
  }
  const texts = found.map((f) => describerFor(f.rt.kind)(f.obj, context(api, f, run.showEvents)))
  run.out(texts.map((t, i) => (i === 0 ? t : `\n\n${t}`)).join(''))
  return errors.map((e) => errorText(e))
}
