// Matching a pod's node requirements and tolerations against a node, as component-helpers
// (nodeaffinity.RequiredNodeAffinity, corev1.TolerationsTolerateTaint) does for the scheduler.
import type {Node, NodeSelectorRequirement, NodeSelectorTerm, Pod, Taint, Toleration} from 'kubernetes-types/core/v1.js'

import {parseInt64} from '../../machinery/label-selector.js'

function requirementMatches(r: NodeSelectorRequirement, value: string | undefined): boolean {
  const values = r.values ?? []
  switch (r.operator) {
    case 'In':
      return value !== undefined && values.includes(value)
    case 'NotIn':
      return value === undefined || !values.includes(value)
    case 'Exists':
      return value !== undefined
    case 'DoesNotExist':
      return value === undefined
    case 'Gt':
    case 'Lt': {
      if (value === undefined || values.length !== 1) return false
      const have = parseInt64(value)
      const want = parseInt64(values[0])
      if (have === undefined || want === undefined) return false
      return r.operator === 'Gt' ? have > want : have < want
    }
    default:
      return false
  }
}

/** One term: every expression and field requirement holds; an empty term matches nothing. */
export function termMatches(term: NodeSelectorTerm, node: Node): boolean {
  const exprs = term.matchExpressions ?? []
  const fields = term.matchFields ?? []
  if (exprs.length === 0 && fields.length === 0) return false
  const labels = (node.metadata?.labels ?? {}) as Record<string, string>
  const has = (k: string): string | undefined => (Object.prototype.hasOwnProperty.call(labels, k) ? labels[k] : undefined)
  if (!exprs.every((r) => requirementMatches(r, has(r.key)))) return false
  // the only field a node selector may name
  return fields.every((r) => r.key === 'metadata.name' && requirementMatches(r, node.metadata?.name))
}

/** nodeSelector and requiredDuringSchedulingIgnoredDuringExecution (terms ORed) both hold. */
export function matchesNodeRequirements(pod: Pod, node: Node): boolean {
  const labels = (node.metadata?.labels ?? {}) as Record<string, string>
  for (const [k, v] of Object.entries(pod.spec?.nodeSelector ?? {})) {
    if (!Object.prototype.hasOwnProperty.call(labels, k) || labels[k] !== v) return false
  }
  const required = pod.spec?.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution
  if (!required) return true
  return (required.nodeSelectorTerms ?? []).some((t) => termMatches(t, node))
}

/** Toleration.ToleratesTaint. */
export function toleratesTaint(t: Toleration, taint: Taint): boolean {
  if (t.effect && t.effect !== taint.effect) return false
  if (t.key && t.key !== taint.key) return false
  const op = t.operator || 'Equal'
  if (op === 'Exists') return true
  return op === 'Equal' && (t.value ?? '') === (taint.value ?? '')
}

/** The first NoSchedule/NoExecute taint of the node the pod does not tolerate. */
export function untoleratedTaint(pod: Pod, node: Node): Taint | undefined {
  const tolerations = pod.spec?.tolerations ?? []
  return (node.spec?.taints ?? []).find((taint) => (taint.effect === 'NoSchedule' || taint.effect === 'NoExecute') && !tolerations.some((t) => toleratesTaint(t, taint)))
}

/** The taint a cordoned node is treated as having (NodeUnschedulable plugin). */
export const UNSCHEDULABLE_TAINT: Taint = {key: 'node.kubernetes.io/unschedulable', effect: 'NoSchedule'}
