// Node rows as printers.go printNode computes them: STATUS from the Ready condition (plus
// SchedulingDisabled when cordoned), ROLES from role labels, and the wide address / system columns.
import type {KObject, Node} from '../../api/types.js'

import {since} from '../timestamps.js'
import {col, type TableHandler, wide} from './columns.js'

const ROLE_PREFIX = 'node-role.kubernetes.io/'

/** findNodeRoles: `node-role.kubernetes.io/<role>` keys and `kubernetes.io/role` values, sorted. */
export function nodeRoles(node: Node): string[] {
  const roles = new Set<string>()
  for (const [k, v] of Object.entries(node.metadata?.labels ?? {})) {
    if (k.startsWith(ROLE_PREFIX)) {
      if (k.length > ROLE_PREFIX.length) roles.add(k.slice(ROLE_PREFIX.length))
    } else if (k === 'kubernetes.io/role' && v !== '') {
      roles.add(v)
    }
  }
  return [...roles].sort()
}

/** `Ready`, `NotReady` (False or Unknown), `Unknown` (no Ready condition), `,SchedulingDisabled`. */
export function nodeStatus(node: Node): string {
  const ready = (node.status?.conditions ?? []).filter((c) => c.type === 'Ready').at(-1)
  const parts = [ready ? (ready.status === 'True' ? 'Ready' : 'NotReady') : 'Unknown']
  if (node.spec?.unschedulable) parts.push('SchedulingDisabled')
  return parts.join(',')
}

const address = (node: Node, type: string): string =>
  (node.status?.addresses ?? []).find((a) => a.type === type)?.address ?? '<none>'

/** Nodes: NAME STATUS ROLES AGE VERSION, wide INTERNAL-IP EXTERNAL-IP OS-IMAGE KERNEL-VERSION CONTAINER-RUNTIME. */
export const nodeTable: TableHandler = {
  clusterScoped: true,
  columns: [col('Name', 'name'), col('Status'), col('Roles'), col('Age'), col('Version'),
    wide('Internal-IP'), wide('External-IP'), wide('OS-Image'), wide('Kernel-Version'), wide('Container-Runtime')],
  cells(obj: KObject, now: Date): string[] {
    const node = obj as unknown as Node
    const info = node.status?.nodeInfo
    const roles = nodeRoles(node).join(',')
    return [node.metadata?.name ?? '', nodeStatus(node), roles || '<none>', since(node.metadata?.creationTimestamp, now),
      info?.kubeletVersion ?? '', address(node, 'InternalIP'), address(node, 'ExternalIP'),
      info?.osImage || '<unknown>', info?.kernelVersion || '<unknown>', info?.containerRuntimeVersion || '<unknown>']
  },
}
