// `rollout status | history | undo` for StatefulSets and DaemonSets (kubectl polymorphichelpers:
// StatefulSetStatusViewer, DaemonSetStatusViewer, the ControllerRevision history viewers and
// rollbackers): status lines from the set's status, history from the ControllerRevisions it controls,
// and a roll back that writes a former revision's template back into the set.
import type {Api} from '../../api/server.js'
import type {KObject} from '../../api/types.js'
import type {TemplateLike} from '../../api/deployment-revisions.js'

import {isStatusError} from '../../api/errors.js'
import {lookupKind} from '../../api/registry.js'
import {semanticEqual} from '../../api/validation/pod-update.js'
import {CliError} from '../errors.js'

/** The kinds whose history lives in ControllerRevisions. */
export const REVISION_KINDS = new Set(['StatefulSet', 'DaemonSet'])

const CHANGE_CAUSE = 'kubernetes.io/change-cause'

/** StatefulSetStatusViewer / DaemonSetStatusViewer.Status. */
export function appsRolloutStatus(obj: KObject): {text: string; done: boolean} {
  const name = obj.metadata.name
  const spec = (obj.spec ?? {}) as {replicas?: number; updateStrategy?: {type?: string; rollingUpdate?: {partition?: number}}}
  const st = (obj.status ?? {}) as Record<string, number | string | undefined>
  const n = (k: string): number => Number(st[k] ?? 0)
  if (spec.updateStrategy?.type !== 'RollingUpdate') throw new CliError('rollout status is only available for RollingUpdate strategy type')
  const generation = obj.metadata.generation ?? 0
  if (obj.kind === 'DaemonSet') {
    if (generation > n('observedGeneration')) return {text: 'Waiting for daemon set spec update to be observed...\n', done: false}
    const desired = n('desiredNumberScheduled')
    if (n('updatedNumberScheduled') < desired) return {text: `Waiting for daemon set "${name}" rollout to finish: ${n('updatedNumberScheduled')} out of ${desired} new pods have been updated...\n`, done: false}
    if (n('numberAvailable') < desired) return {text: `Waiting for daemon set "${name}" rollout to finish: ${n('numberAvailable')} of ${desired} updated pods are available...\n`, done: false}
    return {text: `daemon set "${name}" successfully rolled out\n`, done: true}
  }
  if (n('observedGeneration') === 0 || generation > n('observedGeneration')) return {text: 'Waiting for statefulset spec update to be observed...\n', done: false}
  const replicas = spec.replicas
  if (replicas !== undefined && n('readyReplicas') < replicas) return {text: `Waiting for ${replicas - n('readyReplicas')} pods to be ready...\n`, done: false}
  const ru = spec.updateStrategy.rollingUpdate
  if (ru) {
    if (replicas !== undefined && ru.partition !== undefined && n('updatedReplicas') < replicas - ru.partition) {
      return {text: `Waiting for partitioned roll out to finish: ${n('updatedReplicas')} out of ${replicas - ru.partition} new pods have been updated...\n`, done: false}
    }
    return {text: `partitioned roll out complete: ${n('updatedReplicas')} new pods have been updated...\n`, done: true}
  }
  if (st.updateRevision !== st.currentRevision) return {text: `waiting for statefulset rolling update to complete ${n('updatedReplicas')} pods at revision ${st.updateRevision ?? ''}...\n`, done: false}
  return {text: `statefulset rolling update complete ${n('currentReplicas')} pods at revision ${st.currentRevision ?? ''}...\n`, done: true}
}

/** controlledHistories: the revisions the set controls, by revision number. */
function historyOf(api: Api, set: KObject): KObject[] {
  const rt = lookupKind('apps/v1', 'ControllerRevision')!
  return api
    .list(rt, set.metadata.namespace)
    .items.filter((r) => (r.metadata.ownerReferences ?? []).some((o) => o.controller && o.uid === set.metadata.uid))
    .sort((a, b) => Number(a.revision ?? 0) - Number(b.revision ?? 0))
}

/** The template a revision restores (applyHistory). */
export function revisionTemplateOf(rev: KObject): TemplateLike {
  const t = {...(((rev.data ?? {}) as {spec?: {template?: Record<string, unknown>}}).spec?.template ?? {})}
  delete t.$patch
  return t as TemplateLike
}

/** The history viewers: the revision table, or (revision > 0) one revision's template. */
export function appsHistory(api: Api, set: KObject, revision: number, printTemplate: (t: TemplateLike) => string): string {
  const byNumber = new Map<number, KObject>()
  for (const rev of historyOf(api, set)) byNumber.set(Number(rev.revision ?? 0), rev)
  if (byNumber.size === 0) return 'No rollout history found.'
  if (revision > 0) {
    const rev = byNumber.get(revision)
    if (!rev) throw new CliError('unable to find the specified revision')
    return printTemplate(revisionTemplateOf(rev))
  }
  const rows = [...byNumber.keys()].sort((a, b) => a - b).map((r) => [String(r), byNumber.get(r)!.metadata.annotations?.[CHANGE_CAUSE] || '<none>'])
  const width = Math.max('REVISION'.length, ...rows.map(([r]) => r.length)) + 2
  return [['REVISION', 'CHANGE-CAUSE'], ...rows].map(([r, c]) => `${r.padEnd(width)}${c}\n`).join('')
}

/** StatefulSetRollbacker / DaemonSetRollbacker.Rollback: the operation printed after the name. */
export function appsRollback(api: Api, set: KObject, toRevision: number, dryRun: 'none' | 'client' | 'server', printTemplate: (t: TemplateLike) => string): string {
  if (toRevision < 0) throw new CliError(`unable to find specified revision ${toRevision} in history`)
  const rt = api.typeOf(set)
  const current = api.get(rt, set.metadata.namespace ?? '', set.metadata.name!)
  const history = historyOf(api, current)
  if (toRevision === 0 && history.length <= 1) throw new CliError('no last revision to roll back to')
  const target = toRevision === 0 ? history[history.length - 2] : history.find((r) => Number(r.revision ?? 0) === toRevision)
  if (!target) throw new CliError(`unable to find specified revision ${toRevision} in history`)
  const template = revisionTemplateOf(target)
  if (dryRun === 'client') return printTemplate(template)
  if (semanticEqual(template, (current.spec as {template?: unknown}).template ?? {})) return `skipped rollback (current template already matches revision ${toRevision})`
  try {
    api.modify(rt, current.metadata.namespace ?? '', current.metadata.name!, (o) => void ((o.spec as {template?: unknown}).template = template), {dryRun: dryRun === 'server'})
  } catch (error) {
    if (!isStatusError(error)) throw error
    throw new CliError(`failed restoring revision ${toRevision}: ${error.message}`)
  }
  return 'rolled back'
}
