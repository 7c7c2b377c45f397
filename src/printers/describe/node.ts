// describe node (describeNode): identity, taints, lease, conditions, addresses, capacity, system
// info, the resource tables of its pods, and events.
import type {KObject, Node, Pod} from '../../api/types.js'

import {nodeRoles} from '../table/node.js'
import {rfc1123z} from '../timestamps.js'
import {printAnnotationsMultiline, printLabelsMultiline, printTaintsMultiline, quantityText, sortedResourceNames} from './common.js'
import {endWithEvents} from './events.js'
import {describeNodeResource} from './node-resources.js'
import type {DescribeContext} from './pod.js'
import {LEVEL_0, LEVEL_1, PrefixWriter} from './prefix-writer.js'

interface LeaseSpec {
  holderIdentity?: string
  acquireTime?: string
  renewTime?: string
}

function describeLease(node: Node, lease: KObject | undefined, w: PrefixWriter): void {
  if (!lease) {
    w.write(LEVEL_0, `Lease:\tFailed to get lease: leases.coordination.k8s.io "${node.metadata?.name ?? ''}" not found\n`)
    return
  }
  const spec = (lease.spec ?? {}) as LeaseSpec
  w.write(LEVEL_0, 'Lease:\n')
  w.write(LEVEL_1, `HolderIdentity:\t${spec.holderIdentity ?? '<unset>'}\n`)
  w.write(LEVEL_1, `AcquireTime:\t${spec.acquireTime ? rfc1123z(spec.acquireTime) : '<unset>'}\n`)
  w.write(LEVEL_1, `RenewTime:\t${spec.renewTime ? rfc1123z(spec.renewTime) : '<unset>'}\n`)
}

/** kubectl describe node; ctx.pods are filtered to this node's non-terminated pods. */
export function describeNode(obj: KObject, ctx: DescribeContext): string {
  const node = obj as Node
  const name = node.metadata?.name ?? ''
  const status = node.status ?? {}
  const w = new PrefixWriter()
  w.write(LEVEL_0, `Name:\t${name}\n`)
  const roles = nodeRoles(node)
  w.write(LEVEL_0, `Roles:\t${roles.length > 0 ? roles.join(',') : '<none>'}\n`)
  printLabelsMultiline(w, 'Labels', node.metadata?.labels)
  printAnnotationsMultiline(w, 'Annotations', node.metadata?.annotations)
  w.write(LEVEL_0, `CreationTimestamp:\t${rfc1123z(node.metadata?.creationTimestamp)}\n`)
  printTaintsMultiline(w, 'Taints', node.spec?.taints)
  w.write(LEVEL_0, `Unschedulable:\t${node.spec?.unschedulable === true}\n`)
  describeLease(node, ctx.lease, w)
  const conditions = status.conditions ?? []
  if (conditions.length > 0) {
    w.write(LEVEL_0, 'Conditions:\n  Type\tStatus\tLastHeartbeatTime\tLastTransitionTime\tReason\tMessage\n')
    w.write(LEVEL_1, '----\t------\t-----------------\t------------------\t------\t-------\n')
    for (const c of conditions) {
      w.write(LEVEL_1, `${c.type} \t${c.status} \t${rfc1123z(c.lastHeartbeatTime)} \t${rfc1123z(c.lastTransitionTime)} \t${c.reason ?? ''} \t${c.message ?? ''}\n`)
    }
  }
  w.write(LEVEL_0, 'Addresses:\n')
  for (const a of status.addresses ?? []) w.write(LEVEL_1, `${a.type}:\t${a.address}\n`)
  for (const [title, list] of [['Capacity', status.capacity], ['Allocatable', status.allocatable]] as const) {
    if (sortedResourceNames(list).length === 0) continue
    w.write(LEVEL_0, `${title}:\n`)
    for (const r of sortedResourceNames(list)) w.write(LEVEL_0, `  ${r}:\t${quantityText(list![r])}\n`)
  }
  const info = status.nodeInfo
  w.write(LEVEL_0, 'System Info:\n')
  w.write(LEVEL_0, `  Machine ID:\t${info?.machineID ?? ''}\n`)
  w.write(LEVEL_0, `  System UUID:\t${info?.systemUUID ?? ''}\n`)
  w.write(LEVEL_0, `  Boot ID:\t${info?.bootID ?? ''}\n`)
  w.write(LEVEL_0, `  Kernel Version:\t${info?.kernelVersion ?? ''}\n`)
  w.write(LEVEL_0, `  OS Image:\t${info?.osImage ?? ''}\n`)
  w.write(LEVEL_0, `  Operating System:\t${info?.operatingSystem ?? ''}\n`)
  w.write(LEVEL_0, `  Architecture:\t${info?.architecture ?? ''}\n`)
  w.write(LEVEL_0, `  Container Runtime Version:\t${info?.containerRuntimeVersion ?? ''}\n`)
  w.write(LEVEL_0, `  Kubelet Version:\t${info?.kubeletVersion ?? ''}\n`)
  w.write(LEVEL_0, `  Kube-Proxy Version:\t${info?.kubeProxyVersion ?? ''}\n`)
  if (node.spec?.podCIDR) w.write(LEVEL_0, `PodCIDR:\t${node.spec.podCIDR}\n`)
  if ((node.spec?.podCIDRs ?? []).length > 0) w.write(LEVEL_0, `PodCIDRs:\t${node.spec!.podCIDRs!.join(',')}\n`)
  if (node.spec?.providerID) w.write(LEVEL_0, `ProviderID:\t${node.spec.providerID}\n`)
  const pods = (ctx.pods ?? []).filter((p) => {
    const pod = p as Pod
    return pod.spec?.nodeName === name && pod.status?.phase !== 'Succeeded' && pod.status?.phase !== 'Failed'
  })
  describeNodeResource(pods, node, ctx.now, w)
  return endWithEvents(w, ctx)
}
