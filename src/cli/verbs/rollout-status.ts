// `rollout status` (polymorphichelpers DeploymentStatusViewer): the line kubectl prints for a
// Deployment's state, and the loop that re-reads it until the rollout is done or time runs out.
import type {Api} from '../../api/server.js'
import type {KObject} from '../../api/types.js'

import {lookupKind} from '../../api/registry.js'
import {CliError} from '../errors.js'
import {waitUntil} from '../resource/wait.js'

interface DeploymentView {
  spec?: {replicas?: number}
  status?: {observedGeneration?: number; replicas?: number; updatedReplicas?: number; availableReplicas?: number; conditions?: {type: string; reason?: string}[]}
}

/** DeploymentStatusViewer.Status: the text to print, and whether the rollout is done. */
export function deploymentRolloutStatus(obj: KObject): {text: string; done: boolean} {
  const d = obj as unknown as DeploymentView
  const name = obj.metadata.name
  const st = d.status ?? {}
  if ((obj.metadata.generation ?? 0) > (st.observedGeneration ?? 0)) return {text: 'Waiting for deployment spec update to be observed...\n', done: false}
  const progressing = (st.conditions ?? []).find((c) => c.type === 'Progressing')
  if (progressing?.reason === 'ProgressDeadlineExceeded') throw new CliError(`deployment "${name}" exceeded its progress deadline`)
  const replicas = d.spec?.replicas ?? 1
  const updated = st.updatedReplicas ?? 0
  if (updated < replicas) return {text: `Waiting for deployment "${name}" rollout to finish: ${updated} out of ${replicas} new replicas have been updated...\n`, done: false}
  if ((st.replicas ?? 0) > updated) return {text: `Waiting for deployment "${name}" rollout to finish: ${(st.replicas ?? 0) - updated} old replicas are pending termination...\n`, done: false}
  if ((st.availableReplicas ?? 0) < updated) return {text: `Waiting for deployment "${name}" rollout to finish: ${st.availableReplicas ?? 0} of ${updated} updated replicas are available...\n`, done: false}
  return {text: `deployment "${name}" successfully rolled out\n`, done: true}
}

/** How `rollout status` was asked to run. */
export interface RolloutStatusRun {
  namespace: string
  name: string
  watch: boolean
  /** 0 = no limit */
  timeoutMs: number
  out(text: string): void
}

/** Prints each new status line until done; throws kubectl's errors (not found, deadline, timeout). */
export async function runRolloutStatus(api: Api, run: RolloutStatusRun): Promise<void> {
  const rt = lookupKind('apps/v1', 'Deployment')!
  let last = ''
  const done = (): boolean => {
    const {text, done} = deploymentRolloutStatus(api.get(rt, run.namespace, run.name))
    if (text !== last) run.out(text)
    last = text
    return done || !run.watch
  }
  const left = await waitUntil(api, [run.name], done, {timeoutMs: run.timeoutMs > 0 ? run.timeoutMs : Infinity, kinds: [rt.kind]})
  if (left.length > 0) throw new CliError('timed out waiting for the condition')
}
