import {expect} from 'chai'

import type {KObject} from '../../src/api/types.js'
import {ClusterRoleAggregationController} from '../../src/controllers/clusterrole-aggregation.js'
import {testCluster, type TestCluster} from './helpers.js'

describe('clusterrole aggregation controller', () => {
  let tc: TestCluster
  const c = new ClusterRoleAggregationController()
  beforeEach(() => (tc = testCluster()))
  afterEach(() => tc.close())

  const role = (name: string, labels: Record<string, string>, rules: Record<string, unknown>[], aggregate?: Record<string, string>) =>
    tc.api.create({apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'ClusterRole', metadata: {name, labels}, rules, ...(aggregate ? {aggregationRule: {clusterRoleSelectors: [{matchLabels: aggregate}]}} : {})} as KObject)
  const rulesOf = (name: string) => tc.api.peek('ClusterRole', '', name)?.rules

  it('gives an aggregated role the distinct rules of the roles it selects, by name, and follows their changes', () => {
    const read = {apiGroups: [''], resources: ['pods'], verbs: ['get']}
    const write = {apiGroups: ['apps'], resources: ['deployments'], verbs: ['update']}
    role('monitoring', {}, [], {'rbac.example.com/aggregate-to-monitoring': 'true'})
    role('z-pods', {'rbac.example.com/aggregate-to-monitoring': 'true'}, [read])
    role('a-deploys', {'rbac.example.com/aggregate-to-monitoring': 'true'}, [write, read])
    role('other', {}, [{apiGroups: [''], resources: ['secrets'], verbs: ['*']}])
    expect(tc.pass(c).writes).to.equal(1)
    expect(rulesOf('monitoring')).to.deep.equal([write, read])
    expect(tc.pass(c).writes).to.equal(0)
    tc.api.modify(tc.api.typeOf({apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'ClusterRole'} as KObject), '', 'other', (o) => {
      o.metadata.labels = {'rbac.example.com/aggregate-to-monitoring': 'true'}
    })
    tc.pass(c)
    expect(rulesOf('monitoring')).to.deep.equal([write, read, {apiGroups: [''], resources: ['secrets'], verbs: ['*']}])
  })
})
