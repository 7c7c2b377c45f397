import {expect} from 'chai'

import {Sandbox} from '../helpers/cli.js'

const BARE = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: bare\nspec:\n  nodeName: ksim-worker\n  containers:\n  - name: c\n    image: nginx\n'
const SCRATCH = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: scratch\nspec:\n  nodeName: ksim-worker\n  containers:\n  - name: c\n    image: nginx\n  volumes:\n  - name: v\n    emptyDir: {}\n'

describe('ksim node stop/start, cordon, uncordon, drain and create node (API only)', function () {
  this.timeout(60_000)
  let sb: Sandbox
  beforeEach(() => {
    sb = new Sandbox('ksim-nodes-', {KSIM_NO_RECONCILER: '1'})
  })
  afterEach(() => sb.cleanup())

  it('stops and starts a node kubelet through its annotation, and rejects unknown nodes', () => {
    expect(sb.run(['node', 'stop', 'ksim-worker'])).to.deep.equal({
      stdout: 'node/ksim-worker stopped\n',
      stderr:
        'The node stays Ready until its last heartbeat is older than the node monitor grace period (50s); then it becomes NotReady and is tainted unreachable, and its pods are evicted once their tolerations run out (300s by default).\n',
      code: 0,
    })
    expect(sb.run(['get', 'node', 'ksim-worker', '-o', 'jsonpath={.metadata.annotations.ksim\\.io/kubelet-stopped}']).stdout).to.equal('true')
    // the node still says Ready (no grace period has passed); cluster status does not count it as Ready
    expect(sb.run(['cluster', 'status']).stdout.split('\n')[6]).to.equal('Nodes:        3 nodes, 2 Ready, 1 with kubelet stopped (ksim-worker)')
    expect(sb.run(['node', 'stop', 'ksim-worker'])).to.deep.equal({stdout: 'node/ksim-worker already stopped\n', stderr: '', code: 0})
    expect(sb.run(['node', 'start', 'ksim-worker', '--context', 'ksim']).code).to.equal(0)
    expect(sb.run(['node', 'stop', 'ksim-worker', '--context', 'ksim']).stderr, 'the grace period comes from the cluster').to.contain('(50s)')
    sb.run(['cluster', 'create', 'quick', '--nodes', '2', '--node-monitor-grace-period', '20s'])
    expect(sb.run(['node', 'stop', 'quick-worker']).stderr).to.contain('node monitor grace period (20s)')
    sb.run(['config', 'use-context', 'ksim'])
    expect(sb.run(['node', 'start', 'ksim-worker'])).to.deep.equal({stdout: 'node/ksim-worker started\n', stderr: '', code: 0})
    expect(sb.run(['node', 'stop', 'nope'])).to.deep.equal({stdout: '', stderr: 'Error from server (NotFound): nodes "nope" not found\n', code: 1})
    expect(sb.run(['node', 'start', 'nope']).code).to.equal(1)
  })

  it('cordons and uncordons as kubectl does, showing SchedulingDisabled in between', () => {
    expect(sb.run(['cordon', 'ksim-worker'])).to.deep.equal({stdout: 'node/ksim-worker cordoned\n', stderr: '', code: 0})
    expect(sb.run(['cordon', 'ksim-worker']).stdout).to.equal('node/ksim-worker already cordoned\n')
    expect(sb.run(['get', 'nodes', 'ksim-worker', '--no-headers']).stdout).to.match(/^ksim-worker\s+Ready,SchedulingDisabled\s/)
    expect(sb.run(['uncordon', 'ksim-worker'])).to.deep.equal({stdout: 'node/ksim-worker uncordoned\n', stderr: '', code: 0})
    expect(sb.run(['uncordon', 'ksim-worker']).stdout).to.equal('node/ksim-worker already uncordoned\n')
    expect(sb.run(['get', 'node', 'ksim-worker', '-o', 'jsonpath={.spec.unschedulable}']).stdout).to.equal('')
    expect(sb.run(['cordon', 'nope'])).to.deep.equal({stdout: '', stderr: 'Error from server (NotFound): nodes "nope" not found\n', code: 1})
  })

  it('cordons several nodes, nodes picked by -l, and nothing at all when one named node is missing', () => {
    const unschedulable = (node: string) => sb.run(['get', 'node', node, '-o', 'jsonpath={.spec.unschedulable}']).stdout
    expect(sb.run(['cordon', 'ksim-worker', 'ksim-worker2'])).to.deep.equal({stdout: 'node/ksim-worker cordoned\nnode/ksim-worker2 cordoned\n', stderr: '', code: 0})
    expect(sb.run(['uncordon', 'ksim-worker', 'nope'])).to.deep.equal({stdout: '', stderr: 'Error from server (NotFound): nodes "nope" not found\n', code: 1})
    expect(unschedulable('ksim-worker')).to.equal('true')
    expect(sb.run(['uncordon', '-l', 'kubernetes.io/hostname in (ksim-worker, ksim-control-plane)'])).to.deep.equal({
      stdout: 'node/ksim-control-plane already uncordoned\nnode/ksim-worker uncordoned\n',
      stderr: '',
      code: 0,
    })
    expect(sb.run(['cordon', '-l', 'no-such-label=1'])).to.deep.equal({stdout: '', stderr: '', code: 0})
    expect(sb.run(['cordon', 'ksim-worker', '-l', 'a=b'])).to.deep.equal({
      stdout: '',
      stderr: "error: cannot specify both a node name and a --selector option\nSee 'ksim cordon -h' for help and examples\n",
      code: 1,
    })
    expect(sb.run(['uncordon'])).to.deep.equal({stdout: '', stderr: "error: USAGE: uncordon NODE [flags]\nSee 'ksim uncordon -h' for help and examples\n", code: 1})
  })

  it('cordons with --dry-run without changing the node', () => {
    expect(sb.run(['cordon', 'ksim-worker', '--dry-run=client'])).to.deep.equal({stdout: 'node/ksim-worker cordoned (dry run)\n', stderr: '', code: 0})
    expect(sb.run(['cordon', 'ksim-worker', '--dry-run=server'])).to.deep.equal({stdout: 'node/ksim-worker cordoned (server dry run)\n', stderr: '', code: 0})
    expect(sb.run(['uncordon', 'ksim-worker', '--dry-run=client']).stdout).to.equal('node/ksim-worker already uncordoned (dry run)\n')
    expect(sb.run(['get', 'node', 'ksim-worker', '-o', 'jsonpath={.spec.unschedulable}']).stdout).to.equal('')
  })

  it('drains several nodes one after another, going on past one that cannot be drained', () => {
    sb.run(['create', '-f', '-'], {input: BARE})
    expect(sb.run(['drain', 'ksim-worker', 'ksim-worker2'])).to.deep.equal({
      stdout: 'node/ksim-worker cordoned\nnode/ksim-worker2 cordoned\nnode/ksim-worker2 drained\n',
      stderr: [
        'error: unable to drain node "ksim-worker" due to error: cannot delete cannot delete Pods that declare no controller (use --force to override): default/bare, continuing command...',
        'There are pending nodes to be drained:',
        ' ksim-worker',
        'cannot delete cannot delete Pods that declare no controller (use --force to override): default/bare',
        '',
      ].join('\n'),
      code: 1,
    })
    const other = BARE.replace('name: bare', 'name: other').replace('nodeName: ksim-worker', 'nodeName: ksim-worker2')
    const scratch = SCRATCH.replace('nodeName: ksim-worker', 'nodeName: ksim-worker2')
    sb.run(['create', '-f', '-'], {input: `${other}---\n${scratch}`})
    // two failing nodes: one line per node, each node's errors aggregated
    expect(sb.run(['drain', '-l', 'kubernetes.io/hostname notin (ksim-control-plane)']).stderr).to.equal(
      [
        'error: unable to drain node "ksim-worker" due to error: cannot delete cannot delete Pods that declare no controller (use --force to override): default/bare, continuing command...',
        'error: unable to drain node "ksim-worker2" due to error: [cannot delete cannot delete Pods that declare no controller (use --force to override): default/other, cannot delete Pods with local storage (use --delete-emptydir-data to override): default/scratch], continuing command...',
        'There are pending nodes to be drained:',
        ' ksim-worker',
        ' ksim-worker2',
        'cannot delete cannot delete Pods that declare no controller (use --force to override): default/bare',
        '[cannot delete cannot delete Pods that declare no controller (use --force to override): default/other, cannot delete Pods with local storage (use --delete-emptydir-data to override): default/scratch]',
        '',
      ].join('\n'),
    )
  })

  it('drains only the pods --pod-selector picks, and with --dry-run evicts nothing', () => {
    sb.run(['create', '-f', '-'], {input: `${BARE.replace('name: bare', 'name: bare\n  labels:\n    app: web')}---\n${SCRATCH}`})
    expect(sb.run(['drain', 'ksim-worker', '--force', '--pod-selector', 'app=web', '--dry-run=client'])).to.deep.equal({
      stdout: 'node/ksim-worker cordoned (dry run)\nevicting pod default/bare (dry run)\nnode/ksim-worker drained (dry run)\n',
      stderr: 'Warning: deleting Pods that declare no controller: default/bare\n',
      code: 0,
    })
    expect(sb.run(['drain', 'ksim-worker', '--force', '--pod-selector', 'app=web', '--dry-run=server']).stdout).to.equal(
      'node/ksim-worker cordoned (server dry run)\nevicting pod default/bare (server dry run)\nnode/ksim-worker drained (server dry run)\n',
    )
    expect(sb.run(['get', 'pods', '-o', 'name']).stdout).to.equal('pod/bare\npod/scratch\n')
    expect(sb.run(['get', 'node', 'ksim-worker', '-o', 'jsonpath={.spec.unschedulable}']).stdout).to.equal('')
    expect(sb.run(['drain', 'ksim-worker', '--force', '--pod-selector', 'app=web', '--grace-period', '0'])).to.deep.equal({
      stdout: 'node/ksim-worker cordoned\nevicting pod default/bare\npod/bare evicted\nnode/ksim-worker drained\n',
      stderr: 'Warning: deleting Pods that declare no controller: default/bare\n',
      code: 0,
    })
    expect(sb.run(['get', 'pods', '-o', 'name']).stdout).to.equal('pod/scratch\n')
    expect(sb.run(['drain', 'ksim-worker', '--pod-selector', 'app in'])).to.deep.equal({stdout: '', stderr: 'error: --pod-selector=<pod_selector> must be a valid label selector\n', code: 1})
  })

  it('deletes instead of evicting with --disable-eviction', () => {
    sb.run(['create', '-f', '-'], {input: BARE})
    expect(sb.run(['drain', 'ksim-worker', '--force', '--disable-eviction', '--grace-period', '0'])).to.deep.equal({
      stdout: 'node/ksim-worker cordoned\npod/bare deleted\nnode/ksim-worker drained\n',
      stderr: 'Warning: deleting Pods that declare no controller: default/bare\n',
      code: 0,
    })
  })

  it('refuses to drain bare and emptyDir pods without --force and --delete-emptydir-data, after cordoning', () => {
    sb.run(['create', '-f', '-'], {input: `${BARE}---\n${SCRATCH}`})
    expect(sb.run(['drain', 'ksim-worker'])).to.deep.equal({
      stdout: 'node/ksim-worker cordoned\n',
      stderr: [
        'error: unable to drain node "ksim-worker" due to error: [cannot delete cannot delete Pods that declare no controller (use --force to override): default/bare, cannot delete Pods with local storage (use --delete-emptydir-data to override): default/scratch], continuing command...',
        'There are pending nodes to be drained:',
        ' ksim-worker',
        'cannot delete cannot delete Pods that declare no controller (use --force to override): default/bare',
        'cannot delete Pods with local storage (use --delete-emptydir-data to override): default/scratch',
        '',
      ].join('\n'),
      code: 1,
    })
    expect(sb.run(['drain', 'ksim-worker', '--force']).stderr).to.equal(
      [
        'error: unable to drain node "ksim-worker" due to error: cannot delete Pods with local storage (use --delete-emptydir-data to override): default/scratch, continuing command...',
        'There are pending nodes to be drained:',
        ' ksim-worker',
        'cannot delete Pods with local storage (use --delete-emptydir-data to override): default/scratch',
        '',
      ].join('\n'),
    )
    expect(sb.run(['get', 'pods', '--no-headers', '-o', 'name']).stdout).to.equal('pod/bare\npod/scratch\n')
  })

  it('drains with --force and --delete-emptydir-data, evicting each pod and waiting until it is gone', () => {
    sb.run(['create', '-f', '-'], {input: `${BARE}---\n${SCRATCH}`})
    expect(sb.run(['drain', 'ksim-worker', '--force', '--delete-emptydir-data', '--grace-period', '0'])).to.deep.equal({
      stdout: ['node/ksim-worker cordoned', 'evicting pod default/bare', 'evicting pod default/scratch', 'pod/bare evicted', 'pod/scratch evicted', 'node/ksim-worker drained', ''].join('\n'),
      stderr: 'Warning: deleting Pods that declare no controller: default/bare, default/scratch\n',
      code: 0,
    })
    expect(sb.run(['get', 'pods']).stderr).to.equal('No resources found in default namespace.\n')
  })

  it('gives up waiting after --timeout, listing the pods still there', () => {
    sb.run(['create', '-f', '-'], {input: BARE})
    const r = sb.run(['drain', 'ksim-worker', '--force', '--timeout', '1s'])
    expect(r.code).to.equal(1)
    expect(r.stdout).to.equal('node/ksim-worker cordoned\nevicting pod default/bare\n')
    expect(r.stderr).to.equal(
      [
        'Warning: deleting Pods that declare no controller: default/bare',
        'There are pending pods in node "ksim-worker" when an error occurred: error when waiting for pod "bare" in namespace "default" to terminate: context deadline exceeded',
        'pod/bare',
        'error: unable to drain node "ksim-worker" due to error: error when waiting for pod "bare" in namespace "default" to terminate: context deadline exceeded, continuing command...',
        'There are pending nodes to be drained:',
        ' ksim-worker',
        'error when waiting for pod "bare" in namespace "default" to terminate: context deadline exceeded',
        '',
      ].join('\n'),
    )
    expect(sb.run(['get', 'pod', 'bare', '-o', 'jsonpath={.status.conditions[?(@.type=="DisruptionTarget")].reason}']).stdout).to.equal('EvictionByEvictionAPI')
  })

  it('creates a node with the given capacity, labels and taints, and deletes it', () => {
    expect(sb.run(['create', 'node', 'big', '--cpu', '16', '--memory', '64Gi', '--labels', 'disk=ssd', '--taints', 'dedicated=db:NoSchedule'])).to.deep.equal({stdout: 'node/big created\n', stderr: '', code: 0})
    expect(sb.run(['get', 'node', 'big', '-o', 'jsonpath={.status.capacity.cpu} {.status.capacity.memory} {.metadata.labels.disk} {.spec.taints[0].key}={.spec.taints[0].value}:{.spec.taints[0].effect}']).stdout).to.equal('16 64Gi ssd dedicated=db:NoSchedule')
    expect(sb.run(['get', 'nodes', 'big', '--no-headers']).stdout).to.match(/^big\s+Ready\s+<none>\s/)
    expect(sb.run(['create', 'node', 'big']).stderr).to.equal('Error from server (AlreadyExists): nodes "big" already exists\n')
    expect(sb.run(['delete', 'node', 'big']).stdout).to.equal('node "big" deleted\n')
  })
})
