// describe poddisruptionbudget (describePodDisruptionBudgetV1): the bound that is set, the selector,
// the status counts and events.
import type {LabelSelector} from 'kubernetes-types/meta/v1.js'
import type {KObject} from '../../api/types.js'
import type {DescribeContext} from './pod.js'

import {selectorString} from '../../machinery/labels.js'
import {endWithEvents} from './events.js'
import {LEVEL_0, LEVEL_2, PrefixWriter} from './prefix-writer.js'

interface PdbShape {
  spec?: {minAvailable?: number | string | null; maxUnavailable?: number | string | null; selector?: LabelSelector | null}
  status?: {disruptionsAllowed?: number; currentHealthy?: number; desiredHealthy?: number; expectedPods?: number}
}

const isSet = (v: unknown): boolean => v !== undefined && v !== null

/** kubectl describe poddisruptionbudget. */
export function describePodDisruptionBudget(obj: KObject, ctx: DescribeContext): string {
  const {spec = {}, status = {}} = obj as PdbShape
  const w = new PrefixWriter()
  w.write(LEVEL_0, `Name:\t${obj.metadata.name ?? ''}\n`)
  w.write(LEVEL_0, `Namespace:\t${obj.metadata.namespace ?? ''}\n`)
  if (isSet(spec.minAvailable)) w.write(LEVEL_0, `Min available:\t${spec.minAvailable}\n`)
  else if (isSet(spec.maxUnavailable)) w.write(LEVEL_0, `Max unavailable:\t${spec.maxUnavailable}\n`)
  // metav1.FormatLabelSelector: <none> for a selector that selects everything
  w.write(LEVEL_0, `Selector:\t${spec.selector ? selectorString(spec.selector) || '<none>' : '<unset>'}\n`)
  w.write(LEVEL_0, 'Status:\n')
  w.write(LEVEL_2, `Allowed disruptions:\t${status.disruptionsAllowed ?? 0}\n`)
  w.write(LEVEL_2, `Current:\t${status.currentHealthy ?? 0}\n`)
  w.write(LEVEL_2, `Desired:\t${status.desiredHealthy ?? 0}\n`)
  w.write(LEVEL_2, `Total:\t${status.expectedPods ?? 0}\n`)
  return endWithEvents(w, ctx)
}
