// Field sets as structured-merge-diff builds them, checked against what a v1.35 cluster shows: the
// server-side apply documentation's ConfigMap example, `kubectl create deployment`'s Update entry, and the
// FieldsV1 encoding (`.` for a node that is itself owned, `k:` keys sorted, `v:` set values).
import {expect} from 'chai'

import type {KObject} from '../../../src/api/types.js'

import {compare, fromFieldsV1, pathString, toFieldSet, toFieldsV1, SEP} from '../../../src/api/managed/field-set.js'
import {stripMeta} from '../../../src/api/managed/entries.js'
import {rootShape} from '../../../src/api/managed/shape.js'
import {Api} from '../../../src/api/server.js'
import {useTempStores} from '../../store/temp-store.js'

const fieldsOf = (obj: KObject) => toFieldsV1(stripMeta(toFieldSet(obj, rootShape(obj.apiVersion, obj.kind))))

describe('field sets', () => {
  const stores = useTempStores()

  it("an applied ConfigMap owns its labels' keys and data keys, as in the server-side apply docs", () => {
    const cm = {apiVersion: 'v1', kind: 'ConfigMap', metadata: {name: 'test-cm', namespace: 'default', labels: {'test-label': 'test'}}, data: {key: 'some value'}}
    expect(fieldsOf(cm)).to.deep.equal({'f:data': {'f:key': {}}, 'f:metadata': {'f:labels': {'f:test-label': {}}}})
  })

  it('keys list items by their list-map keys, defaulting protocol, and sets by value; atomic structs are leaves', () => {
    const pod = {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: {name: 'p', finalizers: ['a/b']},
      spec: {containers: [{name: 'c', image: 'nginx', ports: [{containerPort: 80}], env: [{name: 'A', valueFrom: {fieldRef: {fieldPath: 'spec.nodeName'}}}]}], nodeSelector: {disk: 'ssd'}},
    }
    expect(fieldsOf(pod)).to.deep.equal({
      'f:metadata': {'f:finalizers': {'v:"a/b"': {}}},
      'f:spec': {
        'f:containers': {
          'k:{"name":"c"}': {
            '.': {},
            'f:env': {'k:{"name":"A"}': {'.': {}, 'f:name': {}, 'f:valueFrom': {'f:fieldRef': {}}}},
            'f:image': {},
            'f:name': {},
            'f:ports': {'k:{"containerPort":80,"protocol":"TCP"}': {'.': {}, 'f:containerPort': {}}},
          },
        },
        'f:nodeSelector': {'f:disk': {}},
      },
    })
  })

  it('reads FieldsV1 back into the same set, and prints paths as fieldpath does', () => {
    const v1 = {'f:metadata': {'f:labels': {'.': {}, 'f:app': {}}}, 'f:spec': {'f:ports': {'k:{"port":80,"protocol":"TCP"}': {'.': {}, 'f:port': {}}}}}
    const set = fromFieldsV1(v1)
    expect(toFieldsV1(set)).to.deep.equal(v1)
    expect([...set].map(pathString).sort()).to.deep.equal(['.metadata.labels', '.metadata.labels.app', '.spec.ports[port=80,protocol="TCP"]', '.spec.ports[port=80,protocol="TCP"].port'])
    expect(pathString(['f:metadata', 'f:finalizers', 'v:"x"'].join(SEP))).to.equal('.metadata.finalizers[="x"]')
  })

  it('compares two versions: a new map is added itself, a changed leaf is modified, a dropped key removed', () => {
    const shape = rootShape('v1', 'ConfigMap')
    const c = compare({metadata: {name: 'a'}, data: {x: '1', y: '2'}}, {metadata: {name: 'a', labels: {l: 'v'}}, data: {x: '9'}}, shape)
    const show = (s: Set<string>) => [...s].map(pathString).sort()
    expect(show(c.added)).to.deep.equal(['.metadata.labels', '.metadata.labels.l'])
    expect(show(c.modified)).to.deep.equal(['.data.x'])
    expect(show(c.removed)).to.deep.equal(['.data.y'])
  })

  it('records `kubectl create deployment` as a v1.35 cluster does: defaults owned, status not, pointers marked', () => {
    const api = new Api(stores.open(), {clock: {now: () => new Date('2026-07-01T10:00:00.400Z')}, fieldManager: 'kubectl-create'})
    api.create({apiVersion: 'v1', kind: 'Namespace', metadata: {name: 'default'}})
    const dep = api.create({
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: {name: 'web', namespace: 'default', labels: {app: 'web'}},
      spec: {replicas: 1, selector: {matchLabels: {app: 'web'}}, template: {metadata: {labels: {app: 'web'}}, spec: {containers: [{name: 'nginx', image: 'nginx'}]}}},
    }).object
    const labels = {'.': {}, 'f:app': {}}
    expect(dep.metadata.managedFields).to.deep.equal([
      {
        apiVersion: 'apps/v1',
        fieldsType: 'FieldsV1',
        fieldsV1: {
          'f:metadata': {'f:labels': labels},
          'f:spec': {
            'f:progressDeadlineSeconds': {},
            'f:replicas': {},
            'f:revisionHistoryLimit': {},
            'f:selector': {},
            'f:strategy': {'f:rollingUpdate': {'.': {}, 'f:maxSurge': {}, 'f:maxUnavailable': {}}, 'f:type': {}},
            'f:template': {
              'f:metadata': {'f:labels': labels},
              'f:spec': {
                'f:containers': {
                  'k:{"name":"nginx"}': {'.': {}, 'f:image': {}, 'f:imagePullPolicy': {}, 'f:name': {}, 'f:resources': {}, 'f:terminationMessagePath': {}, 'f:terminationMessagePolicy': {}},
                },
                'f:dnsPolicy': {},
                'f:restartPolicy': {},
                'f:schedulerName': {},
                'f:securityContext': {},
                'f:terminationGracePeriodSeconds': {},
              },
            },
          },
        },
        manager: 'kubectl-create',
        operation: 'Update',
        time: '2026-07-01T10:00:00Z',
      },
    ])
  })
})
