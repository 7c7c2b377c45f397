// The process runtime's volumes through the real CLI and reconciler: an emptyDir shared by a pod's init
// and app containers, a configMap volume with items and modes in the kubelet's `..data` layout, read-only,
// updated under a running program, a missing ConfigMap holding the pod in ContainerCreating with the
// kubelet's FailedMount event, and nothing left afterwards: no folder on disk, no process, and the host's
// own paths (/etc/config, /cache) untouched by the mounts.
import {expect} from 'chai'
import fs from 'node:fs'
import path from 'node:path'

import {Sandbox} from '../helpers/cli.js'
import {exists, groupMembers, recordedPids} from '../helpers/process-table.js'

const sleep = (ms: number): void => void Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms)

const configPod = (name: string, config: Record<string, unknown>): string =>
  JSON.stringify({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {name},
    spec: {
      containers: [{name: 'app', image: 'busybox', command: ['sleep', '600'], volumeMounts: [{name: 'config', mountPath: '/etc/config'}]}],
      volumes: [{name: 'config', configMap: config}],
    },
  })

describe('process runtime volumes (real processes, real reconciler)', function () {
  this.timeout(240_000)
  let sb: Sandbox
  let cluster: string
  const seen = new Set<number>()
  // host paths the tests mount over inside containers: their state on the host must not change
  const hostPaths = ['/etc/config', '/cache']
  const hostBefore = hostPaths.map((p) => fs.existsSync(p))

  before(function () {
    const probe = new Sandbox('ksim-vol-probe-')
    try {
      probe.run(['cluster', 'create', 'probe', '--nodes', '1', '--runtime', 'process'])
      probe.run(['run', 'probe', '--image=busybox', '--restart=Never', '--command', '--', 'true'])
      probe.run(['wait', '--for=jsonpath={.status.phase}=Succeeded', 'pod/probe', '--timeout=60s'])
      const reasons = probe.run(['get', 'events', '--field-selector', 'involvedObject.name=probe', '-o', 'jsonpath={.items[*].reason}']).stdout
      // without user namespaces volumes are under $KSIM_ROOT, not at their mountPath: said in the event
      if (reasons.includes('SandboxWithoutNamespaces')) this.skip()
    } finally {
      probe.cleanup()
    }
  })

  beforeEach(() => {
    sb = new Sandbox('ksim-vol-')
    cluster = path.join(sb.home, 'clusters', 'lab')
    seen.clear()
    expect(sb.run(['cluster', 'create', 'lab', '--nodes', '1', '--runtime', 'process']).code).to.equal(0)
  })
  afterEach(() => {
    try {
      for (const pid of recordedPids(path.join(cluster, 'containers'))) seen.add(pid)
    } finally {
      sb.cleanup()
    }
    expect([...seen].filter((pid) => exists(pid) || groupMembers(pid).length > 0), 'processes left behind').to.deep.equal([])
    expect(hostPaths.map((p) => fs.existsSync(p)), 'host paths changed').to.deep.equal(hostBefore)
  })

  it('shares an emptyDir between the init container and both app containers; deletion leaves nothing', () => {
    const manifest = JSON.stringify({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: {name: 'share'},
      spec: {
        initContainers: [{name: 'init', image: 'busybox', command: ['sh', '-c', 'echo from init > /cache/init'], volumeMounts: [{name: 'cache', mountPath: '/cache'}]}],
        containers: [
          {name: 'writer', image: 'busybox', command: ['sh', '-c', 'echo from writer > /cache/msg; exec sleep 600'], volumeMounts: [{name: 'cache', mountPath: '/cache'}]},
          {name: 'reader', image: 'busybox', command: ['sh', '-c', 'until [ -s /data/msg ]; do sleep 0.1; done; cat /data/init /data/msg; exec sleep 600'], volumeMounts: [{name: 'cache', mountPath: '/data'}]},
        ],
        volumes: [{name: 'cache', emptyDir: {}}],
      },
    })
    expect(sb.run(['apply', '-f', '-'], {input: manifest}).code).to.equal(0)
    expect(sb.run(['wait', '--for=condition=Ready', 'pod/share', '--timeout=60s']).code).to.equal(0)
    let logs = ''
    for (let i = 0; i < 100 && logs.split('\n').length < 3; i++, sleep(100)) logs = sb.run(['logs', 'share', '-c', 'reader']).stdout
    expect(logs).to.equal('from init\nfrom writer\n')
    const uid = sb.run(['get', 'pod', 'share', '-o', 'jsonpath={.metadata.uid}']).stdout
    const volume = path.join(cluster, 'pods', uid, 'volumes', 'kubernetes.io~empty-dir', 'cache')
    expect(fs.readFileSync(path.join(volume, 'msg'), 'utf8')).to.equal('from writer\n')
    expect(fs.statSync(volume).mode & 0o7777).to.equal(0o777)
    for (const pid of recordedPids(path.join(cluster, 'containers'))) seen.add(pid)
    expect(sb.run(['delete', 'pod', 'share', '--grace-period=1']).code).to.equal(0)
    for (let i = 0; i < 50 && fs.readdirSync(path.join(cluster, 'pods')).length > 0; i++) sleep(100)
    expect(fs.readdirSync(path.join(cluster, 'pods'))).to.deep.equal([])
    expect(fs.readdirSync(path.join(cluster, 'containers'))).to.deep.equal([])
  })

  it('a configMap volume with items and modes: the ..data layout, read-only, updated under the running program', () => {
    expect(sb.run(['create', 'configmap', 'game', '--from-literal=game.properties=lives=3', '--from-literal=ui.properties=color=blue']).code).to.equal(0)
    expect(sb.run(['apply', '-f', '-'], {input: configPod('cfg', {name: 'game', defaultMode: 0o440, items: [{key: 'game.properties', path: 'game', mode: 0o400}, {key: 'ui.properties', path: 'ui/colors'}]})}).code).to.equal(0)
    expect(sb.run(['wait', '--for=condition=Ready', 'pod/cfg', '--timeout=60s']).code).to.equal(0)
    const exec = (...cmd: string[]) => sb.run(['exec', 'cfg', '--', ...cmd])
    expect(exec('cat', '/etc/config/game')).to.deep.equal({stdout: 'lives=3', stderr: '', code: 0})
    expect(exec('stat', '--format=%a %n', '/etc/config/..data/game', '/etc/config/..data/ui/colors').stdout).to.equal('400 /etc/config/..data/game\n440 /etc/config/..data/ui/colors\n')
    const listing = exec('ls', '-la', '/etc/config').stdout
    expect(listing).to.match(/^total \d+\ndrwxrwxrwx +\d+ \S+ +\S+ .* \.\n/)
    expect(listing).to.match(/\ndrwxr-xr-x .* \.\.(\d{4}_\d\d_\d\d_\d\d_\d\d_\d\d\.\d+)\n/)
    expect(listing).to.match(/\nlrwxrwxrwx .* \.\.data -> \.\.\d{4}_\d\d_\d\d_\d\d_\d\d_\d\d\.\d+\n/)
    expect(listing).to.match(/\nlrwxrwxrwx .* game -> \.\.data\/game\n/)
    expect(listing).to.match(/\nlrwxrwxrwx .* ui -> \.\.data\/ui\n$/)
    const touch = exec('touch', '/etc/config/new')
    expect(touch.code).to.equal(1)
    expect(touch.stderr).to.include("cannot touch '/etc/config/new': Read-only file system")
    // the kubelet rewrites the files when the ConfigMap changes; the program sees the new value
    const replaced = sb.run(['create', 'configmap', 'game', '--from-literal=game.properties=lives=5', '--from-literal=ui.properties=color=blue', '--dry-run=client', '-o', 'yaml'])
    expect(sb.run(['replace', '-f', '-'], {input: replaced.stdout}).code).to.equal(0)
    let seenValue = ''
    for (let i = 0; i < 50 && seenValue !== 'lives=5'; i++, sleep(100)) seenValue = exec('cat', '/etc/config/game').stdout
    expect(seenValue).to.equal('lives=5')
  })

  it('a missing ConfigMap keeps the pod ContainerCreating with FailedMount; it starts once the ConfigMap exists', () => {
    expect(sb.run(['apply', '-f', '-'], {input: configPod('wait', {name: 'later'})}).code).to.equal(0)
    let events = ''
    for (let i = 0; i < 100 && !events; i++, sleep(100)) events = sb.run(['get', 'events', '--field-selector', 'reason=FailedMount', '-o', 'jsonpath={.items[*].message}']).stdout
    expect(events).to.equal('MountVolume.SetUp failed for volume "config" : configmap "later" not found')
    expect(sb.run(['get', 'pod', 'wait']).stdout).to.match(/\nwait +0\/1 +ContainerCreating +0 /)
    const containers = path.join(cluster, 'containers')
    expect(fs.existsSync(containers) ? fs.readdirSync(containers) : [], 'no container started').to.deep.equal([])
    expect(sb.run(['create', 'configmap', 'later', '--from-literal=k=v']).code).to.equal(0)
    expect(sb.run(['wait', '--for=condition=Ready', 'pod/wait', '--timeout=90s']).code).to.equal(0)
    expect(sb.run(['exec', 'wait', '--', 'cat', '/etc/config/k']).stdout).to.equal('v')
  })

  it('runs a program that lives in a volume: a script from a ConfigMap with defaultMode 0755', () => {
    expect(sb.run(['create', 'configmap', 'scripts', '--from-literal=hello.sh=#!/bin/sh\necho hello from $0 in $(hostname)']).code).to.equal(0)
    const manifest = JSON.stringify({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: {name: 'script'},
      spec: {
        restartPolicy: 'Never',
        containers: [{name: 'app', image: 'busybox', command: ['/scripts/hello.sh'], volumeMounts: [{name: 'scripts', mountPath: '/scripts'}]}],
        volumes: [{name: 'scripts', configMap: {name: 'scripts', defaultMode: 0o755}}],
      },
    })
    expect(sb.run(['apply', '-f', '-'], {input: manifest}).code).to.equal(0)
    expect(sb.run(['wait', '--for=jsonpath={.status.phase}=Succeeded', 'pod/script', '--timeout=90s']).code).to.equal(0)
    expect(sb.run(['logs', 'script'])).to.deep.equal({stdout: 'hello from /scripts/hello.sh in script\n', stderr: '', code: 0})
  })
})
