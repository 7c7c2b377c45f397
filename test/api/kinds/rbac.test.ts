import {expect} from 'chai'

import type {KObject} from '../../../src/api/types.js'
import {useKindApi} from './kind-api.js'

const FIXED = new Date('2026-01-02T03:04:05Z')
const GROUP = 'rbac.authorization.k8s.io/v1'

describe('RBAC kinds', () => {
  const {api, failure} = useKindApi(FIXED)

  it('take path-segment names such as system:controller:x, and refuse slashes', () => {
    const a = api()
    expect(a.create({apiVersion: GROUP, kind: 'ClusterRole', metadata: {name: 'system:controller:x'}, rules: []} as KObject).object.metadata.name).to.equal('system:controller:x')
    expect(failure(() => a.create({apiVersion: GROUP, kind: 'Role', metadata: {name: 'a/b', namespace: 'default'}} as KObject))).to.equal('The Role "a/b" is invalid: metadata.name: Invalid value: "a/b": may not contain \'/\'')
  })

  it("refuse rules without verbs, groups or resources, and URLs in a Role, with the API server's messages", () => {
    const role = (r: Record<string, unknown>[]) => ({apiVersion: GROUP, kind: 'Role', metadata: {name: 'r', namespace: 'default'}, rules: r}) as KObject
    expect(failure(() => api().create(role([{resources: ['pods']}, {verbs: ['get'], nonResourceURLs: ['/x'], resources: ['pods']}])))).to.equal(
      'The Role "r" is invalid: \n* rules[0].verbs: Required value: verbs must contain at least one value\n* rules[0].apiGroups: Required value: resource rules must supply at least one api group\n' +
        '* rules[1].nonResourceURLs: Invalid value: []string{"/x"}: namespaced rules cannot apply to non-resource URLs\n* rules[1].nonResourceURLs: Invalid value: []string{"/x"}: rules cannot apply to both regular resources and non-resource URLs',
    )
  })

  it('default subjects\' API group, check roleRef and subjects, and keep roleRef as created', () => {
    const a = api()
    const binding = a.create({apiVersion: GROUP, kind: 'RoleBinding', metadata: {name: 'b', namespace: 'default'}, roleRef: {kind: 'Role', name: 'r'}, subjects: [{kind: 'User', name: 'u'}, {kind: 'ServiceAccount', name: 'sa'}]} as KObject).object
    expect([binding.roleRef, binding.subjects]).to.deep.equal([{kind: 'Role', name: 'r', apiGroup: 'rbac.authorization.k8s.io'}, [{kind: 'User', name: 'u', apiGroup: 'rbac.authorization.k8s.io'}, {kind: 'ServiceAccount', name: 'sa'}]])
    expect(failure(() => a.update({...binding, roleRef: {apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: 'r'}}))).to.equal(
      'The RoleBinding "b" is invalid: roleRef: Invalid value: rbac.RoleRef{APIGroup:"rbac.authorization.k8s.io", Kind:"ClusterRole", Name:"r"}: cannot change roleRef',
    )
    expect(failure(() => a.create({apiVersion: GROUP, kind: 'ClusterRoleBinding', metadata: {name: 'c'}, roleRef: {kind: 'Role', name: 'r'}, subjects: [{kind: 'ServiceAccount', name: 'sa'}, {kind: 'Robot', name: 'x'}]} as KObject))).to.equal(
      'The ClusterRoleBinding "c" is invalid: \n* roleRef.kind: Unsupported value: "Role": supported values: "ClusterRole"\n* subjects[0].namespace: Required value\n* subjects[1].kind: Unsupported value: "Robot": supported values: "ServiceAccount", "User", "Group"',
    )
  })
})
