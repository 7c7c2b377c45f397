// The Eviction API (POST pods/<name>/eviction, the 1.35 EvictionREST handler), the one body that both
// `ksim serve` and `drain` call: a pod that is terminal, Pending or already deleting is deleted at once;
// otherwise the one PodDisruptionBudget guarding it must allow the disruption (more than one: 500), and
// then its budget is decremented and the pod recorded in status.disruptedPods in the same transaction
// as the delete. An unready pod passes without touching the budget when the budget is met (or its
// policy is AlwaysAllow). Every evicted pod gets the DisruptionTarget condition (EvictionByEvictionAPI)
// before its graceful delete.
import type {Api} from './server.js'
import type {KObject} from './types.js'

import {apiErrors, StatusError} from './errors.js'
import {podType} from './kinds/pod.js'
import {podDisruptionBudgetType} from './kinds/poddisruptionbudget.js'
import {rfc3339} from './types.js'
import {type DeleteOptions} from './delete.js'
import {disruptionAllowedConditions, type MetaCondition, type PdbView, pdbsForPod, podIsReady} from './disruption-budgets.js'

/** The API server's MaxDisruptedPodSize. */
const MAX_DISRUPTED_POD_SIZE = 2000
const VIOLATION = "Cannot evict pod as it would violate the pod's disruption budget."
export const MORE_THAN_ONE_PDB = 'This pod has more than one PodDisruptionBudget, which the eviction subresource does not support.'

const phaseOf = (pod: KObject): string => (pod.status as {phase?: string} | undefined)?.phase ?? ''
const terminal = (pod: KObject): boolean => ['Succeeded', 'Failed'].includes(phaseOf(pod))

/** canIgnorePDB: terminal, Pending or deleting pods are deleted without a look at the budgets. */
const canIgnorePdb = (pod: KObject): boolean => terminal(pod) || phaseOf(pod) === 'Pending' || Boolean(pod.metadata.deletionTimestamp)

/** createTooManyRequestsError: the budget's status is behind its spec. */
function stillProcessing(pdb: string): StatusError {
  return apiErrors.tooManyRequests(VIOLATION, 10, [{reason: 'DisruptionBudget', message: `The disruption budget ${pdb} is still being processed by the server.`}])
}

const withResourceVersion = (opts: DeleteOptions, rv: string | undefined): DeleteOptions => ({...opts, preconditions: {...opts.preconditions, resourceVersion: rv}})

/** checkAndDecrement: refuses (429, 403) or takes one disruption from the budget (written unless dry run). */
function checkAndDecrement(api: Api, pdb: PdbView, podName: string, dryRun: boolean): void {
  const name = pdb.metadata.name ?? ''
  const status = {...(pdb.status ?? {})} as NonNullable<PdbView['status']> & {conditions?: MetaCondition[]}
  if ((status.observedGeneration ?? 0) < (pdb.metadata.generation ?? 0)) throw stillProcessing(name)
  const allowed = status.disruptionsAllowed ?? 0
  if (allowed < 0) throw apiErrors.forbidden('poddisruptionbudget', 'policy', name, 'pdb disruptions allowed is negative')
  if (Object.keys(status.disruptedPods ?? {}).length > MAX_DISRUPTED_POD_SIZE) {
    throw apiErrors.forbidden('poddisruptionbudget', 'policy', name, 'DisruptedPods map too big - too many evictions not confirmed by PDB controller')
  }
  if (allowed === 0) {
    const message = `The disruption budget ${name} needs ${status.desiredHealthy ?? 0} healthy pods and has ${status.currentHealthy ?? 0} currently`
    throw apiErrors.tooManyRequests(VIOLATION, 0, [{reason: 'DisruptionBudget', message}])
  }
  if (dryRun) return
  const now = rfc3339(api.clock.now())
  status.disruptionsAllowed = allowed - 1
  if (status.disruptionsAllowed === 0) status.conditions = disruptionAllowedConditions(status.conditions, 0, status.observedGeneration, now)
  status.disruptedPods = {...status.disruptedPods, [podName]: now}
  api.updateStatus({...pdb, status})
}

