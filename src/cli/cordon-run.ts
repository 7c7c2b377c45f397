// cordon / uncordon (kubectl drain.CordonHelper): spec.unschedulable set, or removed, on one node, with
// kubectl's `node/x cordoned` / `node/x already cordoned` lines. Also `ksim node stop|start`, which set
// or clear the annotation that stops a node's simulated kubelet.
import type {Api} from '../api/server.js'

import {nodeType} from '../api/kinds/node.js'

/** The annotation that stops a node's kubelet (KUBELET_STOPPED_ANNOTATION of the controllers, which the CLI may not import). */
export const KUBELET_STOPPED_ANNOTATION = 'ksim.io/kubelet-stopped'

/** Marks a node (un)schedulable; returns kubectl's line. A missing node throws the API's NotFound. */
export function cordonNode(api: Api, name: string, cordon: boolean): string {
  const node = api.get(nodeType, '', name)
  const isCordoned = (node.spec as {unschedulable?: boolean} | undefined)?.unschedulable === true
  const verb = cordon ? 'cordoned' : 'uncordoned'
  if (isCordoned === cordon) return `node/${name} already ${verb}\n`
  api.modify(nodeType, '', name, (n) => {
    const spec = {...(n.spec as Record<string, unknown>)}
    // the patch kubectl sends drops a false unschedulable (omitempty)
    if (cordon) spec.unschedulable = true
    else delete spec.unschedulable
    n.spec = spec
  })
  return `node/${name} ${verb}\n`
}

/** Stops (or starts) a node's simulated kubelet; returns the line to print. */
export function setKubeletStopped(api: Api, name: string, stopped: boolean): string {
  const node = api.get(nodeType, '', name)
  const verb = stopped ? 'stopped' : 'started'
  const isStopped = node.metadata.annotations?.[KUBELET_STOPPED_ANNOTATION] === 'true'
  if (isStopped === stopped) return `node/${name} already ${verb}\n`
  api.modify(nodeType, '', name, (n) => {
    const annotations = {...n.metadata.annotations}
    if (stopped) annotations[KUBELET_STOPPED_ANNOTATION] = 'true'
    else delete annotations[KUBELET_STOPPED_ANNOTATION]
    n.metadata.annotations = annotations
  })
  return `node/${name} ${verb}\n`
}
