// `expose TYPE NAME`: a Service for a pod, ReplicationController, Deployment, ReplicaSet or Service, as
// kubectl expose builds it — selector, ports and protocols read from the object unless given, labels
// copied from it, ports named port-1… when several — with kubectl's errors.
import {Flags, type Interfaces} from '@oclif/core'

import type {Api} from '../../api/server.js'
import type {KObject} from '../../api/types.js'
import type {ResourceType} from '../../api/registry.js'
import type {Target} from '../../cluster/clusters.js'

import {CliError} from '../errors.js'
import {dryRunFlag} from '../flags.js'
import {printFlags, printerFor, printOptionsOf} from '../print/print-flags.js'
import {loadResources, MISSING_RESOURCE, resourcesFromArgs} from '../resource/builder.js'
import {parseLabels} from './create-node.js'
import type {Sinks} from './sinks.js'

/** kubectl expose's flags. */
export const exposeFlags = {
  'cluster-ip': Flags.string({description: "ClusterIP to be assigned to the service. Leave empty to auto-allocate, or set to 'None' to create a headless service."}),
  'dry-run': dryRunFlag,
  filename: Flags.string({char: 'f', description: 'Filename, directory, or URL to files identifying the resource to expose a service', multiple: true, multipleNonGreedy: true}),
  'external-ip': Flags.string({description: 'Additional external IP address (not managed by Kubernetes) to accept for the service. If this IP is routed to a node, the service can be accessed by this IP in addition to its generated service IP.'}),
  labels: Flags.string({char: 'l', description: 'Labels to apply to the service created by this call.'}),
  'load-balancer-ip': Flags.string({description: 'IP to assign to the LoadBalancer. If empty, an ephemeral IP will be created and used (cloud-provider specific).'}),
  name: Flags.string({description: 'The name for the newly created object.'}),
  ...printFlags,
  port: Flags.string({description: 'The port that the service should serve on. Copied from the resource being exposed, if unspecified'}),
  recursive: Flags.boolean({char: 'R', description: 'Process the directory used in -f, --filename recursively. Useful when you want to manage related manifests organized within the same directory.', default: false}),
  protocol: Flags.string({description: 'The network protocol for the service to be created. Default is \'TCP\'.'}),
  selector: Flags.string({description: 'A label selector to use for this service. Only equality-based selector requirements are supported. If empty (the default) infer the selector from the replication controller or replica set.)'}),
  'session-affinity': Flags.string({description: "If non-empty, set the session affinity for the service to this; legal values: 'None', 'ClientIP'"}),
  'target-port': Flags.string({description: 'Name or number for the port on the container that the service should direct traffic to. Optional.'}),
  type: Flags.string({description: "Type for this service: ClusterIP, NodePort, LoadBalancer, or ExternalName. Default is 'ClusterIP'."}),
}

export type ExposeFlags = Interfaces.InferredFlags<typeof exposeFlags>

const EXPOSABLE = new Set(['Pod', 'Service', 'ReplicationController', 'Deployment', 'ReplicaSet'])

interface Container {
  ports?: {containerPort: number; protocol?: string}[]
}

/** polymorphichelpers.CanBeExposed. */
export function checkExposable(rt: ResourceType): void {
  if (!EXPOSABLE.has(rt.kind) || !['', 'apps', 'extensions'].includes(rt.group)) throw new CliError(`cannot expose a ${rt.group ? `${rt.kind}.${rt.group}` : rt.kind}`)
}

const mapString = (m: Record<string, string>): string => Object.entries(m).map(([k, v]) => `${k}=${v}`).join(',')

/** MapBasedSelectorForObject: the pod selector of the object, as `k=v,…`. */
export function selectorOf(obj: KObject): string {
  const spec = (obj.spec ?? {}) as {selector?: Record<string, unknown> | null}
  switch (obj.kind) {
    case 'Pod': {
      const labels = obj.metadata.labels ?? {}
      if (Object.keys(labels).length === 0) throw new Error('the pod has no labels and cannot be exposed')
      return mapString(labels)
    }
    case 'Service':
      if (!spec.selector) throw new Error('the service has no pod selector set')
      return mapString(spec.selector as Record<string, string>)
    case 'ReplicationController':
      // no complaint here: an empty selector (a manifest that leaves it to defaulting) fails later, in createService
      return mapString((spec.selector ?? {}) as Record<string, string>)
    case 'Deployment':
    case 'ReplicaSet': {
      const sel = spec.selector as {matchLabels?: Record<string, string>; matchExpressions?: unknown[]} | null | undefined
      const what = obj.kind.toLowerCase()
      if (!sel) throw new Error(`invalid ${what}: no selectors, therefore cannot be exposed`)
      const exprs = (sel.matchExpressions ?? []) as {key: string; operator: string; values?: string[]}[]
      // Go's %+v of the requirements
      const text = exprs.map((e) => `{Key:${e.key} Operator:${e.operator} Values:[${(e.values ?? []).join(' ')}]}`).join(' ')
      if (exprs.length > 0) throw new Error(`couldn't convert expressions - "[${text}]" to map-based selector format`)
      return mapString(sel.matchLabels ?? {})
    }
  }
  throw new Error(`cannot extract pod selector from ${obj.kind}`)
}

