// Facts about Deployment revisions that both the Deployment controller and kubectl's rollout commands
// use (deployment/util): where a ReplicaSet keeps its revision, the pod-template-hash label, and
// templates compared without that label (EqualIgnoreHash).
import type {KObject} from './types.js'

import {sortKeysDeep} from '../machinery/sort-keys.js'

/** The annotation holding a Deployment's (and each of its ReplicaSets') revision number. */
export const REVISION = 'deployment.kubernetes.io/revision'
/** The label the controller adds to each ReplicaSet's selector and template. */
export const HASH_LABEL = 'pod-template-hash'

/** A pod template's metadata as the revision code reads it. */
export interface TemplateLike {
  metadata?: {labels?: Record<string, string>; annotations?: Record<string, string>}
  spec?: unknown
}

/** The template without the pod-template-hash label, as a comparable string (EqualIgnoreHash). */
export function templateWithoutHash(template: TemplateLike | undefined): string {
  const t = sortKeysDeep(template ?? {}) as TemplateLike
  const labels = {...(t.metadata?.labels ?? {})}
  delete labels[HASH_LABEL]
  const metadata = {...t.metadata, labels}
  if (Object.keys(labels).length === 0) delete (metadata as {labels?: unknown}).labels
  return JSON.stringify(sortKeysDeep({...t, metadata}))
}

/** deploymentutil.Revision: the revision annotation as a number (0 when missing), undefined when not a number. */
export function revisionNumber(obj: KObject): number | undefined {
  const text = obj.metadata.annotations?.[REVISION]
  if (text === undefined) return 0
  return /^[-+]?\d+$/.test(text) ? Number(text) : undefined
}
