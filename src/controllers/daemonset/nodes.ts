// Which nodes a DaemonSet runs on (daemon_controller.go NodeShouldRunDaemonPod, with the scheduler's
// node affinity and taint predicates), the tolerations every daemon pod gets (AddOrUpdateDaemonPodTolerations:
// not-ready and unreachable NoExecute without tolerationSeconds, so it is never evicted; the pressure,
// unschedulable and — with hostNetwork — network-unavailable NoSchedule taints), and the pod it creates
// for a node: template labels plus the revision hash and template generation, node affinity
// `matchFields metadata.name In [node]` in place of the template's required terms.
import type {Node, Pod, PodSpec, Toleration} from 'kubernetes-types/core/v1.js'
import type {KObject} from '../../api/types.js'

import {clone} from '../../api/meta.js'
import {TEMPLATE_GENERATION} from '../../api/kinds/daemonset.js'
import {matchesNodeRequirements, toleratesTaint} from '../scheduler/node-affinity.js'
import {controllerRefFor} from '../deployment/workload-pods.js'

export const REVISION_LABEL = 'controller-revision-hash'
export const GENERATION_LABEL = 'pod-template-generation'

type Template = {metadata?: {labels?: Record<string, string>; annotations?: Record<string, string>; finalizers?: string[]}; spec?: PodSpec}
export const templateOf = (ds: KObject): Template => ((ds.spec ?? {}) as {template?: Template}).template ?? {}

const exists = (key: string, effect: string): Toleration => ({key, operator: 'Exists', effect})

/** Toleration.MatchToleration: same key, operator, value and effect. */
const sameToleration = (a: Toleration, b: Toleration): boolean =>
  (a.key ?? '') === (b.key ?? '') && (a.operator || 'Equal') === (b.operator || 'Equal') && (a.value ?? '') === (b.value ?? '') && (a.effect ?? '') === (b.effect ?? '')

/** AddOrUpdateDaemonPodTolerations, in place. */
export function addDaemonTolerations(spec: PodSpec): void {
  const wanted = [
    exists('node.kubernetes.io/not-ready', 'NoExecute'),
    exists('node.kubernetes.io/unreachable', 'NoExecute'),
    exists('node.kubernetes.io/disk-pressure', 'NoSchedule'),
    exists('node.kubernetes.io/memory-pressure', 'NoSchedule'),
    exists('node.kubernetes.io/pid-pressure', 'NoSchedule'),
    exists('node.kubernetes.io/unschedulable', 'NoSchedule'),
  ]
  if (spec.hostNetwork) wanted.push(exists('node.kubernetes.io/network-unavailable', 'NoSchedule'))
  const list: Toleration[] = [...(spec.tolerations ?? [])]
  for (const t of wanted) {
    const i = list.findIndex((x) => sameToleration(x, t))
    if (i >= 0) list[i] = t
    else list.push(t)
  }
  ;(spec as {tolerations?: Toleration[]}).tolerations = list
}

/** Whether a DaemonSet should run a pod on a node now, and whether a pod already there may stay. */
export function nodeShouldRunDaemonPod(ds: KObject, node: Node): {shouldRun: boolean; shouldContinueRunning: boolean} {
  const spec = clone(templateOf(ds).spec ?? ({containers: []} as PodSpec))
  if (spec.nodeName && spec.nodeName !== node.metadata?.name) return {shouldRun: false, shouldContinueRunning: false}
  addDaemonTolerations(spec)
  const pod = {spec} as Pod
  if (!matchesNodeRequirements(pod, node)) return {shouldRun: false, shouldContinueRunning: false}
  const untolerated = (effects: string[]): boolean =>
    (node.spec?.taints ?? []).some((taint) => effects.includes(taint.effect) && !(spec.tolerations ?? []).some((t) => toleratesTaint(t, taint)))
  if (untolerated(['NoSchedule', 'NoExecute'])) return {shouldRun: false, shouldContinueRunning: !untolerated(['NoExecute'])}
  return {shouldRun: true, shouldContinueRunning: true}
}

/** The template generation the DaemonSet's annotation holds. */
export const templateGeneration = (ds: KObject): string | undefined => ds.metadata.annotations?.[TEMPLATE_GENERATION]

/** The node a daemon pod is for: its nodeName, else its node affinity's `metadata.name` field. */
export function targetNode(pod: KObject): string | undefined {
  const spec = (pod.spec ?? {}) as PodSpec
  if (spec.nodeName) return spec.nodeName
  for (const term of spec.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution?.nodeSelectorTerms ?? []) {
    const f = (term.matchFields ?? []).find((r) => r.key === 'metadata.name' && r.operator === 'In' && r.values?.length === 1)
    if (f) return f.values![0]
  }
  return undefined
}

/** The pod the DaemonSet creates for a node (CreatePodTemplate plus the node-name affinity). */
export function newDaemonPod(ds: KObject, node: string, hash: string): KObject {
  const template = templateOf(ds)
  const spec = clone(template.spec ?? ({containers: []} as PodSpec)) as PodSpec & {affinity?: PodSpec['affinity']}
  addDaemonTolerations(spec)
  const term = {matchFields: [{key: 'metadata.name', operator: 'In', values: [node]}]}
  const affinity = {...spec.affinity}
  const nodeAffinity = {...affinity.nodeAffinity}
  nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution = {nodeSelectorTerms: [term]}
  ;(spec as {affinity?: unknown}).affinity = {...affinity, nodeAffinity}
  const labels: Record<string, string> = {...template.metadata?.labels}
  const generation = templateGeneration(ds)
  if (generation !== undefined) labels[GENERATION_LABEL] = generation
  labels[REVISION_LABEL] = hash
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      generateName: `${ds.metadata.name}-`,
      namespace: ds.metadata.namespace,
      labels,
      ...(template.metadata?.annotations ? {annotations: clone(template.metadata.annotations)} : {}),
      ...(template.metadata?.finalizers ? {finalizers: [...template.metadata.finalizers]} : {}),
      ownerReferences: [controllerRefFor(ds)],
    },
    spec,
  }
}
