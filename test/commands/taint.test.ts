import {expect} from 'chai'

import {Sandbox} from '../helpers/cli.js'

const USAGE = "\nSee 'ksim taint -h' for help and examples\n"

describe('ksim taint (API only)', function () {
  this.timeout(60_000)
  let sb: Sandbox
  beforeEach(() => {
    sb = new Sandbox('ksim-taint-', {KSIM_NO_RECONCILER: '1'})
  })
  afterEach(() => sb.cleanup())

  const taints = (node: string) => sb.run(['get', 'node', node, '-o', 'jsonpath={.spec.taints}']).stdout
  const ok = (stdout: string) => ({stdout, stderr: '', code: 0})
  const fails = (stderr: string, stdout = '') => ({stdout, stderr, code: 1})

  it('adds taints in front of the ones there, refuses an existing key and effect without --overwrite, and replaces it with it', () => {
    expect(sb.run(['taint', 'nodes', 'ksim-worker', 'dedicated=special-user:NoSchedule'])).to.deep.equal(ok('node/ksim-worker tainted\n'))
    expect(sb.run(['taint', 'no', 'ksim-worker', 'bar:NoSchedule', 'k=v:NoExecute'])).to.deep.equal(ok('node/ksim-worker tainted\n'))
    // neither kubectl nor the API server sets timeAdded on a taint a user adds (kubernetes#98482)
    expect(taints('ksim-worker')).to.equal(
      '[{"effect":"NoSchedule","key":"bar"},{"effect":"NoExecute","key":"k","value":"v"},{"effect":"NoSchedule","key":"dedicated","value":"special-user"}]',
    )
    expect(sb.run(['taint', 'node', 'ksim-worker', 'dedicated=other:NoSchedule', 'bar=1:NoSchedule', 'bar:NoExecute'])).to.deep.equal(
      fails('error: node ksim-worker already has dedicated,bar taint(s) with same effect(s) and --overwrite is false\n'),
    )
    expect(sb.run(['taint', 'Node', 'ksim-worker', 'dedicated=other:NoSchedule', '--overwrite'])).to.deep.equal(ok('node/ksim-worker modified\n'))
    expect(taints('ksim-worker')).to.equal(
      '[{"effect":"NoSchedule","key":"dedicated","value":"other"},{"effect":"NoSchedule","key":"bar"},{"effect":"NoExecute","key":"k","value":"v"}]',
    )
    // a taint with the same key and another effect is another taint
    expect(sb.run(['taint', 'nodes', 'ksim-worker', 'dedicated=x:PreferNoSchedule'])).to.deep.equal(ok('node/ksim-worker tainted\n'))
  })

  it('removes taints by key and effect or by key alone, and names the ones it cannot find', () => {
    sb.run(['taint', 'nodes', 'ksim-worker', 'a=1:NoSchedule', 'a=2:NoExecute', 'b:NoSchedule'])
    expect(sb.run(['taint', 'nodes', 'ksim-worker', 'a:NoExecute-'])).to.deep.equal(ok('node/ksim-worker untainted\n'))
    expect(sb.run(['taint', 'nodes', 'ksim-worker', 'a:NoExecute-'])).to.deep.equal(fails('error: taint "a:NoExecute" not found\n'))
    // several misses on one node: one line each, without `error: `
    expect(sb.run(['taint', 'nodes', 'ksim-worker', 'nope-', 'b:PreferNoSchedule-'])).to.deep.equal(fails('taint "nope" not found\ntaint "b:PreferNoSchedule" not found\n'))
    expect(taints('ksim-worker')).to.equal('[{"effect":"NoSchedule","key":"a","value":"1"},{"effect":"NoSchedule","key":"b"}]')
    // adding one and removing another is `modified`
    expect(sb.run(['taint', 'nodes', 'ksim-worker', 'c=3:NoExecute', 'a-'])).to.deep.equal(ok('node/ksim-worker modified\n'))
    expect(sb.run(['taint', 'nodes', 'ksim-worker', 'b-', 'c=3:NoExecute-'])).to.deep.equal(ok('node/ksim-worker untainted\n'))
    // no taints left: the field is gone, as kubectl's patch sets it to null
    expect(sb.run(['get', 'node', 'ksim-worker', '-o', 'jsonpath={.spec}']).stdout).to.not.include('taints')
  })

  it("rejects what kubectl rejects before it touches a node, with kubectl's words", () => {
    expect(sb.run(['taint'])).to.deep.equal(fails('error: one or more resources must be specified as <resource> <name>\n'))
    expect(sb.run(['taint', 'nodes', 'ksim-worker'])).to.deep.equal(fails('error: at least one taint update is required\n'))
    expect(sb.run(['taint', 'nodes', 'ksim-worker', 'a=b:NoSchedule', 'x'])).to.deep.equal(fails('error: all resources must be specified before taint changes: x\n'))
    expect(sb.run(['taint', 'nodes', 'ksim-worker', 'a:Foo'])).to.deep.equal(fails(`error: invalid taint effect: Foo, unsupported taint effect${USAGE}`))
    expect(sb.run(['taint', 'nodes', 'ksim-worker', 'a=b=c:NoSchedule'])).to.deep.equal(fails(`error: invalid taint spec: a=b=c:NoSchedule${USAGE}`))
    expect(sb.run(['taint', 'nodes', 'ksim-worker', 'a=b:NoSchedule', 'a=c:NoSchedule'])).to.deep.equal(
      fails(`error: duplicated taints with the same key and effect: {a c NoSchedule <nil>}${USAGE}`),
    )
    // kubectl reads the type as an explain path: `node/NAME` is not a type
    expect(sb.run(['taint', 'node/ksim-worker', 'a=b:NoSchedule'])).to.deep.equal(fails('the server doesn\'t have a resource type "node/ksim-worker"\n'))
    expect(sb.run(['taint', 'foo', 'x', 'a=b:NoSchedule'])).to.deep.equal(fails('the server doesn\'t have a resource type "foo"\n'))
    expect(sb.run(['taint', 'pods', 'x', 'a=b:NoSchedule'])).to.deep.equal(fails('error: invalid resource type pods, only node types are supported\n'))
    expect(sb.run(['taint', 'Deployments.apps', 'x', 'a=b:NoSchedule'])).to.deep.equal(fails('error: invalid resource type deployments.apps, only node types are supported\n'))
    expect(sb.run(['taint', 'nodes', 'ksim-worker', 'a=b:NoSchedule', 'a-', 'b=c:NoExecute', 'b:NoExecute-', 'b:NoSchedule-'])).to.deep.equal(
      fails('error: can not both modify and remove the following taint(s) in the same command: a=, b=NoExecute\n'),
    )
    expect(sb.run(['taint', 'nodes', '--all', '-l', 'x=y', 'a=b:NoSchedule'])).to.deep.equal(fails("error: setting 'all' parameter with a non empty selector is prohibited\n"))
    expect(sb.run(['taint', 'nodes', 'a=b:NoSchedule'])).to.deep.equal(fails("error: at least one resource name must be specified since 'all' parameter is not set\n"))
    expect(sb.run(['taint', 'nodes', 'ksim-worker', 'a=b:NoSchedule', '--validate=bogus'])).to.deep.equal(
      fails('error: invalid - validate option "bogus"; must be one of: strict (or true), warn, ignore (or false)\n'),
    )
    expect(sb.run(['taint', 'nodes', 'ksim-worker', 'a=b:NoSchedule', '-o', 'wide'])).to.deep.equal(
      fails('error: unable to match a printer suitable for the output format "wide", allowed formats are: go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,yaml\n'),
    )
    expect(taints('ksim-worker')).to.equal('')
  })

  it('taints several nodes, going on past the ones that fail and reporting them together', () => {
    sb.run(['taint', 'nodes', 'ksim-worker', 'a=1:NoSchedule'])
    expect(sb.run(['taint', 'nodes', 'ksim-worker', 'ksim-worker2', 'nope', 'a=2:NoSchedule'])).to.deep.equal(
      fails('node ksim-worker already has a taint(s) with same effect(s) and --overwrite is false\nError from server (NotFound): nodes "nope" not found\n', 'node/ksim-worker2 tainted\n'),
    )
    expect(sb.run(['taint', 'nodes', 'nope', 'a=2:NoSchedule'])).to.deep.equal(fails('Error from server (NotFound): nodes "nope" not found\n'))
    expect(sb.run(['taint', 'nodes', '-l', 'kubernetes.io/hostname in (ksim-worker, ksim-worker2)', 'sel=1:PreferNoSchedule'])).to.deep.equal(
      ok('node/ksim-worker tainted\nnode/ksim-worker2 tainted\n'),
    )
    expect(sb.run(['taint', 'nodes', '-l', 'no-such-label=1', 'x=1:NoSchedule'])).to.deep.equal(ok(''))
    // --all taints every node, whatever names are given
    expect(sb.run(['taint', 'nodes', 'ksim-worker', '--all', 'all=1:NoExecute'])).to.deep.equal(
      ok('node/ksim-control-plane tainted\nnode/ksim-worker tainted\nnode/ksim-worker2 tainted\n'),
    )
    expect(taints('ksim-control-plane')).to.equal('[{"effect":"NoExecute","key":"all","value":"1"},{"effect":"NoSchedule","key":"node-role.kubernetes.io/control-plane"}]')
  })

  it('leaves the node alone with --dry-run (and says so no differently), and prints the node with -o', () => {
    expect(sb.run(['taint', 'nodes', 'ksim-worker', 'a=b:NoSchedule', '--dry-run=client'])).to.deep.equal(ok('node/ksim-worker tainted\n'))
    expect(sb.run(['taint', 'nodes', 'ksim-worker', 'a=b:NoSchedule', '--dry-run=server'])).to.deep.equal(ok('node/ksim-worker tainted\n'))
    expect(sb.run(['taint', 'nodes', 'ksim-worker', 'a=b:NoSchedule', '--dry-run=client', '-o', 'jsonpath={.spec.taints}'])).to.deep.equal(ok('[{"effect":"NoSchedule","key":"a","value":"b"}]'))
    expect(taints('ksim-worker')).to.equal('')
    const rv = sb.run(['get', 'node', 'ksim-worker', '-o', 'jsonpath={.metadata.resourceVersion}']).stdout
    const json = sb.run(['taint', 'nodes', 'ksim-worker', 'a=b:NoSchedule', '-o', 'json'])
    expect(json.code).to.equal(0)
    const node = JSON.parse(json.stdout)
    expect(node.spec.taints).to.deep.equal([{effect: 'NoSchedule', key: 'a', value: 'b'}])
    expect(Number(node.metadata.resourceVersion)).to.be.greaterThan(Number(rv))
    expect(sb.run(['taint', 'nodes', 'ksim-worker', 'ksim-worker2', 'c:NoSchedule', '-o', 'name'])).to.deep.equal(ok('node/ksim-worker\nnode/ksim-worker2\n'))
    const yaml = sb.run(['taint', 'nodes', 'ksim-worker', 'ksim-worker2', 'c:NoSchedule-', '-o', 'yaml']).stdout
    expect(yaml.split('\n').filter((l) => l === '---' || l.startsWith('kind: '))).to.deep.equal(['kind: Node', '---', 'kind: Node'])
  })
})
