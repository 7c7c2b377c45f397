// The RuntimeClass every ksim cluster has for its process runtime: `ksim-process`, handler `process`.
// A pod that names it runs its containers as local processes (controllers/kubelet/process/).
import type {Api} from '../api/server.js'

import {isStatusError} from '../api/errors.js'

export const PROCESS_RUNTIME_CLASS = 'ksim-process'
export const PROCESS_HANDLER = 'process'

/** Creates the class unless it is there. */
export function ensureProcessRuntimeClass(api: Api): void {
  try {
    api.create({apiVersion: 'node.k8s.io/v1', kind: 'RuntimeClass', metadata: {name: PROCESS_RUNTIME_CLASS}, handler: PROCESS_HANDLER})
  } catch (error) {
    if (!isStatusError(error, 'AlreadyExists')) throw error
  }
}
