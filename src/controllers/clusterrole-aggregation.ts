// The clusterrole-aggregation controller (kube-controller-manager): a ClusterRole with an aggregationRule gets
// as its rules every distinct rule of the other ClusterRoles its selectors match, selector by selector, the
// matched roles taken by name; nothing is written when the rules are already those (nil and empty alike).
import type {KObject} from '../api/types.js'
import type {Controller, ControllerContext, ReconcileResult} from './types.js'

import {clusterRoleType} from '../api/kinds/rbac.js'
import {labelSelectorFromObject, matchLabelSelector} from '../machinery/labels.js'
import {clusterKeys, clusterWatches} from './keys.js'
import {lostRace} from './writes.js'
import {semanticEqual} from '../api/validation/pod-update.js'

type Rule = Record<string, unknown>

/** The rules the aggregated role should have. */
export function aggregatedRules(role: KObject, roles: KObject[]): Rule[] {
  const selectors = ((role.aggregationRule as {clusterRoleSelectors?: unknown[]} | undefined)?.clusterRoleSelectors ?? [])
  const rules: Rule[] = []
  const byName = [...roles].sort((a, b) => ((a.metadata.name ?? '') < (b.metadata.name ?? '') ? -1 : 1))
  for (const raw of selectors) {
    let selector
    try {
      selector = labelSelectorFromObject(raw as never)
    } catch {
      continue
    }
    for (const other of byName) {
      if (other.metadata.name === role.metadata.name || !matchLabelSelector(selector, other.metadata.labels)) continue
      for (const rule of (other.rules ?? []) as Rule[]) if (!rules.some((r) => semanticEqual(r, rule))) rules.push(rule)
    }
  }
  return rules
}

export class ClusterRoleAggregationController implements Controller {
  readonly name = 'clusterrole-aggregation'
  readonly watches = clusterWatches(['ClusterRole'])
  readonly keys = clusterKeys

  reconcile(ctx: ControllerContext): ReconcileResult {
    const roles = ctx.cache.list('ClusterRole')
    for (const role of roles) {
      if (role.aggregationRule == null) continue
      const rules = aggregatedRules(role, roles)
      if (semanticEqual(rules, (role.rules ?? []) as Rule[])) continue
      try {
        ctx.api.update({...role, rules})
      } catch (error) {
        if (!lostRace(error)) throw error
      }
    }
    return {}
  }
}
