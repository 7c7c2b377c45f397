// `rollout status` (polymorphichelpers DeploymentStatusViewer): the line kubectl prints for a
// Deployment's state, and the loop that re-reads it until the rollout is done or time runs out.
import {Flags, type Interfaces} from '@oclif/core'

import type {Api} from '../../api/server.js'
import type {KObject, ObjectOf} from '../../api/types.js'
import type {Target} from '../../cluster/clusters.js'

import {lookupKind} from '../../api/registry.js'
import {CliError} from '../errors.js'
import {parseDuration} from '../duration-flag.js'
import {parseResourceArgs} from '../resource/args.js'
import {waitUntil} from '../resource/wait.js'
import type {WaitSinks} from './sinks.js'
import {appsRolloutStatus, REVISION_KINDS} from './rollout-apps.js'

/** DeploymentStatusViewer.Status: the text to print, and whether the rollout is done. */
export function deploymentRolloutStatus(obj: KObject): {text: string; done: boolean} {
  const d = obj as ObjectOf<'Deployment'>
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

export const rolloutStatusFlags = {
  timeout: Flags.string({description: 'The length of time to wait before ending watch, zero means never. Any other values should contain a corresponding time unit (e.g. 1s, 2m, 3h).', default: '0s'}),
  watch: Flags.boolean({char: 'w', description: 'Watch the status of the rollout until it\'s done.', default: true, allowNo: true}),
}

/** `rollout status`'s flags, as parsed. */
export type RolloutStatusFlags = Interfaces.InferredFlags<typeof rolloutStatusFlags>

/** kubectl's Complete: --timeout in ms (0: no limit). */
export function completeRolloutStatus(flags: RolloutStatusFlags): number {
  return parseDuration(flags.timeout, 'timeout')
}

/** kubectl's Validate and builder: the one Deployment the arguments name, read (a missing one is the API's NotFound); its name. */
function deploymentNamed(api: Api, target: Target, args: string[]): {name: string; kind: string} {
  const {requests} = parseResourceArgs(args)
  if (requests.length === 0) throw new CliError('required resource not specified', true)
  const [req] = requests
  if (requests.length > 1 || req.names.length !== 1) throw new CliError('rollout status is only supported on individual resources and resource collections are not supported yet')
  if (req.rt.kind !== 'Deployment' && !REVISION_KINDS.has(req.rt.kind)) throw new CliError(`no status viewer has been implemented for ${req.rt.kind}${req.rt.group ? `.${req.rt.group}` : ''}`)
  api.get(req.rt, target.namespace, req.names[0])
  return {name: req.names[0], kind: req.rt.kind}
}

/** Prints each new status line until done; throws kubectl's errors (not found, deadline, timeout). */
export async function runRolloutStatus(api: Api, target: Target, args: string[], flags: RolloutStatusFlags, timeoutMs: number, sinks: WaitSinks): Promise<void> {
  const {name, kind} = deploymentNamed(api, target, args)
  const rt = lookupKind('apps/v1', kind)!
  const viewer = kind === 'Deployment' ? deploymentRolloutStatus : appsRolloutStatus
  // a set whose strategy has no status viewer (OnDelete) fails before any wait
  if (kind !== 'Deployment') viewer(api.get(rt, target.namespace, name))
  if (flags.watch) await sinks.beforeWait?.()
  let last = ''
  const done = (): boolean => {
    const {text, done} = viewer(api.get(rt, target.namespace, name))
    if (text !== last) sinks.out(text)
    last = text
    return done || !flags.watch
  }
  const left = await waitUntil(api, [name], done, {timeoutMs: timeoutMs > 0 ? timeoutMs : Infinity, kinds: [rt.kind]})
  if (left.length > 0) throw new CliError('timed out waiting for the condition')
}
