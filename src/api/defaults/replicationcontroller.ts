// SetDefaults_ReplicationController (core/v1 defaults.go): when the template has labels, an empty
// selector and empty object labels take them; one replica; the template's pod spec defaults.
import type {PodTemplateSpec} from 'kubernetes-types/core/v1.js'
import type {ApiSettings} from '../strategy.js'
import type {KObject} from '../types.js'

import {defaultPodTemplate} from './workload.js'

interface RCSpec {
  replicas?: number
  selector?: Record<string, string> | null
  template?: PodTemplateSpec | null
}

/** Defaults a ReplicationController in place. */
export function defaultReplicationController(obj: KObject, settings: ApiSettings): void {
  const spec = (obj.spec ??= {}) as RCSpec
  const labels = spec.template?.metadata?.labels
  if (labels) {
    if (Object.keys(spec.selector ?? {}).length === 0) spec.selector = {...labels}
    if (Object.keys(obj.metadata.labels ?? {}).length === 0) obj.metadata.labels = {...labels}
  }
  spec.replicas ??= 1
  if (spec.template) defaultPodTemplate(spec.template, settings)
}