function containersOf(obj: KObject): Container[] {
  if (obj.kind === 'Pod') return ((obj.spec as {containers?: Container[]})?.containers ?? [])
  return ((obj.spec as {template?: {spec?: {containers?: Container[]}}})?.template?.spec?.containers ?? [])
}

/** PortsForObject / ProtocolsForObject: the object's ports (as text) and each one's protocol. */
export function portsOf(obj: KObject): {ports: string[]; protocols: Map<string, string>} {
  const protocols = new Map<string, string>()
  const ports: string[] = []
  if (obj.kind === 'Service') {
    for (const p of ((obj.spec as {ports?: {port: number; protocol?: string}[]})?.ports ?? [])) {
      ports.push(String(p.port))
      protocols.set(String(p.port), p.protocol ?? 'TCP')
    }
    return {ports, protocols}
  }
  for (const c of containersOf(obj)) {
    for (const p of c.ports ?? []) {
      ports.push(String(p.containerPort))
      protocols.set(String(p.containerPort), p.protocol ?? 'TCP')
    }
  }
  return {ports, protocols}
}

/** The Service kubectl expose sends for `obj`. */
export function exposedService(obj: KObject, namespace: string, o: Partial<ExposeFlags>): KObject {
  let selector = o.selector
  if (!selector) {
    try {
      selector = selectorOf(obj)
    } catch (error) {
      throw new CliError(`couldn't retrieve selectors via --selector flag or introspection: ${(error as Error).message}`, true)
    }
  }
  const introspected = portsOf(obj)
  const portTexts = o.port ? [o.port] : introspected.ports
  if (portTexts.length === 0 && o['cluster-ip'] !== 'None') throw new CliError("couldn't find port via --port flag or introspection", true)
  // createService's checks start here
  if (!selector) throw new CliError('selector must be specified')
  const target = o['target-port']
  const ports = portTexts.map((text, i) => {
    if (!/^\d+$/.test(text)) throw new CliError(`strconv.Atoi: parsing ${JSON.stringify(text)}: invalid syntax`)
    const port = Number(text)
    const targetPort = target === undefined || target === '' ? port : /^\d+$/.test(target) ? Number(target) : target
    return {...(portTexts.length > 1 ? {name: `port-${i + 1}`} : {}), port, protocol: o.protocol || introspected.protocols.get(text) || 'TCP', targetPort}
  })
  const labels = o.labels ? parseLabels(o.labels) : {...obj.metadata.labels}
  // only the name taken from the object is cut to a DNS-1035 label's 63 characters; --name goes as given
  const name = o.name || (obj.metadata.name ?? '').slice(0, 63)
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: {name, namespace, ...(Object.keys(labels).length > 0 ? {labels} : {})},
    spec: {
      ports,
      selector: parseLabels(selector),
      ...(o.type ? {type: o.type} : {}),
      ...(o['cluster-ip'] ? {clusterIP: o['cluster-ip']} : {}),
      ...(o['external-ip'] ? {externalIPs: o['external-ip'].split(',')} : {}),
      ...(o['load-balancer-ip'] ? {loadBalancerIP: o['load-balancer-ip']} : {}),
      ...(o['session-affinity'] ? {sessionAffinity: o['session-affinity']} : {}),
    },
    status: {loadBalancer: {}},
  }
}

/**
 * Exposes each object the arguments or -f files name: creates its Service (not for --dry-run=client) and prints
 * `service/NAME exposed`. A missing object stops the command before anything is exposed.
 */
export async function runExpose(api: Api, target: Target, args: string[], flags: ExposeFlags, sinks: Sinks): Promise<void> {
  const files = flags.filename ?? []
  if (files.length > 0 && args.length > 0) throw new CliError('when paths, URLs, or stdin is provided as input, you may not specify resource arguments as well')
  // objects named in files are exposed as the files give them (kubectl's builder has no Latest() here)
  const found = files.length > 0
    ? await loadResources(api, {namespace: target.namespace, files, recursive: flags.recursive})
    : resourcesFromArgs(api, {namespace: target.namespace, args, missing: new CliError(MISSING_RESOURCE, true), latest: true})
  if (found.errors.length > 0) throw found.errors[0]
  for (const {rt, object} of found.infos) {
    checkExposable(rt)
    const svc = exposedService(object!, target.namespace, flags)
    let result = svc
    if (flags['dry-run'] !== 'client') {
      const r = api.create(svc, {dryRun: flags['dry-run'] === 'server'})
      for (const w of r.warnings) sinks.err(`Warning: ${w}`)
      result = r.object
    }
    sinks.out(printerFor(flags.output, {operation: 'exposed', dryRun: flags['dry-run'], ...printOptionsOf(flags)}).print(result, {kind: 'service'}))
  }
}
