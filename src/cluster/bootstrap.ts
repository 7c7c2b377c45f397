// Creates a cluster's state: the system namespaces and the nodes, as a freshly started cluster has them.
import {randomBytes, randomUUID} from 'node:crypto'
import os from 'node:os'

import {Api} from '../api/server.js'
import {SYSTEM_NAMESPACES} from '../api/kinds/namespace.js'
import {apiSettingsOf, writeProfile, type ClusterProfile} from '../api/cluster-profile.js'
import {rfc3339, type KObject} from '../api/types.js'
import type {Taint} from 'kubernetes-types/core/v1.js'
import type {Backend} from '../store/backend.js'
import {createKubernetesService} from './kubernetes-service.js'
import {KUBELET_VERSION} from './kubernetes-version.js'
import {generateRootCA} from './root-ca.js'
import {zoneLabels} from './zones.js'
import {ensureSystemPriorityClasses} from './system-priority-classes.js'
import {ensureBootstrapRBAC} from './bootstrap-rbac.js'
import {ensureProcessRuntimeClass} from './process-runtime-class.js'

export {KUBELET_VERSION} from './kubernetes-version.js'

/** Node names as kind names them: `<cluster>-control-plane`, `<cluster>-worker`, `<cluster>-worker2`… */
export function nodeNames(cluster: string, count: number): string[] {
  const names = [`${cluster}-control-plane`]
  for (let i = 1; i < count; i++) names.push(i === 1 ? `${cluster}-worker` : `${cluster}-worker${i}`)
  return names
}

/** A Ready node object as a kubelet registers it. `index` picks its IP and pod CIDR. */
export function nodeObject(name: string, index: number, p: Pick<ClusterProfile, 'nodeCpu' | 'nodeMemory' | 'maxPods'>, opts: {controlPlane: boolean; tainted: boolean; now: Date; labels?: Record<string, string>; taints?: Taint[]}): KObject {
  const now = rfc3339(opts.now)
  const resources = {cpu: p.nodeCpu, 'ephemeral-storage': '100Gi', 'hugepages-1Gi': '0', 'hugepages-2Mi': '0', memory: p.nodeMemory, pods: String(p.maxPods)}
  const labels: Record<string, string> = {
    'beta.kubernetes.io/arch': 'amd64',
    'beta.kubernetes.io/os': 'linux',
    'kubernetes.io/arch': 'amd64',
    'kubernetes.io/hostname': name,
    'kubernetes.io/os': 'linux',
    ...(opts.controlPlane ? {'node-role.kubernetes.io/control-plane': ''} : {}),
    ...opts.labels,
  }
  const taints = [...(opts.tainted ? [{key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule'}] : []), ...(opts.taints ?? [])]
  const cidr = `10.244.${index}.0/24`
  const condition = (type: string, status: string, reason: string, message: string) => ({type, status, lastHeartbeatTime: now, lastTransitionTime: now, reason, message})
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: {
      name,
      labels,
      annotations: {'node.alpha.kubernetes.io/ttl': '0', 'volumes.kubernetes.io/controller-managed-attach-detach': 'true'},
    },
    spec: {podCIDR: cidr, podCIDRs: [cidr], providerID: `ksim://${name}`, ...(taints.length > 0 ? {taints} : {})},
    status: {
      addresses: [
        {address: `172.18.0.${index + 2}`, type: 'InternalIP'},
        {address: name, type: 'Hostname'},
      ],
      allocatable: resources,
      capacity: resources,
      conditions: [
        condition('MemoryPressure', 'False', 'KubeletHasSufficientMemory', 'kubelet has sufficient memory available'),
        condition('DiskPressure', 'False', 'KubeletHasNoDiskPressure', 'kubelet has no disk pressure'),
        condition('PIDPressure', 'False', 'KubeletHasSufficientPID', 'kubelet has sufficient PID available'),
        condition('Ready', 'True', 'KubeletReady', 'kubelet is posting ready status'),
      ],
      daemonEndpoints: {kubeletEndpoint: {Port: 10250}},
      nodeInfo: {
        architecture: 'amd64',
        bootID: randomUUID(),
        containerRuntimeVersion: 'ksim://0.1.0',
        kernelVersion: os.release(),
        kubeProxyVersion: '',
        kubeletVersion: KUBELET_VERSION,
        machineID: randomBytes(16).toString('hex'),
        operatingSystem: 'linux',
        osImage: 'ksim simulated node',
        systemUUID: randomUUID(),
      },
    },
  }
}

/**
 * Writes a new cluster's state into `store`: profile (with a new CA), system namespaces, nodes. A one-node cluster's
 * control plane takes pods (as kind removes its taint); otherwise it keeps the NoSchedule taint.
 */
export function bootstrapCluster(store: Backend, profile: ClusterProfile, now: Date): void {
  // the cluster CA, published in every namespace's kube-root-ca.crt
  const withCA: ClusterProfile = {...profile, rootCACert: profile.rootCACert ?? generateRootCA(now), kubernetesVersion: KUBELET_VERSION, systemPriorityClasses: true, processRuntimeClass: true, bootstrapRBAC: true}
  store.transaction(() => {
    writeProfile(store, withCA)
    const api = new Api(store, {clock: {now: () => now}, settings: apiSettingsOf(withCA)})
    for (const ns of SYSTEM_NAMESPACES) {
      api.create({apiVersion: 'v1', kind: 'Namespace', metadata: {name: ns}})
    }
    nodeNames(profile.name, profile.nodes).forEach((name, i) => {
      const cp = i === 0
      api.create(nodeObject(name, i, profile, {controlPlane: cp, tainted: cp && profile.nodes > 1, now, labels: zoneLabels(profile.zones ?? 0, i)}))
    })
    createKubernetesService(api, '172.18.0.2')
    ensureSystemPriorityClasses(api)
    ensureProcessRuntimeClass(api)
    ensureBootstrapRBAC(api)
  })
}
