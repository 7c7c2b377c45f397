// Job (batch/v1, in `all`): SetDefaults_Job, the selector and pod labels generated on create (unless
// manualSelector), a fresh empty status, batch validation with the API server's messages, its
// immutable fields on update, and generation bumped on spec changes.
import type {JobSpec} from 'kubernetes-types/batch/v1.js'
import type {StrategyContext} from '../strategy.js'

import {copyTemplateLabels, defaultJob, generateJobSelector} from '../defaults/job.js'
import {nameIsDNSLabel} from '../../machinery/names.js'
import {register} from '../registry.js'
import {type KObject} from '../types.js'
import {validateJob} from '../validation/job.js'
import {validateJobSpecUpdate} from '../validation/job-update.js'
import {semanticEqual} from '../validation/pod-update.js'

const podOptions = (ctx: StrategyContext) => ({allowPrivileged: ctx.settings.allowPrivileged})

/** The Job resource type, registered when this module loads. */
export const jobType = register({
  kind: 'Job',
  group: 'batch',
  version: 'v1',
  plural: 'jobs',
  singular: 'job',
  shortNames: [],
  namespaced: true,
  categories: ['all'],
  strategy: {
    tracksGeneration: true,
    default: (obj, ctx) => defaultJob(obj, ctx.settings),
    prepareForCreate(obj: KObject) {
      if (!(obj.spec as JobSpec).manualSelector) generateJobSelector(obj)
      copyTemplateLabels(obj)
      obj.status = {}
    },
    validate: (obj, ctx) => validateJob(obj, podOptions(ctx)),
    validateUpdate: (obj, old, ctx) => [...validateJob(obj, podOptions(ctx)), ...validateJobSpecUpdate(obj, old)],
    admit(obj, op) {
      // WarningsOnCreate: the name becomes part of pod names and hostnames
      const msgs = op === 'create' ? nameIsDNSLabel(obj.metadata.name ?? '', false) : []
      const warnings = msgs.length > 0 ? [`metadata.name: this is used in Pod names and hostnames, which can result in surprising behavior; a DNS label is recommended: [${msgs.join(' ')}]`] : []
      return {warnings}
    },
    specChanged: (obj: KObject, old: KObject) => !semanticEqual(obj.spec, old.spec),
  },
})