/** addConditionAndDeletePod: the preconditions checked, the DisruptionTarget condition written (not on a dry run), then the delete. */
function conditionAndDelete(api: Api, pod: KObject, opts: DeleteOptions): void {
  const name = pod.metadata.name ?? ''
  const pre = opts.preconditions ?? {}
  if (pre.uid && pre.uid !== pod.metadata.uid) {
    throw apiErrors.conflict('Pod', '', name, `the UID in the precondition (${pre.uid}) does not match the UID in record (${pod.metadata.uid}). The object might have been deleted and then recreated`)
  }
  if (pre.resourceVersion && pre.resourceVersion !== pod.metadata.resourceVersion) {
    throw apiErrors.conflict('Pod', '', name, `the ResourceVersion in the precondition (${pre.resourceVersion}) does not match the ResourceVersion in record (${pod.metadata.resourceVersion}). The object might have been modified`)
  }
  let options = opts
  if (!opts.dryRun) {
    const written = api.modify(podType, pod.metadata.namespace ?? '', name, (p) => {
      const status = (p.status ?? {}) as {conditions?: Record<string, unknown>[]}
      const conditions = status.conditions ?? []
      const old = conditions.find((c) => c.type === 'DisruptionTarget')
      const condition = {type: 'DisruptionTarget', status: 'True', lastProbeTime: null, lastTransitionTime: old?.status === 'True' ? old.lastTransitionTime : rfc3339(api.clock.now()), reason: 'EvictionByEvictionAPI', message: 'Eviction API: evicting'}
      status.conditions = old ? conditions.map((c) => (c === old ? condition : c)) : [...conditions, condition]
      p.status = status
      // written as the eviction handler writes it: an UpdateStatus, which a client's main-resource write is not
    }, {subresource: 'status'})
    // the write moved the pod's resourceVersion: a precondition on it follows
    if (pre.resourceVersion) options = withResourceVersion(opts, written.metadata.resourceVersion)
  }
  api.delete(podType, pod.metadata.namespace ?? '', name, options)
}

/**
 * Evicts one pod as POST pods/<name>/eviction does, with the eviction's deleteOptions (grace period,
 * preconditions, dry run). Throws the handler's errors: NotFound, 429 TooManyRequests with a
 * DisruptionBudget cause, 500 for a pod under more than one PDB, 403, 409.
 */
export function evictPod(api: Api, namespace: string, name: string, opts: DeleteOptions = {}): void {
  api.transaction(() => {
    const pod = api.get(podType, namespace, name)
    if (canIgnorePdb(pod)) {
      // terminal and deleting pods need no resourceVersion guard; a Pending one might turn ready
      const guard = !terminal(pod) && !pod.metadata.deletionTimestamp && !opts.preconditions?.resourceVersion
      conditionAndDelete(api, pod, guard ? withResourceVersion(opts, pod.metadata.resourceVersion) : opts)
      return
    }
    const pdbs = pdbsForPod(pod, api.list(podDisruptionBudgetType, namespace).items) as PdbView[]
    if (pdbs.length > 1) throw new StatusError(500, '', MORE_THAN_ONE_PDB)
    let options = opts
    const pdb = pdbs[0]
    if (pdb) {
      const st = pdb.status ?? {}
      const alwaysAllow = pdb.spec?.unhealthyPodEvictionPolicy === 'AlwaysAllow'
      const unhealthyPasses = !podIsReady(pod) && (alwaysAllow || ((st.currentHealthy ?? 0) >= (st.desiredHealthy ?? 0) && (st.desiredHealthy ?? 0) > 0))
      // the handler guards the delete with the pod's resourceVersion (in place of any the client sent)
      if (unhealthyPasses) options = withResourceVersion(opts, pod.metadata.resourceVersion)
      else checkAndDecrement(api, pdb, name, Boolean(opts.dryRun))
    }
    conditionAndDelete(api, pod, options)
  })
}
