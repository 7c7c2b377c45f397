// The FailedScheduling message (framework.FitError.Error()): `0/<N> nodes are available: ` then the
// per-node reasons counted, rendered `<count> <reason>`, sorted as strings and joined with `, `, then
// `.`; followed by DefaultPreemption's PostFilter message when it found no way to preempt
// (`preemption: 0/<N> nodes are available: <N> Preemption is not helpful for scheduling.`). When it
// found one, the PostFilter succeeds and adds nothing.
import type {Pod} from 'kubernetes-types/core/v1.js'
import type {CycleState, Snapshot} from './cycle-state.js'
import type {FilterFailure} from './filters.js'
import type {PodDisruptionBudgetLike} from './pdb.js'

import {fitErrorMessage, preempt, type Candidate} from './preemption.js'

export {fitErrorMessage} from './preemption.js'

/** ErrNoNodesAvailable */
export const NO_NODES_MESSAGE = 'no nodes available to schedule pods'

/** The message the event and the PodScheduled condition carry, and the preemption to carry out, if any. */
export function failedScheduling(pod: Pod, snap: Snapshot, cycle: CycleState, failures: Map<string, FilterFailure>, pdbs: PodDisruptionBudgetLike[], nowMs: number): {message: string; preemption?: Candidate} {
  const nodes = snap.nodes
  if (nodes.length === 0) return {message: NO_NODES_MESSAGE}
  const filterMsg = fitErrorMessage(nodes.length, nodes.flatMap((n) => failures.get(n.metadata?.name ?? '')?.reasons ?? []))
  const post = preempt(pod, snap, cycle, failures, pdbs, nowMs)
  if ('node' in post) return {message: filterMsg, preemption: post}
  return {message: `${filterMsg} preemption: ${post.message}`}
}
