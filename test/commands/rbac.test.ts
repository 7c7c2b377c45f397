import {expect} from 'chai'

import {Sandbox} from '../helpers/cli.js'

describe('ksim create role|clusterrole|rolebinding|clusterrolebinding, set subject, get and describe (API only)', function () {
  this.timeout(120_000)
  let sb: Sandbox
  beforeEach(() => {
    sb = new Sandbox('ksim-rbac-cmd-', {KSIM_NO_RECONCILER: '1'})
  })
  afterEach(() => sb.cleanup())

  const rules = (kind: string, name: string) => JSON.parse(sb.run(['get', kind, name, '-o', 'jsonpath={.rules}']).stdout)

  it('has the bootstrap cluster-admin role and binding', () => {
    expect(sb.run(['get', 'clusterrolebinding', 'cluster-admin', '-o', 'jsonpath={.roleRef.name} {.subjects[0].name}']).stdout).to.equal('cluster-admin system:masters')
    expect(sb.run(['describe', 'clusterrole', 'cluster-admin']).stdout).to.equal(
      'Name:         cluster-admin\nLabels:       kubernetes.io/bootstrapping=rbac-defaults\nAnnotations:  rbac.authorization.kubernetes.io/autoupdate: true\nPolicyRule:\n' +
        '  Resources  Non-Resource URLs  Resource Names  Verbs\n  ---------  -----------------  --------------  -----\n  *.*        []                 []              [*]\n             [*]                []              [*]\n',
    )
  })

  it('builds one rule per API group from resources, short names and subresources', () => {
    expect(sb.run(['create', 'role', 'reader', '--verb=get,list', '--verb=get', '--resource=pods/status,rs.apps/scale,deploy', '--resource-name=a', '--resource-name=a'])).to.deep.equal({stdout: 'role.rbac.authorization.k8s.io/reader created\n', stderr: '', code: 0})
    expect(rules('role', 'reader')).to.deep.equal([
      {apiGroups: [''], resources: ['pods/status'], resourceNames: ['a'], verbs: ['get', 'list']},
      {apiGroups: ['apps'], resources: ['replicasets/scale', 'deployments'], resourceNames: ['a'], verbs: ['get', 'list']},
    ])
    expect(sb.run(['create', 'role', 'all', '--verb=get,*', '--resource=*,pods', '-o', 'jsonpath={.rules}']).stdout).to.equal('[{"apiGroups":[""],"resources":["*"],"verbs":["*"]}]')
    expect(sb.run(['describe', 'role', 'reader']).stdout).to.equal(
      'Name:         reader\nLabels:       <none>\nAnnotations:  <none>\nPolicyRule:\n  Resources               Non-Resource URLs  Resource Names  Verbs\n  ---------               -----------------  --------------  -----\n' +
        '  pods/status             []                 [a]             [get list]\n  deployments.apps        []                 [a]             [get list]\n  replicasets.apps/scale  []                 [a]             [get list]\n',
    )
    expect(sb.run(['get', 'roles', '--no-headers']).stdout).to.match(/^all\s+\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ\nreader\s+\d{4}-/)
  })

  it("refuses what kubectl's create role and clusterrole refuse, with their messages", () => {
    const err = (args: string[]) => sb.run(['create', ...args])
    expect(err(['role', 'r', '--resource=pods'])).to.deep.equal({stdout: '', stderr: 'error: at least one verb must be specified\n', code: 1})
    expect(err(['role', 'r', '--verb=get']).stderr).to.equal('error: at least one resource must be specified\n')
    expect(err(['role', 'r', '--verb=get', '--resource=invalid-resource']).stderr).to.equal('the server doesn\'t have a resource type "invalid-resource"\n')
    expect(err(['role', 'r', '--verb=get', '--resource=rs.invalid-group/scale']).stderr).to.equal('the server doesn\'t have a resource type "rs" in group "invalid-group"\n')
    expect(err(['role', 'r', '--verb=bind', '--resource=pods']).stderr).to.equal("error: can not perform 'bind' on 'pods' in group ''\n")
    expect(err(['role', 'odd', '--verb=fly', '--resource=pods'])).to.deep.equal({stdout: 'role.rbac.authorization.k8s.io/odd created\n', stderr: "Warning: 'fly' is not a standard resource verb\n", code: 0})
    expect(err(['clusterrole', 'c', '--verb=get']).stderr).to.equal('error: one of resource or nonResourceURL must be specified\n')
    expect(err(['clusterrole', 'c', '--verb=list', '--non-resource-url=/logs']).stderr).to.equal("error: invalid verb: 'list' for nonResourceURL\n")
    expect(err(['clusterrole', 'c', '--verb=get', '--non-resource-url=logs']).stderr).to.equal('error: nonResourceURL should start with /\n')
    expect(err(['clusterrole', 'c', '--verb=get', '--non-resource-url=/a*/b']).stderr).to.equal("error: nonResourceURL only supports wildcard matches when '*' is at the end\n")
    expect(err(['clusterrole', 'c', '--verb=get', '--aggregation-rule=a=b']).stderr).to.equal('error: aggregation rule must be specified without nonResourceURLs, verbs, resources or resourceNames\n')
    expect(err(['rolebinding', 'b', '--user=u']).stderr).to.equal('error: exactly one of clusterrole or role must be specified\n')
    expect(err(['rolebinding', 'b', '--role=r', '--serviceaccount=nons']).stderr).to.equal('error: serviceaccount must be <namespace>:<name>\n')
    expect(err(['clusterrolebinding', 'b', '--user=u']).stderr).to.equal('error: failed to create clusterrolebinding: ClusterRoleBinding.rbac.authorization.k8s.io "b" is invalid: roleRef.name: Required value\n')
    expect(sb.run(['get', 'roles', '-o', 'name']).stdout).to.equal('role.rbac.authorization.k8s.io/odd\n')
    expect(sb.run(['get', 'rolebindings,clusterrolebindings', '-o', 'name']).stdout).to.equal('clusterrolebinding.rbac.authorization.k8s.io/cluster-admin\n')
  })

  it('creates cluster roles with URLs and aggregation rules, and bindings whose subjects set subject extends', () => {
    sb.run(['create', 'clusterrole', 'url-reader', '--verb=get', '--non-resource-url=/logs/*', '--non-resource-url=/healthz/*'])
    expect(rules('clusterrole', 'url-reader')).to.deep.equal([{nonResourceURLs: ['/logs/*', '/healthz/*'], verbs: ['get']}])
    expect(sb.run(['create', 'clusterrole', 'agg', '--aggregation-rule=foo1=foo2', '-o', 'jsonpath={.aggregationRule}']).stdout).to.equal('{"clusterRoleSelectors":[{"matchLabels":{"foo1":"foo2"}}]}')
    expect(sb.run(['create', 'rolebinding', 'admin', '--clusterrole=admin', '--user=default-admin', '--serviceaccount=other:sa']).stdout).to.equal('rolebinding.rbac.authorization.k8s.io/admin created\n')
    expect(sb.run(['set', 'subject', 'rolebinding', 'admin', '--user=foo', '--group=devs', '--serviceaccount=:bot'])).to.deep.equal({stdout: 'rolebinding.rbac.authorization.k8s.io/admin subjects updated\n', stderr: '', code: 0})
    expect(sb.run(['get', 'rolebinding', 'admin', '-o', 'wide']).stdout).to.match(/^NAME\s+ROLE\s+AGE\s+USERS\s+GROUPS\s+SERVICEACCOUNTS\nadmin\s+ClusterRole\/admin\s+\d+s\s+default-admin, foo\s+devs\s+other\/sa, default\/bot\n$/)
    // nothing new: no write, no line
    expect(sb.run(['set', 'subject', 'rolebinding', 'admin', '--user=foo'])).to.deep.equal({stdout: '', stderr: '', code: 0})
    expect(sb.run(['describe', 'rolebinding', 'admin']).stdout).to.equal(
      'Name:         admin\nLabels:       <none>\nAnnotations:  <none>\nRole:\n  Kind:  ClusterRole\n  Name:  admin\nSubjects:\n  Kind            Name           Namespace\n  ----            ----           ---------\n' +
        '  User            default-admin  \n  ServiceAccount  sa             other\n  User            foo            \n  Group           devs           \n  ServiceAccount  bot            default\n',
    )
    sb.run(['create', 'clusterrolebinding', 'ops', '--clusterrole=view', '--group=ops'])
    expect(sb.run(['set', 'subject', 'clusterrolebinding', 'ops', '--serviceaccount=:bot']).stderr).to.equal('error: serviceaccount must be <namespace>:<name>, namespace must be specified\n')
    expect(sb.run(['set', 'subject', 'clusterrolebinding', 'ops']).stderr).to.equal('error: you must specify at least one value of user, group or serviceaccount\n')
    expect(sb.run(['set', 'subject', 'clusterrolebinding', '--all', '--user=all', '--dry-run=server']).stdout).to.equal('clusterrolebinding.rbac.authorization.k8s.io/cluster-admin subjects updated (server dry run)\nclusterrolebinding.rbac.authorization.k8s.io/ops subjects updated (server dry run)\n')
    expect(sb.run(['get', 'clusterrolebinding', 'ops', '-o', 'jsonpath={.subjects[*].name}']).stdout).to.equal('ops')
  })
})
