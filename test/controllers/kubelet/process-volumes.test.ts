// The process runtime's volume files: each plugin's payload (keys or items to paths, defaultMode and
// item modes, optional sources, the downward API's formats), the atomic writer's layout on disk and its
// updates, and which mounts a container gets.
import type {Pod, Volume} from 'kubernetes-types/core/v1.js'
import type {KObject} from '../../../src/api/types.js'

import {expect} from 'chai'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import {timestampDirName, writeAtomically} from '../../../src/controllers/kubelet/process/atomic-writer.js'
import {containerMounts, hostPathIn, linkTree} from '../../../src/controllers/kubelet/process/mounts.js'
import {volumePayload, type Payload} from '../../../src/controllers/kubelet/process/volume-files.js'

const objects: Record<string, KObject> = {
  'ConfigMap/game': {apiVersion: 'v1', kind: 'ConfigMap', metadata: {name: 'game'}, data: {'game.properties': 'lives=3\n', 'ui.properties': 'color=blue\n'}, binaryData: {logo: Buffer.from([1, 2]).toString('base64')}},
  'Secret/pw': {apiVersion: 'v1', kind: 'Secret', metadata: {name: 'pw'}, data: {password: Buffer.from('s3cret').toString('base64')}},
}
const lookup = (kind: string, _ns: string, name: string): KObject | undefined => objects[`${kind}/${name}`]
const pod: Pod = {metadata: {name: 'web', namespace: 'default', uid: 'u-1', labels: {tier: 'front', app: 'shop'}, annotations: {note: 'say "hi"'}}, spec: {containers: [{name: 'app', resources: {limits: {memory: '64Mi'}}}]}}

// path → [text, octal mode]
function files(p: Payload | undefined): Record<string, [string, string]> | string {
  if (!p) return 'none'
  if ('error' in p) return p.error
  return Object.fromEntries([...p.files].map(([k, f]) => [k, [f.data.toString('utf8'), f.mode.toString(8)]]))
}
const of = (v: Omit<Volume, 'name'>) => files(volumePayload(pod, {name: 'v', ...v}, lookup))

describe('process runtime: volume files', () => {
  it('a configMap without items: every key (data and binaryData) with the defaultMode, 0644 when unset', () => {
    expect(of({configMap: {name: 'game'}})).to.deep.equal({'game.properties': ['lives=3\n', '644'], 'ui.properties': ['color=blue\n', '644'], logo: ['\x01\x02', '644']})
    expect(of({configMap: {name: 'game', defaultMode: 0o400}})).to.deep.include({'ui.properties': ['color=blue\n', '400']})
  })

  it('items: only the listed keys at their paths, the item mode over defaultMode', () => {
    expect(of({configMap: {name: 'game', defaultMode: 0o600, items: [{key: 'game.properties', path: 'conf/game', mode: 0o755}, {key: 'ui.properties', path: 'ui'}]}})).to.deep.equal({'conf/game': ['lives=3\n', '755'], ui: ['color=blue\n', '600']})
  })

  it('missing objects and keys: the plugin error, nothing when optional', () => {
    expect(of({configMap: {name: 'nope'}})).to.equal('configmap "nope" not found')
    expect(of({secret: {secretName: 'nope'}})).to.equal('secret "nope" not found')
    expect(of({configMap: {name: 'nope', optional: true}})).to.deep.equal({})
    expect(of({configMap: {name: 'game', items: [{key: 'x', path: 'x'}]}})).to.equal('configmap references non-existent config key: x')
    expect(of({secret: {secretName: 'pw', items: [{key: 'x', path: 'x'}]}})).to.equal('references non-existent secret key: x')
    expect(of({configMap: {name: 'game', optional: true, items: [{key: 'x', path: 'x'}, {key: 'ui.properties', path: 'ui'}]}})).to.deep.equal({ui: ['color=blue\n', '644']})
  })

  it('a secret: its data decoded', () => {
    expect(of({secret: {secretName: 'pw', defaultMode: 0o440}})).to.deep.equal({password: ['s3cret', '440']})
  })

  it('downwardAPI: labels and annotations as sorted key="value" lines, fields, resources', () => {
    const items = [
      {path: 'labels', fieldRef: {fieldPath: 'metadata.labels'}},
      {path: 'annotations', fieldRef: {fieldPath: 'metadata.annotations'}},
      {path: 'name', fieldRef: {fieldPath: 'metadata.name'}, mode: 0o600},
      {path: 'mem', resourceFieldRef: {containerName: 'app', resource: 'limits.memory', divisor: '1Mi'}},
    ]
    expect(of({downwardAPI: {items}})).to.deep.equal({labels: ['app="shop"\ntier="front"', '644'], annotations: ['note="say \\"hi\\""', '644'], name: ['web', '600'], mem: ['64', '644']})
  })

  it('projected: the sources together with the volume defaultMode; the token of serviceAccountToken is not issued', () => {
    const v = {projected: {defaultMode: 0o444, sources: [{serviceAccountToken: {path: 'token'}}, {configMap: {name: 'game', items: [{key: 'ui.properties', path: 'ui'}]}}, {downwardAPI: {items: [{path: 'namespace', fieldRef: {fieldPath: 'metadata.namespace'}}]}}]}}
    expect(of(v)).to.deep.equal({ui: ['color=blue\n', '444'], namespace: ['default', '444']})
    expect(of({projected: {sources: [{secret: {name: 'nope'}}]}})).to.equal('secret "nope" not found')
  })

  it('an emptyDir has no payload', () => {
    expect(of({emptyDir: {}})).to.equal('none')
  })
})

