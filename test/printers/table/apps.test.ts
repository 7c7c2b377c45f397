import {expect} from 'chai'

import type {KObject} from '../../../src/api/types.js'

import {renderTable} from '../../../src/printers/table/index.js'
import {NOW} from '../fixtures.js'

const ago = (s: number): string => new Date(NOW.getTime() - s * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z')
const containers = [{name: 'nginx', image: 'nginx:1.27'}, {name: 'log', image: 'busybox'}]

const sts: KObject = {
  apiVersion: 'apps/v1',
  kind: 'StatefulSet',
  metadata: {name: 'web', namespace: 'default', creationTimestamp: ago(600)},
  spec: {replicas: 3, selector: {matchLabels: {app: 'web'}}, template: {spec: {containers}}},
  status: {replicas: 3, readyReplicas: 2},
}

const ds: KObject = {
  apiVersion: 'apps/v1',
  kind: 'DaemonSet',
  metadata: {name: 'agent', namespace: 'default', creationTimestamp: ago(30)},
  spec: {selector: {matchLabels: {app: 'agent'}}, template: {spec: {nodeSelector: {'kubernetes.io/os': 'linux'}, containers: containers.slice(1)}}},
  status: {desiredNumberScheduled: 2, currentNumberScheduled: 2, numberReady: 1, updatedNumberScheduled: 2, numberAvailable: 1, numberMisscheduled: 0},
}

const rev: KObject = {
  apiVersion: 'apps/v1',
  kind: 'ControllerRevision',
  metadata: {name: 'web-5d8f9c7b6', namespace: 'default', creationTimestamp: ago(600), ownerReferences: [{apiVersion: 'apps/v1', kind: 'StatefulSet', name: 'web', uid: 'u', controller: true}]},
  revision: 2,
}

describe('statefulset, daemonset and controllerrevision tables', () => {
  it('prints a StatefulSet as NAME READY AGE, wide with containers and images', () => {
    expect(renderTable([sts], {now: NOW})).to.equal('NAME   READY   AGE\nweb    2/3     10m\n')
    expect(renderTable([sts], {now: NOW, wide: true})).to.equal('NAME   READY   AGE   CONTAINERS   IMAGES\nweb    2/3     10m   nginx,log    nginx:1.27,busybox\n')
  })

  it('prints a DaemonSet\'s node counts and node selector, wide with the selector', () => {
    expect(renderTable([ds], {now: NOW})).to.equal(
      'NAME    DESIRED   CURRENT   READY   UP-TO-DATE   AVAILABLE   NODE SELECTOR            AGE\n' + 'agent   2         2         1       2            1           kubernetes.io/os=linux   30s\n',
    )
    expect(renderTable([ds], {now: NOW, wide: true})).to.equal(
      'NAME    DESIRED   CURRENT   READY   UP-TO-DATE   AVAILABLE   NODE SELECTOR            AGE   CONTAINERS   IMAGES    SELECTOR\n' +
        'agent   2         2         1       2            1           kubernetes.io/os=linux   30s   log          busybox   app=agent\n',
    )
  })

  it('names a revision\'s controller as kind.group/name', () => {
    expect(renderTable([rev], {now: NOW})).to.equal('NAME            CONTROLLER             REVISION   AGE\nweb-5d8f9c7b6   statefulset.apps/web   2          10m\n')
    const orphan = {...rev, metadata: {...rev.metadata, ownerReferences: undefined}}
    expect(renderTable([orphan], {now: NOW})).to.equal('NAME            CONTROLLER   REVISION   AGE\nweb-5d8f9c7b6   <none>       2          10m\n')
  })
})
