import {expect} from 'chai'

import type {KObject} from '../../src/api/types.js'

import {deploymentType} from '../../src/api/kinds/deployment.js'
import {podType} from '../../src/api/kinds/pod.js'
import {replicaSetType} from '../../src/api/kinds/replicaset.js'
import {DeploymentController} from '../../src/controllers/deployment/deployment.js'
import {GarbageCollector} from '../../src/controllers/garbage-collector.js'
import {ReplicaSetController} from '../../src/controllers/deployment/replicaset.js'
import {testCluster, type TestCluster} from './helpers.js'

function deployment(name: string, replicas: number): KObject {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: {name, namespace: 'default'},
    spec: {replicas, selector: {matchLabels: {app: name}}, template: {metadata: {labels: {app: name}}, spec: {containers: [{name: 'web', image: 'nginx'}]}}},
  }
}

describe('garbage collector', () => {
  let tc: TestCluster
  const d = new DeploymentController()
  const r = new ReplicaSetController()
  const gc = new GarbageCollector()
  beforeEach(() => {
    tc = testCluster()
    tc.api.create(deployment('web', 2))
    tc.settle(d, r)
  })
  afterEach(() => tc.close())

  const count = (rt: typeof podType) => tc.api.list(rt, 'default').items.length

  it('deletes the ReplicaSets and then the pods of a Deployment deleted in the background', () => {
    expect([count(replicaSetType), count(podType)]).to.deep.equal([1, 2])
    const r0 = tc.api.delete(deploymentType, 'default', 'web', {propagationPolicy: 'Background'})
    expect(r0.removed).to.equal(true)
    tc.settle(gc, r)
    expect([count(replicaSetType), count(podType)]).to.deep.equal([0, 0])
    expect(tc.pass(gc).writes).to.equal(0)
  })

  it('keeps the ReplicaSet, without its ownerReference, when the Deployment is deleted with Orphan', () => {
    tc.api.delete(deploymentType, 'default', 'web', {propagationPolicy: 'Orphan'})
    tc.settle(gc, r)
    const [rs] = tc.api.list(replicaSetType, 'default').items
    expect(rs.metadata.ownerReferences).to.equal(undefined)
    expect(count(podType)).to.equal(2)
  })

  it('holds a Deployment deleted in the foreground until its ReplicaSet and pods are gone', () => {
    const r0 = tc.api.delete(deploymentType, 'default', 'web', {propagationPolicy: 'Foreground'})
    expect(r0.removed).to.equal(false)
    expect(r0.object.metadata.finalizers).to.deep.equal(['foregroundDeletion'])
    tc.pass(gc)
    expect(tc.api.peek('Deployment', 'default', 'web')).to.not.equal(undefined)
    const [rs] = tc.api.list(replicaSetType, 'default').items
    expect(rs.metadata.finalizers).to.deep.equal(['foregroundDeletion'])
    tc.settle(gc, r, d)
    expect([count(replicaSetType), count(podType)]).to.deep.equal([0, 0])
    expect(tc.api.peek('Deployment', 'default', 'web')).to.equal(undefined)
  })
})