describe('process runtime: atomic writer', () => {
  let dir: string
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ksim-aw-'))
  })
  afterEach(() => fs.rmSync(dir, {recursive: true, force: true}))

  const f = (text: string, mode = 0o644) => ({data: Buffer.from(text), mode})
  const listing = (): string[] => fs.readdirSync(dir).sort().map((n) => (fs.lstatSync(path.join(dir, n)).isSymbolicLink() ? `${n} -> ${fs.readlinkSync(path.join(dir, n))}` : n))

  it('names the timestamped folder as MkdirTemp does with the kubelet prefix', () => {
    expect(timestampDirName(new Date('2026-12-07T07:05:09.123Z'), 42)).to.equal('..2026_12_07_07_05_09.42')
  })

  it('writes the ..data layout, keeps it when nothing changed, swaps it on a change', () => {
    expect(writeAtomically(dir, new Map([['a', f('1', 0o400)], ['sub/b', f('2')]]))).to.equal(true)
    const first = fs.readlinkSync(path.join(dir, '..data'))
    expect(first).to.match(/^\.\.\d{4}_\d\d_\d\d_\d\d_\d\d_\d\d\.\d+$/)
    expect(listing()).to.deep.equal([first, `..data -> ${first}`, 'a -> ..data/a', 'sub -> ..data/sub'])
    expect(fs.statSync(path.join(dir, 'a')).mode & 0o777).to.equal(0o400)
    expect(fs.statSync(path.join(dir, first)).mode & 0o777).to.equal(0o755)
    expect(fs.readFileSync(path.join(dir, 'sub', 'b'), 'utf8')).to.equal('2')
    expect(writeAtomically(dir, new Map([['a', f('1', 0o400)], ['sub/b', f('2')]]))).to.equal(false)
    // a new value, a key gone, a mode changed
    expect(writeAtomically(dir, new Map([['a', f('9', 0o644)]]))).to.equal(true)
    const second = fs.readlinkSync(path.join(dir, '..data'))
    expect(second).to.not.equal(first)
    expect(listing()).to.deep.equal([second, `..data -> ${second}`, 'a -> ..data/a'])
    expect(fs.readFileSync(path.join(dir, 'a'), 'utf8')).to.equal('9')
    expect(fs.statSync(path.join(dir, 'a')).mode & 0o777).to.equal(0o644)
  })
})

describe('process runtime: container mounts', () => {
  const podWith: Pod = {
    metadata: {name: 'p', uid: 'u'},
    spec: {
      volumes: [{name: 'cache', emptyDir: {}}, {name: 'cfg', configMap: {name: 'game'}}, {name: 'claim', persistentVolumeClaim: {claimName: 'c'}}],
      containers: [{name: 'app', volumeMounts: [{name: 'cache', mountPath: '/cache/'}, {name: 'cfg', mountPath: '/etc/config'}, {name: 'claim', mountPath: '/data'}, {name: 'cache', mountPath: '/logs', subPath: 'logs', readOnly: true}]}],
    },
  }

  it('each mount of a volume with a folder, read-only for API data volumes and readOnly mounts; subPath inside the volume', () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'ksim-mounts-'))
    try {
      const dirs = new Map([['cache', path.join(root, 'cache')], ['cfg', path.join(root, 'cfg')]])
      const mounts = containerMounts({pod: podWith, container: podWith.spec!.containers[0], init: false}, dirs)
      expect(mounts).to.deep.equal([
        {source: path.join(root, 'cache'), target: '/cache', readOnly: false},
        {source: path.join(root, 'cfg'), target: '/etc/config', readOnly: true},
        {source: path.join(root, 'cache', 'logs'), target: '/logs', readOnly: true},
      ])
      // the emptyDir's subPath is made
      expect(fs.statSync(path.join(root, 'cache', 'logs')).isDirectory()).to.equal(true)
      // without namespaces: links under KSIM_ROOT
      const tree = linkTree(path.join(root, 'inst'), mounts)
      expect(fs.readlinkSync(path.join(tree, 'etc', 'config'))).to.equal(path.join(root, 'cfg'))
    } finally {
      fs.rmSync(root, {recursive: true, force: true})
    }
  })

  it('finds a path of the container\'s on the host through the deepest mount on its way', () => {
    const at = hostPathIn([{source: '/v/a', target: '/etc/config', readOnly: true}, {source: '/v/b', target: '/etc/config/sub', readOnly: false}])
    expect([at('/etc/config'), at('/etc/config/x.sh'), at('/etc/config/sub/y'), at('/etc/configs/z'), at('/bin/sh')]).to.deep.equal(['/v/a', '/v/a/x.sh', '/v/b/y', '/etc/configs/z', '/bin/sh'])
  })
})
