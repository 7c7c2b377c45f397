// DaemonSet (apps/v1, `ds`, in `all`): apps/v1 defaults (RollingUpdate maxUnavailable 1 / maxSurge 0,
// 10 revisions), validation with the API server's messages, an immutable selector, generation bumped on
// spec changes and the template generation kept in `deprecated.daemonset.template.generation` (1 on
// create, one more each time the template changes). A new set's status has its four counts at 0.
import type {StrategyContext} from '../strategy.js'

import {defaultDaemonSetSpec, type DaemonSetSpecShape} from '../defaults/apps.js'
import {register} from '../registry.js'
import {workloadStrategy} from './workload.js'
import {type KObject} from '../types.js'
import {semanticEqual} from '../validation/pod-update.js'
import {validateDaemonSetSpec, validateDaemonSetUpdate} from '../validation/daemonset.js'

/** The annotation apps/v1 shows the internal spec.templateGeneration in. */
export const TEMPLATE_GENERATION = 'deprecated.daemonset.template.generation'

const templateOf = (o: KObject): unknown => (o.spec as {template?: unknown} | undefined)?.template

const base = workloadStrategy({
  defaultSpec: (spec, settings) => defaultDaemonSetSpec(spec as DaemonSetSpecShape, settings),
  initialStatus: () => ({currentNumberScheduled: 0, desiredNumberScheduled: 0, numberMisscheduled: 0, numberReady: 0}),
  validate: (obj: KObject, ctx: StrategyContext) => validateDaemonSetSpec(obj.spec, {allowPrivileged: ctx.settings.allowPrivileged}),
})

/** The DaemonSet resource type, registered when this module loads. */
export const daemonSetType = register({
  kind: 'DaemonSet',
  group: 'apps',
  version: 'v1',
  plural: 'daemonsets',
  singular: 'daemonset',
  shortNames: ['ds'],
  namespaced: true,
  categories: ['all'],
  strategy: {
    ...base,
    prepareForCreate(obj: KObject, ctx: StrategyContext) {
      base.prepareForCreate?.(obj, ctx)
      obj.metadata.annotations = {...obj.metadata.annotations, [TEMPLATE_GENERATION]: '1'}
    },
    prepareForUpdate(obj: KObject, old: KObject) {
      const previous = Number(old.metadata.annotations?.[TEMPLATE_GENERATION] ?? 1) || 1
      const next = semanticEqual(templateOf(obj), templateOf(old)) ? previous : previous + 1
      obj.metadata.annotations = {...obj.metadata.annotations, [TEMPLATE_GENERATION]: String(next)}
    },
    validateUpdate: (obj: KObject, old: KObject, ctx: StrategyContext) => validateDaemonSetUpdate(obj.spec, old.spec, {allowPrivileged: ctx.settings.allowPrivileged}),
  },
})
