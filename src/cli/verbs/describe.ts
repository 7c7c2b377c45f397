// `describe`: find the objects (exact name, else name prefix, or all / by selector / from files), gather
// each one's events (and a node's pods and lease), and print them as kubectl does, separated by blank lines.
import {Args, Flags, type Interfaces} from '@oclif/core'

import type {ResourceType} from '../../api/registry.js'
import type {Api} from '../../api/server.js'
import type {KObject} from '../../api/types.js'
import type {Target} from '../../cluster/clusters.js'

import {apiErrors, isStatusError} from '../../api/errors.js'
import {lookupKind} from '../../api/registry.js'
import {describerFor} from '../../printers/describe/index.js'
import {CliError, aggregatedErrorText} from '../errors.js'
import {selectionOfFlags} from '../resource/builder.js'
import {resolveResources} from '../resource/files.js'
import {allNamespacesFlag, filenameFlag, recursiveFlag, selectorFlag} from '../flags.js'
import {workloadContext} from './describe-workloads.js'
import type {Sinks} from './sinks.js'

export const describeArgs = {
  resources: Args.string({description: 'TYPE [NAME_PREFIX] | TYPE/NAME'}),
}

export const describeFlags = {
  'all-namespaces': allNamespacesFlag,
  filename: filenameFlag,
  recursive: recursiveFlag,
  selector: selectorFlag,
  'show-events': Flags.boolean({description: 'If true, display events related to the described object.', default: true, allowNo: true}),
}

export type DescribeFlags = Interfaces.InferredFlags<typeof describeFlags>

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
  if (rt.kind === 'Deployment' || rt.kind === 'ReplicaSet' || rt.kind === 'StatefulSet' || rt.kind === 'DaemonSet' || rt.kind === 'ReplicationController') return {now: api.clock.now(), events, showEvents, ...workloadContext(api, obj)}
  // describe service prints the endpoints of the Service's EndpointSlices
  if (rt.kind === 'Service') return {now: api.clock.now(), events, showEvents, endpointSlices: api.list(lookupKind('discovery.k8s.io/v1', 'EndpointSlice')!, obj.metadata.namespace, {labelSelector: `kubernetes.io/service-name=${obj.metadata.name}`}).items}
  // describe pvc lists the pods of its namespace that use the claim
  if (rt.kind === 'PersistentVolumeClaim') return {now: api.clock.now(), events, showEvents, pods: api.list(lookupKind('v1', 'Pod')!, obj.metadata.namespace).items}
  if (rt.kind !== 'Node') return {now: api.clock.now(), events, showEvents}
  const pods = api
    .list(lookupKind('v1', 'Pod')!, undefined)
    .items.filter((p) => (p.spec as {nodeName?: string} | undefined)?.nodeName === obj.metadata.name)
  const lease = api.peek('Lease', 'kube-node-lease', obj.metadata.name!)
  return {now: api.clock.now(), events, pods, lease, showEvents}
}

/** Resolves a name as kubectl describe does: an exact name wins, else every object whose name starts with it. */
function visitByPrefix(api: Api, rt: ResourceType, namespace: string, prefix: string, found: Found[], errors: unknown[]): void {
  // a GET of the exact name (a request, so the API's warnings for the resource apply), else a list
  let exact: KObject | undefined
  try {
    exact = api.get(rt, namespace, prefix)
  } catch (error) {
    if (!isStatusError(error, 'NotFound')) throw error
  }
  if (exact) return void found.push({rt, obj: exact})
  const matches = api.list(rt, namespace).items.filter((o) => o.metadata.name!.startsWith(prefix))
  if (matches.length === 0) errors.push(apiErrors.notFound(rt.plural, rt.group, prefix))
  for (const obj of matches) found.push({rt, obj})
}

export function runDescribe(api: Api, target: Target, args: string[], flags: DescribeFlags, sinks: Sinks): string[] {
  const errors: unknown[] = []
  const found: Found[] = []
  const {visited, groups} = resolveResources(api, {
    ...selectionOfFlags(target.namespace, args, flags),
    namesWithSelector: 'ignore',
    latest: (flags.filename ?? []).length > 0,
    missing: new CliError('You must specify the type of resource to describe. Use "ksim api-resources" for a complete list of supported resources.'),
  })
  for (const {info, error} of visited) {
    if (!info) errors.push(error)
    else if (info.object) found.push({rt: info.rt, obj: info.object})
    else visitByPrefix(api, info.rt, target.namespace, info.name, found, errors)
  }
  if ((flags.filename ?? []).length === 0 && found.length === 0 && errors.length === 0 && groups.every((g) => g.listed)) {
    sinks.err(flags['all-namespaces'] || !groups[0].rt.namespaced ? 'No resources found' : `No resources found in ${target.namespace} namespace.`)
  }
  const texts = found.map((f) => describerFor(f.rt.kind)(f.obj, context(api, f, flags['show-events'])))
  sinks.out(texts.map((t, i) => (i === 0 ? t : `\n\n${t}`)).join(''))
  // describe's errors go through an aggregate
  return errors.map((e) => aggregatedErrorText(e))
}
