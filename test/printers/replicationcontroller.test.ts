import {expect} from 'chai'

import type {KObject} from '../../src/api/types.js'

import {describerFor} from '../../src/printers/describe/index.js'
import {renderTable} from '../../src/printers/table/index.js'
import {NOW, ago, event} from './fixtures.js'

const UID = 'rc-uid-1'

function rc(name: string, opts: {replicas?: number; status?: Record<string, unknown>; selector?: Record<string, string>; containers?: {name: string; image: string}[]} = {}): KObject {
  const selector = opts.selector ?? {app: 'guestbook', tier: 'frontend'}
  return {
    apiVersion: 'v1',
    kind: 'ReplicationController',
    metadata: {name, namespace: 'default', uid: UID, creationTimestamp: ago(300), labels: selector},
    spec: {
      replicas: opts.replicas ?? 3,
      selector,
      template: {metadata: {labels: selector}, spec: {containers: opts.containers ?? [{name: 'php-redis', image: 'gb-frontend:v4'}]}},
    },
    status: opts.status ?? {replicas: 3, readyReplicas: 2, fullyLabeledReplicas: 3, availableReplicas: 2, observedGeneration: 1},
  } as KObject
}

const pod = (name: string, phase: string, labels: Record<string, string>, owner = UID): KObject => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: {name, namespace: 'default', labels, ownerReferences: [{apiVersion: 'v1', kind: 'ReplicationController', name: 'frontend', uid: owner, controller: true}]},
  status: {phase},
})

describe('replicationcontroller printers', () => {
  it('prints NAME DESIRED CURRENT READY AGE, and with -o wide the containers, images and selector map', () => {
    const two = rc('redis', {replicas: 0, status: {replicas: 0}, selector: {role: 'slave', app: 'redis'}, containers: [{name: 'slave', image: 'redis:7'}, {name: 'log', image: 'busybox'}]})
    expect(renderTable([rc('frontend'), two], {now: NOW})).to.equal('NAME       DESIRED   CURRENT   READY   AGE\nfrontend   3         3         2       5m\nredis      0         0         0       5m\n')
    expect(renderTable([rc('frontend'), two], {now: NOW, wide: true})).to.equal(
      'NAME       DESIRED   CURRENT   READY   AGE   CONTAINERS   IMAGES            SELECTOR\n' +
        'frontend   3         3         2       5m    php-redis    gb-frontend:v4    app=guestbook,tier=frontend\n' +
        'redis      0         0         0       5m    slave,log    redis:7,busybox   app=redis,role=slave\n',
    )
  })

  it('describes the selector map, replica counts, the phases of the pods it controls and selects, the template and events', () => {
    const labels = {app: 'guestbook', tier: 'frontend'}
    const pods = [pod('a', 'Running', labels), pod('b', 'Pending', labels), pod('c', 'Failed', labels), pod('d', 'Running', {app: 'guestbook'}), pod('e', 'Running', labels, 'other')]
    const created = event('frontend.1', {involvedObject: {kind: 'ReplicationController', name: 'frontend', namespace: 'default', uid: UID}, reason: 'SuccessfulCreate',
      message: 'Created pod: frontend-x7k2p', source: {component: 'replication-controller'}, firstTimestamp: ago(60), lastTimestamp: ago(60)})
    const out = describerFor('ReplicationController')(rc('frontend'), {now: NOW, events: [created], showEvents: true, pods} as never)
    expect(out).to.equal(
      'Name:         frontend\n' +
        'Namespace:    default\n' +
        'Selector:     app=guestbook,tier=frontend\n' +
        'Labels:       app=guestbook\n' +
        '              tier=frontend\n' +
        'Annotations:  <none>\n' +
        'Replicas:     3 current / 3 desired\n' +
        'Pods Status:  1 Running / 1 Waiting / 0 Succeeded / 1 Failed\n' +
        'Pod Template:\n' +
        '  Labels:  app=guestbook\n' +
        '           tier=frontend\n' +
        '  Containers:\n' +
        '   php-redis:\n' +
        '    Image:         gb-frontend:v4\n' +
        '    Port:          <none>\n' +
        '    Host Port:     <none>\n' +
        '    Environment:   <none>\n' +
        '    Mounts:        <none>\n' +
        '  Volumes:         <none>\n' +
        '  Node-Selectors:  <none>\n' +
        '  Tolerations:     <none>\n' +
        'Events:\n' +
        '  Type    Reason            Age   From                    Message\n' +
        '  ----    ------            ----  ----                    -------\n' +
        '  Normal  SuccessfulCreate  60s   replication-controller  Created pod: frontend-x7k2p\n',
    )
  })

  it('describes a controller with conditions and without events as kubectl does', () => {
    const failing = rc('frontend', {status: {replicas: 0, conditions: [{type: 'ReplicaFailure', status: 'True', reason: 'FailedCreate'}]}})
    const out = describerFor('ReplicationController')(failing, {now: NOW, events: [], showEvents: false, pods: []} as never)
    expect(out).to.contain('Replicas:     0 current / 3 desired\nPods Status:  0 Running / 0 Waiting / 0 Succeeded / 0 Failed\n')
    expect(out.endsWith('Conditions:\n  Type             Status  Reason\n  ----             ------  ------\n  ReplicaFailure   True    FailedCreate\n')).to.equal(true)
  })
})
