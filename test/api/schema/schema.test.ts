import {expect} from 'chai'

import {checkSchema, defaultSchema, goElemType, goTypeOf, readGeneratedSchema, resolveSchema} from '../../../src/api/schema/schema.js'
import {checkFields} from '../../../src/api/schema/strict.js'

type Obj = Record<string, unknown>

const pod = (spec: Obj, extra: Obj = {}): Obj => ({apiVersion: 'v1', kind: 'Pod', metadata: {name: 'web'}, spec, ...extra})

describe('field schema', () => {
  it('serves the kinds ksim knows, by apiVersion and kind', () => {
    expect([...defaultSchema().roots.keys()].sort()).to.deep.equal([
      'apps/v1/ControllerRevision',
      'apps/v1/DaemonSet',
      'apps/v1/Deployment',
      'apps/v1/ReplicaSet',
      'apps/v1/StatefulSet',
      'batch/v1/CronJob',
      'batch/v1/Job',
      'coordination.k8s.io/v1/Lease',
      'discovery.k8s.io/v1/EndpointSlice',
      'node.k8s.io/v1/RuntimeClass',
      'policy/v1/PodDisruptionBudget',
      'rbac.authorization.k8s.io/v1/ClusterRole',
      'rbac.authorization.k8s.io/v1/ClusterRoleBinding',
      'rbac.authorization.k8s.io/v1/Role',
      'rbac.authorization.k8s.io/v1/RoleBinding',
      'scheduling.k8s.io/v1/PriorityClass',
      'storage.k8s.io/v1/StorageClass',
      'v1/ConfigMap',
      'v1/Endpoints',
      'v1/Event',
      'v1/Namespace',
      'v1/Node',
      'v1/PersistentVolume',
      'v1/PersistentVolumeClaim',
      'v1/Pod',
      'v1/PodTemplate',
      'v1/ReplicationController',
      'v1/Secret',
      'v1/Service',
      'v1/ServiceAccount',
    ])
  })

  it('resolves every struct and root of the generated schema with its overlay', () => {
    const schema = defaultSchema()
    expect(() => checkSchema(schema)).not.to.throw()
    expect(schema.ids().length).to.be.greaterThan(150)
    expect(schema.structs.get('core/v1.Pod')?.fields.get('spec')).to.deep.equal({type: {ref: 'core/v1.PodSpec'}, go: 'v1.PodSpec'})
    expect(schema.structs.get('core/v1.Nope')).to.equal(undefined)
  })

  it('names a field that refers to a struct the schema lacks, when that struct is resolved', () => {
    const gen = readGeneratedSchema()
    const schema = resolveSchema({...gen, structs: {...gen.structs, 'core/v1.Thing': {spec: {type: {ref: 'core/v1.Missing'}, optional: true}}}})
    expect(schema.structs.get('core/v1.Pod')?.name).to.equal('Pod')
    expect(() => schema.structs.get('core/v1.Thing')).to.throw('schema: core/v1.Thing.spec refers to unknown struct core/v1.Missing')
    expect(() => checkSchema(schema)).to.throw('refers to unknown struct core/v1.Missing')
  })

  it('knows the pod fields added in 1.31–1.34', () => {
    const spec = {
      resources: {limits: {cpu: '1'}},
      securityContext: {supplementalGroupsPolicy: 'Strict', seLinuxChangePolicy: 'Recursive'},
      containers: [{name: 'web', image: 'nginx', resources: {claims: [{name: 'gpu', request: 'r'}]}}],
      resourceClaims: [{name: 'gpu', resourceClaimTemplateName: 't'}],
    }
    const status = {
      observedGeneration: 1,
      conditions: [{type: 'Ready', status: 'True', observedGeneration: 1}],
      containerStatuses: [{name: 'web', user: {linux: {uid: 0, gid: 0, supplementalGroups: [1]}}, stopSignal: 'SIGTERM'}],
    }
    expect(checkFields('Pod', 'v1', pod(spec, {status}))).to.deep.equal({unknown: []})
  })

  it('rejects PodResourceClaim.source, which 1.31 removed', () => {
    expect(checkFields('Pod', 'v1', pod({containers: [], resourceClaims: [{name: 'gpu', source: {resourceClaimName: 'c'}}]})).unknown).to.deep.equal([
      'spec.resourceClaims[0].source',
    ])
  })

  it('knows the 1.31–1.34 fields of nodes, workloads, leases and endpoint slices', () => {
    const node = {apiVersion: 'v1', kind: 'Node', metadata: {name: 'n'}, status: {features: {supplementalGroupsPolicy: true}, nodeInfo: {swap: {capacity: 1}}}}
    expect(checkFields('Node', 'v1', node)).to.deep.equal({unknown: []})
    const deploy = {apiVersion: 'apps/v1', kind: 'Deployment', metadata: {name: 'd'}, status: {terminatingReplicas: 1}}
    expect(checkFields('Deployment', 'apps/v1', deploy)).to.deep.equal({unknown: []})
    const lease = {apiVersion: 'coordination.k8s.io/v1', kind: 'Lease', metadata: {name: 'l'}, spec: {strategy: 'OldestEmulationVersion', preferredHolder: 'a'}}
    expect(checkFields('Lease', 'coordination.k8s.io/v1', lease)).to.deep.equal({unknown: []})
    const slice = {apiVersion: 'discovery.k8s.io/v1', kind: 'EndpointSlice', metadata: {name: 's'}, addressType: 'IPv4', endpoints: [{addresses: ['10.0.0.1'], hints: {forNodes: [{name: 'n'}]}}]}
    expect(checkFields('EndpointSlice', 'discovery.k8s.io/v1', slice)).to.deep.equal({unknown: []})
  })

  it('resolves Go type names for shapes and their elements', () => {
    expect(goTypeOf({array: {ref: 'core/v1.Container'}})).to.equal('[]v1.Container')
    expect(goTypeOf({map: 'string'})).to.equal('map[string]string')
    expect(goTypeOf({map: 'bytes'})).to.equal('map[string][]uint8')
    expect(goElemType('[]v1.Capability')).to.equal('v1.Capability')
    expect(goElemType('map[string][]uint8')).to.equal('[]uint8')
    expect(goElemType('v1.ResourceList')).to.equal('resource.Quantity')
    const spec = defaultSchema().structs.get('core/v1.PodSpec')!
    expect(spec.fields.get('terminationGracePeriodSeconds')!.go).to.equal('int64')
    expect(spec.fields.get('overhead')!.go).to.equal('v1.ResourceList')
    expect(spec.fields.get('resources')!.go).to.equal('v1.ResourceRequirements')
  })
})
