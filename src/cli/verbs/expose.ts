// `expose TYPE NAME`: a Service for a pod, ReplicationController, Deployment, ReplicaSet or Service, as
// kubectl expose builds it — selector, ports and protocols read from the object unless given, labels
// copied from it, ports named port-1… when several — with kubectl's errors.
import type {Api} from '../../api/server.js'
import type {KObject} from '../../api/types.js'
import type {ResourceType} from '../../api/registry.js'

import {CliError} from '../errors.js'
import {printerFor} from '../print/print-flags.js'
import {parseLabels} from './create-node.js'

/** kubectl expose's flags. */
export interface ExposeOptions {
  port?: string
  protocol?: string
  targetPort?: string
  name?: string
  type?: string
  selector?: string
  labels?: string
  clusterIP?: string
  externalIP?: string
  loadBalancerIP?: string
  sessionAffinity?: string
}

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
    case 'ReplicationController':
      if (!spec.selector) throw new Error(obj.kind === 'Service' ? 'the service has no pod selector set' : 'the replication controller has no selector set')
      return mapString(spec.selector as Record<string, string>)
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
export function exposedService(obj: KObject, namespace: string, o: ExposeOptions): KObject {
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
  if (portTexts.length === 0 && o.clusterIP !== 'None') throw new CliError("couldn't find port via --port flag or introspection", true)
  const target = o.targetPort
  const ports = portTexts.map((text, i) => {
    if (!/^\d+$/.test(text)) throw new CliError(`strconv.Atoi: parsing ${JSON.stringify(text)}: invalid syntax`)
    const port = Number(text)
    const targetPort = target === undefined || target === '' ? port : /^\d+$/.test(target) ? Number(target) : target
    return {...(portTexts.length > 1 ? {name: `port-${i + 1}`} : {}), port, protocol: o.protocol || introspected.protocols.get(text) || 'TCP', targetPort}
  })
  const labels = o.labels ? parseLabels(o.labels) : {...obj.metadata.labels}
  const name = (o.name || obj.metadata.name || '').slice(0, 63)
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: {name, namespace, ...(Object.keys(labels).length > 0 ? {labels} : {})},
    spec: {
      ports,
      selector: parseLabels(selector),
      ...(o.type ? {type: o.type} : {}),
      ...(o.clusterIP ? {clusterIP: o.clusterIP} : {}),
      ...(o.externalIP ? {externalIPs: o.externalIP.split(',')} : {}),
      ...(o.loadBalancerIP ? {loadBalancerIP: o.loadBalancerIP} : {}),
      ...(o.sessionAffinity ? {sessionAffinity: o.sessionAffinity} : {}),
    },
    status: {loadBalancer: {}},
  }
}

/** Creates the Service for `obj` (not for --dry-run=client) and prints `service/NAME exposed`. */
export function runExpose(api: Api, rt: ResourceType, obj: KObject, namespace: string, o: ExposeOptions, run: {dryRun: 'none' | 'client' | 'server'; output?: string; out(t: string): void; err(l: string): void}): void {
  checkExposable(rt)
  const svc = exposedService(obj, namespace, o)
  let result = svc
  if (run.dryRun !== 'client') {
    const r = api.create(svc, {dryRun: run.dryRun === 'server'})
    for (const w of r.warnings) run.err(`Warning: ${w}`)
    result = r.object
  }
  run.out(printerFor(run.output, {operation: 'exposed', dryRun: run.dryRun}).print(result, {kind: 'service'}))
}
