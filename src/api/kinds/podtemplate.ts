// PodTemplate (v1): a namespaced, stored pod template others may copy. The template's pod spec gets the
// pod defaults and ValidatePodTemplateSpec's rules (labels and annotations at template.labels and
// template.annotations, the pod spec at template.spec); generation starts at 1 and rises when the
// template changes, as the podtemplate strategy does.
import type {PodTemplateSpec} from 'kubernetes-types/core/v1.js'
import type {StrategyContext} from '../strategy.js'
import type {KObject} from '../types.js'

import {defaultPodTemplate} from '../defaults/workload.js'
import {register} from '../registry.js'
import {validateAnnotations, validateLabels} from '../validation/object-meta.js'
import {validatePod} from '../validation/pod.js'
import {semanticEqual} from '../validation/pod-update.js'

const templateOf = (obj: KObject): PodTemplateSpec => (obj.template ?? {}) as PodTemplateSpec

/** ValidatePodTemplateSpec at `template`. */
function validatePodTemplate(obj: KObject, ctx: StrategyContext) {
  const template = templateOf(obj)
  const podErrs = validatePod({spec: template.spec} as never, {allowPrivileged: ctx.settings.allowPrivileged})
  return [
    ...validateLabels(template.metadata?.labels, 'template.labels'),
    ...validateAnnotations(template.metadata?.annotations, 'template.annotations'),
    ...podErrs.map((e) => ({...e, field: e.field.replace(/^spec\./, 'template.spec.')})),
  ]
}

export const podTemplateType = register({
  kind: 'PodTemplate',
  group: '',
  version: 'v1',
  plural: 'podtemplates',
  singular: 'podtemplate',
  shortNames: [],
  namespaced: true,
  categories: [],
  strategy: {
    tracksGeneration: true,
    default(obj: KObject, ctx: StrategyContext) {
      obj.template ??= {}
      defaultPodTemplate(templateOf(obj), ctx.settings)
    },
    validate: validatePodTemplate,
    validateUpdate: (obj: KObject, _old: KObject, ctx: StrategyContext) => validatePodTemplate(obj, ctx),
    specChanged: (obj: KObject, old: KObject) => !semanticEqual(obj.template, old.template),
  },
})
