// CronJob (batch/v1, `cj`, in `all`): SetDefaults_CronJob, an empty status on create (kept as stored on
// a spec update), generation
// bumped on spec changes, ValidateCronJobCreate/Update with the API server's messages, and the DNS-label
// name warning on create (the name becomes part of Job and pod names).
import type {StrategyContext} from '../strategy.js'

import {defaultCronJob} from '../defaults/cronjob.js'
import {nameIsDNSLabel} from '../../machinery/names.js'
import {register} from '../registry.js'
import {type KObject} from '../types.js'
import {validateCronJobCreate, validateCronJobUpdate} from '../validation/cronjob.js'
import {semanticEqual} from '../validation/pod-update.js'

const podOptions = (ctx: StrategyContext) => ({allowPrivileged: ctx.settings.allowPrivileged})

/** The CronJob resource type, registered when this module loads. */
export const cronJobType = register({
  kind: 'CronJob',
  group: 'batch',
  version: 'v1',
  plural: 'cronjobs',
  singular: 'cronjob',
  shortNames: ['cj'],
  namespaced: true,
  categories: ['all'],
  strategy: {
    tracksGeneration: true,
    default: (obj, ctx) => defaultCronJob(obj, ctx.settings),
    prepareForCreate(obj: KObject) {
      obj.status = {}
    },
    prepareForUpdate(obj: KObject, old: KObject) {
      // the status is written through the status subresource only
      obj.status = old.status
    },
    validate: (obj, ctx) => validateCronJobCreate(obj, podOptions(ctx)),
    validateUpdate: (obj, old, ctx) => validateCronJobUpdate(obj, old, podOptions(ctx)),
    admit(obj, op) {
      const msgs = op === 'create' ? nameIsDNSLabel(obj.metadata.name ?? '', false) : []
      const warnings = msgs.length > 0 ? [`metadata.name: this is used in Pod names and hostnames, which can result in surprising behavior; a DNS label is recommended: [${msgs.join(' ')}]`] : []
      if (op === 'update' && String((obj.spec as {schedule?: string} | undefined)?.schedule ?? '').includes('TZ')) {
        warnings.push('cannot use TZ or CRON_TZ in spec.spec.schedule, use timeZone instead, see https://kubernetes.io/docs/concepts/workloads/controllers/cron-jobs/ for more details')
      }
      return {warnings}
    },
    specChanged: (obj: KObject, old: KObject) => !semanticEqual(obj.spec, old.spec),
  },
})
