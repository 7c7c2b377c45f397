import {expect} from 'chai'

import '../../src/api/kinds/index.js'
import {type DiscoveredResource, selectResources, servedGroupVersions, servedResources} from '../../src/api/discovery.js'

function res(name: string, group: string, kind: string): DiscoveredResource {
  return {name, shortNames: [], group, groupVersion: group ? `${group}/v1` : 'v1', namespaced: true, kind, verbs: ['get'], categories: []}
}

describe('discovery', () => {
  it('reports every registered kind once, namespaces without deletecollection as a kube-apiserver does', () => {
    const all = servedResources()
    expect(all.map((r) => r.name)).to.have.members(['pods', 'replicationcontrollers', 'namespaces', 'nodes', 'configmaps', 'secrets', 'serviceaccounts', 'events', 'leases', 'services', 'endpoints', 'endpointslices', 'replicasets', 'deployments', 'poddisruptionbudgets', 'priorityclasses', 'runtimeclasses', 'jobs', 'statefulsets', 'daemonsets', 'controllerrevisions', 'cronjobs', 'storageclasses', 'podtemplates', 'persistentvolumes', 'persistentvolumeclaims', 'roles', 'clusterroles', 'rolebindings', 'clusterrolebindings', 'customresourcedefinitions'])
    expect(all.find((r) => r.name === 'namespaces')?.verbs).to.deep.equal(['create', 'delete', 'get', 'list', 'patch', 'update', 'watch'])
    expect(all.find((r) => r.name === 'pods')).to.deep.include({groupVersion: 'v1', verbs: ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch'], categories: ['all']})
    expect(servedGroupVersions()).to.deep.equal(['apiextensions.k8s.io/v1', 'apps/v1', 'batch/v1', 'coordination.k8s.io/v1', 'discovery.k8s.io/v1', 'node.k8s.io/v1', 'policy/v1', 'rbac.authorization.k8s.io/v1', 'scheduling.k8s.io/v1', 'storage.k8s.io/v1', 'v1'])
  })

  it('sorts by the key, then by name, and drops resources without verbs as kubectl does', () => {
    const list = [res('events', 'events.k8s.io', 'Event'), res('pods', '', 'Pod'), res('events', '', 'Event'), res('bindings', '', 'Binding')]
    list[3].verbs = []
    expect(selectResources(list, {}, 'kind').map((r) => r.groupVersion + ' ' + r.name)).to.deep.equal(['events.k8s.io/v1 events', 'v1 events', 'v1 pods'])
    expect(selectResources(list, {}).map((r) => r.groupVersion + ' ' + r.name)).to.deep.equal(['v1 events', 'v1 pods', 'events.k8s.io/v1 events'])
    expect(selectResources(list, {group: 'events.k8s.io'}).map((r) => r.name)).to.deep.equal(['events'])
  })
})
