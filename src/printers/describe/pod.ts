// describe pod (describePod): the header fields, containers, conditions, volumes, scheduling
// constraints and events, in kubectl's order and alignment.
import type {KObject, Pod} from '../../api/types.js'

import {rfc1123z, since} from '../timestamps.js'
import {describeResources, printAnnotationsMultiline, printLabelsMultiline, printTolerationsMultiline} from './common.js'
import {describeContainers} from './containers.js'
import {endWithEvents} from './events.js'
import {LEVEL_0, LEVEL_1, PrefixWriter} from './prefix-writer.js'
import {podQOS} from './qos.js'
import {describeVolumes} from './volumes.js'

/** What a describer gets besides the object. */
export interface DescribeContext {
  now: Date
  /** events about the object, in any order */
  events: KObject[]
  /** false for --show-events=false: no Events section at all */
  showEvents?: boolean
  /** describe node: the node's pods (terminal ones are left out here) */
  pods?: KObject[]
  /** describe node: its Lease in kube-node-lease, if any */
  lease?: KObject
  /** describe serviceaccount: the secrets of its namespace */
  secrets?: KObject[]
}

type Constraint = NonNullable<NonNullable<Pod['spec']>['topologySpreadConstraints']>[number]

// metav1.FormatLabelSelector: requirements sorted by key, `<none>` when empty
function formatSelector(sel: Constraint['labelSelector']): string {
  if (!sel) return '<none>'
  const reqs: [string, string][] = Object.entries(sel.matchLabels ?? {}).map(([k, v]) => [k, `${k}=${v}`])
  for (const e of sel.matchExpressions ?? []) {
    const values = [...(e.values ?? [])].sort().join(',')
    const text = e.operator === 'In' ? `${e.key} in (${values})` : e.operator === 'NotIn' ? `${e.key} notin (${values})`
      : e.operator === 'DoesNotExist' ? `!${e.key}` : e.key
    reqs.push([e.key, text])
  }
  reqs.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
  return reqs.length === 0 ? '<none>' : reqs.map((r) => r[1]).join(',')
}

function describeTopologySpread(tscs: Constraint[], w: PrefixWriter): void {
  if (tscs.length === 0) return
  const sorted = [...tscs].sort((a, b) => (a.topologyKey < b.topologyKey ? -1 : a.topologyKey > b.topologyKey ? 1 : 0))
  w.write(LEVEL_0, 'Topology Spread Constraints:\t')
  sorted.forEach((t, i) => {
    if (i !== 0) w.write(LEVEL_0, '\t')
    const sel = t.labelSelector ? ` for selector ${formatSelector(t.labelSelector)}` : ''
    w.write(LEVEL_0, `${t.topologyKey}:${t.whenUnsatisfiable} when max skew ${t.maxSkew} is exceeded${sel}\n`)
  })
}

