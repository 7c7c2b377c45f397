// The PriorityClasses the API server creates at start-up in every cluster (its bootstrap post-start
// hook): system-node-critical and system-cluster-critical.
import type {Api} from '../api/server.js'

import {isStatusError} from '../api/errors.js'
import {SYSTEM_PRIORITY_CLASSES} from '../api/validation/priorityclass.js'

/** Creates the system classes that are missing. */
export function ensureSystemPriorityClasses(api: Api): void {
  for (const c of SYSTEM_PRIORITY_CLASSES) {
    try {
      api.create({apiVersion: 'scheduling.k8s.io/v1', kind: 'PriorityClass', metadata: {name: c.name}, value: c.value, description: c.description, preemptionPolicy: 'PreemptLowerPriority'})
    } catch (error) {
      if (!isStatusError(error, 'AlreadyExists')) throw error
    }
  }
}
