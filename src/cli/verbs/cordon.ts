// cordon / uncordon (kubectl drain.CordonHelper): spec.unschedulable set, or removed, on each node, with
// kubectl's `node/x cordoned` / `node/x already cordoned` lines. Also `ksim node stop|start`, which set
// or clear the annotation that stops a node's simulated kubelet.
import {Flags} from '@oclif/core'

import type {Api} from '../../api/server.js'
import type {KObject} from '../../api/types.js'

import {nodeType} from '../../api/kinds/node.js'
import {CliError} from '../errors.js'
import {printerFor} from '../print/print-flags.js'

/** The annotation that stops a node's kubelet (KUBELET_STOPPED_ANNOTATION of the controllers, which the CLI may not import). */
export const KUBELET_STOPPED_ANNOTATION = 'ksim.io/kubelet-stopped'

/** `-l` of cordon, uncordon and drain, with kubectl's wording there (it lists fewer operators than get's). */
export const nodeSelectorFlag = Flags.string({
  char: 'l',
  description: "Selector (label query) to filter on, supports '=', '==', and '!='.(e.g. -l key1=value1,key2=value2). Matching objects must satisfy all of the specified label constraints.",
})

/**
 * kubectl's drain Complete on NODE... and `-l` (cordon, uncordon and drain): one of them, never both;
 * neither is a usage error. `use` is the command's `Use` line (`cordon NODE`).
 */
export function validateNodeArgs(names: string[], selector: string | undefined, use: string): void {
  if (names.length === 0 && selector === undefined) throw new CliError(`USAGE: ${use} [flags]`, true)
  if (names.length > 0 && selector) throw new CliError('cannot specify both a node name and a --selector option', true)
}

/**
 * The nodes named (in the order given) or selected by a non-empty `-l` (by name), each read before any
 * is changed: a missing one throws the API's NotFound and nothing changes, as kubectl's resource builder
 * fails before it cordons. An invalid selector throws the API's BadRequest.
 */
export function chooseNodes(api: Api, names: string[], selector: string | undefined): KObject[] {
  if (selector) return api.list(nodeType, undefined, {labelSelector: selector}).items
  return names.map((name) => api.get(nodeType, '', name))
}

/**
 * kubectl's CordonHelper on `node` as read: spec.unschedulable set (or removed) unless it already is,
 * written unless --dry-run=client; returns kubectl's `node/x cordoned` or `node/x already cordoned` line.
 */
export function cordonNode(api: Api, node: KObject, cordon: boolean, dryRun: 'none' | 'client' | 'server' = 'none'): string {
  const name = node.metadata.name!
  const isCordoned = (node.spec as {unschedulable?: boolean} | undefined)?.unschedulable === true
  const verb = cordon ? 'cordoned' : 'uncordoned'
  const printer = printerFor(undefined, {dryRun})
  if (isCordoned === cordon) return printer.print(node, {operation: `already ${verb}`})
  if (dryRun !== 'client') {
    api.modify(
      nodeType,
      '',
      name,
      (n) => {
        const spec = {...(n.spec as Record<string, unknown>)}
        // the patch kubectl sends drops a false unschedulable (omitempty)
        if (cordon) spec.unschedulable = true
        else delete spec.unschedulable
        n.spec = spec
      },
      {dryRun: dryRun === 'server'},
    )
  }
  return printer.print(node, {operation: verb})
}

/** Stops (or starts) a node's simulated kubelet; returns the line to print. */
export function setKubeletStopped(api: Api, name: string, stopped: boolean): string {
  const node = api.get(nodeType, '', name)
  const verb = stopped ? 'stopped' : 'started'
  const isStopped = node.metadata.annotations?.[KUBELET_STOPPED_ANNOTATION] === 'true'
  if (isStopped === stopped) return printerFor(undefined).print(node, {operation: `already ${verb}`})
  api.modify(nodeType, '', name, (n) => {
    const annotations = {...n.metadata.annotations}
    if (stopped) annotations[KUBELET_STOPPED_ANNOTATION] = 'true'
    else delete annotations[KUBELET_STOPPED_ANNOTATION]
    n.metadata.annotations = annotations
  })
  return printerFor(undefined).print(node, {operation: verb})
}