/** kubectl describe pod. */
export function describePod(obj: KObject, ctx: DescribeContext): string {
  const pod = obj as Pod
  const meta = pod.metadata ?? {}
  const spec = pod.spec ?? {containers: []}
  const status = pod.status ?? {}
  const w = new PrefixWriter()
  w.write(LEVEL_0, `Name:\t${meta.name ?? ''}\n`)
  w.write(LEVEL_0, `Namespace:\t${meta.namespace ?? ''}\n`)
  if (spec.priority !== undefined && spec.priority !== null) w.write(LEVEL_0, `Priority:\t${spec.priority}\n`)
  if (spec.priorityClassName) w.write(LEVEL_0, `Priority Class Name:\t${spec.priorityClassName}\n`)
  if (spec.runtimeClassName) w.write(LEVEL_0, `Runtime Class Name:\t${spec.runtimeClassName}\n`)
  if (spec.serviceAccountName) w.write(LEVEL_0, `Service Account:\t${spec.serviceAccountName}\n`)
  w.write(LEVEL_0, spec.nodeName ? `Node:\t${spec.nodeName}/${status.hostIP ?? ''}\n` : 'Node:\t<none>\n')
  if (status.startTime) w.write(LEVEL_0, `Start Time:\t${rfc1123z(status.startTime)}\n`)
  printLabelsMultiline(w, 'Labels', meta.labels)
  printAnnotationsMultiline(w, 'Annotations', meta.annotations)
  if (meta.deletionTimestamp && status.phase !== 'Failed' && status.phase !== 'Succeeded') {
    w.write(LEVEL_0, `Status:\tTerminating (lasts ${since(meta.deletionTimestamp, ctx.now)})\n`)
    w.write(LEVEL_0, `Termination Grace Period:\t${meta.deletionGracePeriodSeconds ?? 0}s\n`)
  } else {
    w.write(LEVEL_0, `Status:\t${status.phase ?? ''}\n`)
  }
  if (status.reason) w.write(LEVEL_0, `Reason:\t${status.reason}\n`)
  if (status.message) w.write(LEVEL_0, `Message:\t${status.message}\n`)
  const seccomp = spec.securityContext?.seccompProfile
  if (seccomp) {
    w.write(LEVEL_0, `SeccompProfile:\t${seccomp.type}\n`)
    if (seccomp.type === 'Localhost') w.write(LEVEL_0, `LocalhostProfile:\t${seccomp.localhostProfile ?? ''}\n`)
  }
  w.write(LEVEL_0, `IP:\t${status.podIP ?? ''}\n`)
  const ips = status.podIPs ?? []
  if (ips.length === 0) w.write(LEVEL_0, 'IPs:\t<none>\n')
  else {
    w.write(LEVEL_0, 'IPs:\n')
    for (const ip of ips) w.write(LEVEL_1, `IP:\t${ip.ip}\n`)
  }
  const controller = (meta.ownerReferences ?? []).find((r) => r.controller === true)
  if (controller) w.write(LEVEL_0, `Controlled By:\t${controller.kind}/${controller.name}\n`)
  if (status.nominatedNodeName) w.write(LEVEL_0, `NominatedNodeName:\t${status.nominatedNodeName}\n`)
  const podResources = (spec as {resources?: Parameters<typeof describeResources>[0]}).resources
  if (podResources) {
    w.write(LEVEL_0, 'Resources:\n')
    describeResources(podResources, w, LEVEL_1)
  }
  if ((spec.initContainers ?? []).length > 0) describeContainers('Init Containers', spec.initContainers!, status.initContainerStatuses ?? [], pod, w)
  describeContainers('Containers', spec.containers ?? [], status.containerStatuses ?? [], pod, w)
  if ((spec.ephemeralContainers ?? []).length > 0) {
    describeContainers('Ephemeral Containers', spec.ephemeralContainers as never, status.ephemeralContainerStatuses ?? [], pod, w)
  }
  const conditions = status.conditions ?? []
  if ((spec.readinessGates ?? []).length > 0) {
    w.write(LEVEL_0, 'Readiness Gates:\n  Type\tStatus\n')
    for (const g of spec.readinessGates!) {
      w.write(LEVEL_1, `${g.conditionType} \t${conditions.find((c) => c.type === g.conditionType)?.status ?? '<none>'} \n`)
    }
  }
  if (conditions.length > 0) {
    w.write(LEVEL_0, 'Conditions:\n  Type\tStatus\n')
    for (const c of conditions) w.write(LEVEL_1, `${c.type} \t${c.status} \n`)
  }
  describeVolumes(spec.volumes, w)
  w.write(LEVEL_0, `QoS Class:\t${podQOS(pod)}\n`)
  printLabelsMultiline(w, 'Node-Selectors', spec.nodeSelector)
  printTolerationsMultiline(w, 'Tolerations', spec.tolerations)
  describeTopologySpread(spec.topologySpreadConstraints ?? [], w)
  return endWithEvents(w, ctx)
}
