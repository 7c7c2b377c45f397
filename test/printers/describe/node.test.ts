import {expect} from 'chai'

import type {KObject} from '../../../src/api/types.js'
import {describerFor} from '../../../src/printers/describe/index.js'
import {NOW, ago, apiPod, event, node, stages} from '../fixtures.js'

const D = 24 * 3600
const node1: KObject = node('node-1', {age: 10 * D, ready: 'True', labels: {'node-role.kubernetes.io/control-plane': ''},
  addresses: [{type: 'InternalIP', address: '10.0.0.11'}, {type: 'Hostname', address: 'node-1'}]})
node1.spec = {...(node1.spec as object), taints: [{key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule'}]}
const lease: KObject = {apiVersion: 'coordination.k8s.io/v1', kind: 'Lease', metadata: {name: 'node-1', namespace: 'kube-node-lease'},
  spec: {holderIdentity: 'node-1', leaseDurationSeconds: 40, renewTime: '2026-07-01T11:59:55.123456Z'}}
const elsewhere = {...stages.creating, spec: {...(stages.creating.spec as object), nodeName: 'node-2'}}

describe('describe node', () => {
  it('prints a node with its lease, conditions, capacity, system info, pod resource shares and totals', () => {
    const out = describerFor('Node')!(node1, {now: NOW, events: [], pods: [stages.running, apiPod, stages.completed, elsewhere], lease})
    expect(out).to.equal(
      'Name:               node-1\n' +
      'Roles:              control-plane\n' +
      'Labels:             kubernetes.io/hostname=node-1\n' +
      '                    node-role.kubernetes.io/control-plane=\n' +
      'Annotations:        <none>\n' +
      'CreationTimestamp:  Sun, 21 Jun 2026 12:00:00 +0000\n' +
      'Taints:             node-role.kubernetes.io/control-plane:NoSchedule\n' +
      'Unschedulable:      false\n' +
      'Lease:\n' +
      '  HolderIdentity:  node-1\n' +
      '  AcquireTime:     <unset>\n' +
      '  RenewTime:       Wed, 01 Jul 2026 11:59:55 +0000\n' +
      'Conditions:\n' +
      '  Type             Status  LastHeartbeatTime                 LastTransitionTime                Reason                       Message\n' +
      '  ----             ------  -----------------                 ------------------                ------                       -------\n' +
      '  MemoryPressure   False   Wed, 01 Jul 2026 11:59:40 +0000   Sun, 21 Jun 2026 12:00:00 +0000   KubeletHasSufficientMemory   kubelet has sufficient memory available\n' +
      '  Ready            True    Wed, 01 Jul 2026 11:59:40 +0000   Sun, 21 Jun 2026 12:00:10 +0000   KubeletReady                 kubelet is posting ready status\n' +
      'Addresses:\n' +
      '  InternalIP:  10.0.0.11\n' +
      '  Hostname:    node-1\n' +
      'Capacity:\n' +
      '  cpu:                4\n' +
      '  ephemeral-storage:  102350Mi\n' +
      '  hugepages-2Mi:      0\n' +
      '  memory:             8048236Ki\n' +
      '  pods:               110\n' +
      'Allocatable:\n' +
      '  cpu:                4\n' +
      '  ephemeral-storage:  96589Mi\n' +
      '  hugepages-2Mi:      0\n' +
      '  memory:             7945836Ki\n' +
      '  pods:               110\n' +
      'System Info:\n' +
      '  Machine ID:                 a1b2c3\n' +
      '  System UUID:                d4e5f6\n' +
      '  Boot ID:                    b007\n' +
      '  Kernel Version:             6.1.0-18-amd64\n' +
      '  OS Image:                   Debian GNU/Linux 12 (bookworm)\n' +
      '  Operating System:           linux\n' +
      '  Architecture:               amd64\n' +
      '  Container Runtime Version:  containerd://1.7.13\n' +
      '  Kubelet Version:            v1.34.1\n' +
      '  Kube-Proxy Version:         \n' +
      'PodCIDR:                      10.244.1.0/24\n' +
      'PodCIDRs:                     10.244.1.0/24\n' +
      'Non-terminated Pods:          (2 in total)\n' +
      '  Namespace                   Name           CPU Requests  CPU Limits  Memory Requests  Memory Limits  Age\n' +
      '  ---------                   ----           ------------  ----------  ---------------  -------------  ---\n' +
      '  default                     web            0 (0%)        0 (0%)      0 (0%)           0 (0%)         5m\n' +
      '  default                     api-7d9c-x1    500m (12%)    500m (12%)  256Mi (3%)       256Mi (3%)     2m\n' +
      'Allocated resources:\n' +
      '  (Total limits may be over 100 percent, i.e., overcommitted.)\n' +
      '  Resource           Requests    Limits\n' +
      '  --------           --------    ------\n' +
      '  cpu                500m (12%)  500m (12%)\n' +
      '  memory             256Mi (3%)  256Mi (3%)\n' +
      '  ephemeral-storage  0 (0%)      0 (0%)\n' +
      '  hugepages-2Mi      0 (0%)      0 (0%)\n' +
      'Events:              <none>\n')
  })

  it('says when the node has no lease and lists node events', () => {
    const bare = node('node-3', {age: 45, info: false})
    const ready = event('node-3.1', {involvedObject: {kind: 'Node', name: 'node-3', uid: 'node-3'}, reason: 'Starting', message: 'Starting kubelet.',
      source: {component: 'kubelet', host: 'node-3'}, firstTimestamp: ago(44), lastTimestamp: ago(44)})
    const out = describerFor('Node')!(bare, {now: NOW, events: [ready]})
    expect(out).to.include('Unschedulable:      false\nLease:              Failed to get lease: leases.coordination.k8s.io "node-3" not found\nAddresses:\n')
    expect(out).to.include('Non-terminated Pods:          (0 in total)\n' +
      '  Namespace                   Name    CPU Requests  CPU Limits  Memory Requests  Memory Limits  Age\n' +
      '  ---------                   ----    ------------  ----------  ---------------  -------------  ---\n' +
      'Allocated resources:\n' +
      '  (Total limits may be over 100 percent, i.e., overcommitted.)\n' +
      '  Resource           Requests  Limits\n' +
      '  --------           --------  ------\n' +
      '  cpu                0 (0%)    0 (0%)\n' +
      '  memory             0 (0%)    0 (0%)\n' +
      '  ephemeral-storage  0 (0%)    0 (0%)\n' +
      '  hugepages-2Mi      0 (0%)    0 (0%)\n' +
      'Events:\n')
    expect(out.endsWith('Events:\n' +
      '  Type    Reason    Age   From     Message\n' +
      '  ----    ------    ----  ----     -------\n' +
      '  Normal  Starting  44s   kubelet  Starting kubelet.\n')).to.equal(true)
  })
})

describe('describe namespace', () => {
  it('prints name, labels, annotations, phase and kubectl\'s quota and limit-range lines', () => {
    const ns: KObject = {apiVersion: 'v1', kind: 'Namespace', metadata: {name: 'default', labels: {'kubernetes.io/metadata.name': 'default'}}, status: {phase: 'Active'}}
    expect(describerFor('Namespace')!(ns, {now: NOW, events: []})).to.equal(
      'Name:         default\n' +
      'Labels:       kubernetes.io/metadata.name=default\n' +
      'Annotations:  <none>\n' +
      'Status:       Active\n' +
      '\n' +
      'No resource quota.\n' +
      '\n' +
      'No LimitRange resource.\n')
  })

  it('prints the conditions of a terminating namespace', () => {
    const ns: KObject = {apiVersion: 'v1', kind: 'Namespace', metadata: {name: 'old'}, status: {phase: 'Terminating', conditions: [
      {type: 'NamespaceContentRemaining', status: 'True', lastTransitionTime: ago(60), reason: 'SomeResourcesRemain', message: 'Some resources are remaining: pods. has 1 resource instances'}]}}
    expect(describerFor('Namespace')!(ns, {now: NOW, events: []})).to.equal(
      'Name:         old\n' +
      'Labels:       <none>\n' +
      'Annotations:  <none>\n' +
      'Status:       Terminating\n' +
      'Conditions:\n' +
      '  Type                       Status  LastTransitionTime               Reason               Message\n' +
      '  ----                       ------  ------------------               ------               -------\n' +
      '  NamespaceContentRemaining  True    Wed, 01 Jul 2026 11:59:00 +0000  SomeResourcesRemain  Some resources are remaining: pods. has 1 resource instances\n' +
      '\n' +
      'No resource quota.\n' +
      '\n' +
      'No LimitRange resource.\n')
  })

  it("falls back to kubectl's generic describer for a kind without a describer of its own", () => {
    expect(describerFor('Widget')).to.be.a('function')
    expect(describerFor('Widget')).to.equal(describerFor('Lease'))
    expect(describerFor('Widget')).not.to.equal(describerFor('Namespace'))
  })
})
