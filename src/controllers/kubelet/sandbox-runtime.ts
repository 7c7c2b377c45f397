// Which runtime handler runs a pod's sandbox, as the kubelet's RuntimeClass manager and the CRI decide
// it: no spec.runtimeClassName, the runtime's default; otherwise the named RuntimeClass's `handler`,
// which the CRI must have configured. A class deleted after the pod was admitted, or a handler the node
// does not have, fails sandbox creation: the kubelet records FailedCreatePodSandBox and tries again at
// its next sync (the pod stays ContainerCreating), as it does on a real node.
import type {Pod} from 'kubernetes-types/core/v1.js'
import type {KObject} from '../../api/types.js'

import {createHash} from 'node:crypto'

/** The handlers the node's container runtime has configured: containerd's default, `runc`, and ksim's real processes, `process`. */
export const CONFIGURED_HANDLERS: readonly string[] = ['runc', 'process']

/** Reads a cluster-scoped RuntimeClass. */
export type RuntimeClassLookup = (name: string) => KObject | undefined

/**
 * The error creating the pod's sandbox fails with (the FailedCreatePodSandBox event's `%v`), or
 * undefined when its handler is configured. `attempt` numbers the sandbox tries (each has its own ID).
 */
export function sandboxRuntimeError(pod: Pod, lookup: RuntimeClassLookup, attempt: number): string | undefined {
  const name = pod.spec?.runtimeClassName
  if (!name) return undefined
  const rc = lookup(name)
  // LookupRuntimeHandler passes the lister's NotFound on as it is
  if (!rc) return `runtimeclass.node.k8s.io "${name}" not found`
  const handler = String(rc.handler ?? '')
  if (CONFIGURED_HANDLERS.includes(handler)) return undefined
  // containerd 2 names the sandbox it could not create
  const sandboxID = createHash('sha256').update(`${pod.metadata?.uid ?? ''}/sandbox/${attempt}`).digest('hex')
  return `rpc error: code = Unknown desc = unable to get OCI runtime for sandbox "${sandboxID}": no runtime for "${handler}" is configured`
}
