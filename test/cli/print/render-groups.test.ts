// Every kind in every `get` output format, through the same code the command uses, with `now` pinned.
import {expect} from 'chai'

import type {KObject} from '../../../src/api/types.js'

import '../../../src/api/kinds/index.js'
import {lookupKind} from '../../../src/api/registry.js'
import {parseOutputFormat} from '../../../src/cli/print/output-format.js'
import {renderGroups} from '../../../src/cli/print/render-groups.js'
import {NOW, ago, event, node, pod} from '../../printers/fixtures.js'

const objects: KObject[] = [
  pod('web', {age: 90, status: {phase: 'Pending'}}),
  node('n1', {age: 3600, ready: 'True'}),
  {apiVersion: 'v1', kind: 'Namespace', metadata: {name: 'team', creationTimestamp: ago(7200), labels: {a: 'b'}}, status: {phase: 'Active'}},
  event('web.1', {count: 2, involvedObject: {kind: 'Pod', name: 'web', namespace: 'default'}, reason: 'Scheduled', type: 'Normal', message: 'Successfully assigned default/web to n1', lastTimestamp: ago(30), firstTimestamp: ago(60)}),
  {apiVersion: 'v1', kind: 'ConfigMap', metadata: {name: 'cfg', namespace: 'default', creationTimestamp: ago(5)}, data: {a: '1', b: '2'}},
  {apiVersion: 'v1', kind: 'Secret', metadata: {name: 'pw', namespace: 'default', creationTimestamp: ago(5)}, type: 'Opaque', data: {p: 'eA=='}},
]

const opts = {now: NOW, withNamespace: false, withKind: false, noHeaders: false, showLabels: false, labelColumns: [], color: false, singleObject: true}

function render(obj: KObject, output: string | undefined): string {
  const rt = lookupKind(obj.apiVersion, obj.kind)!
  return renderGroups([{rt, objects: [obj], listed: false}], parseOutputFormat(output), opts)
}

describe('get output formats for every kind', () => {
  it('prints each kind as a table with its own columns', () => {
    expect(objects.map((o) => render(o, undefined))).to.deep.equal([
      'NAME   READY   STATUS    RESTARTS   AGE\nweb    0/1     Pending   0          90s\n',
      'NAME   STATUS   ROLES    AGE   VERSION\nn1     Ready    <none>   60m   v1.34.1\n',
      'NAME   STATUS   AGE\nteam   Active   120m\n',
      'LAST SEEN   TYPE     REASON      OBJECT    MESSAGE\n30s         Normal   Scheduled   pod/web   Successfully assigned default/web to n1\n',
      'NAME   DATA   AGE\ncfg    2      5s\n',
      'NAME   TYPE     DATA   AGE\npw     Opaque   1      5s\n',
    ])
  })

  it('prints each kind by name, as kind[.group]/name', () => {
    expect(objects.map((o) => render(o, 'name'))).to.deep.equal(['pod/web\n', 'node/n1\n', 'namespace/team\n', 'event/web.1\n', 'configmap/cfg\n', 'secret/pw\n'])
  })

  it('prints each kind as sorted-key JSON and YAML that read back to the object', () => {
    for (const o of objects) {
      expect(JSON.parse(render(o, 'json'))).to.deep.equal(JSON.parse(JSON.stringify(o)))
      const yaml = render(o, 'yaml')
      expect(yaml.startsWith(`apiVersion: v1\n`), o.kind).to.equal(true)
      expect(yaml).to.contain(`kind: ${o.kind}\n`)
    }
  })

  it('prints jsonpath and custom columns for each kind', () => {
    expect(objects.map((o) => render(o, 'jsonpath={.kind}/{.metadata.name}')).join(' ')).to.equal('Pod/web Node/n1 Namespace/team Event/web.1 ConfigMap/cfg Secret/pw')
    expect(objects.map((o) => render(o, 'custom-columns=KIND:.kind,NAME:.metadata.name,MISSING:.nope'))).to.deep.equal([
      'KIND   NAME   MISSING\nPod    web    <none>\n',
      'KIND   NAME   MISSING\nNode   n1     <none>\n',
      'KIND        NAME   MISSING\nNamespace   team   <none>\n',
      'KIND    NAME    MISSING\nEvent   web.1   <none>\n',
      'KIND        NAME   MISSING\nConfigMap   cfg    <none>\n',
      'KIND     NAME   MISSING\nSecret   pw     <none>\n',
    ])
  })

  it('prints the wide pod and node columns', () => {
    expect(render(objects[0], 'wide')).to.equal(
      'NAME   READY   STATUS    RESTARTS   AGE   IP       NODE     NOMINATED NODE   READINESS GATES\nweb    0/1     Pending   0          90s   <none>   <none>   <none>           <none>\n',
    )
    expect(render(objects[1], 'wide').split('\n')[0].split(/ {3,}/)).to.deep.equal([
      'NAME', 'STATUS', 'ROLES', 'AGE', 'VERSION', 'INTERNAL-IP', 'EXTERNAL-IP', 'OS-IMAGE', 'KERNEL-VERSION', 'CONTAINER-RUNTIME',
    ])
  })
})
