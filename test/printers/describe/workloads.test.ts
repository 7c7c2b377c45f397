import {expect} from 'chai'

import type {KObject} from '../../../src/api/types.js'

import {describerFor} from '../../../src/printers/describe/index.js'
import {NOW, ago, event} from '../fixtures.js'
import {deploymentObj, replicaSetObj} from '../workload-fixtures.js'

const old = replicaSetObj('7c6b5d4f9', 2, 2, 600, 'nginx:1.26')
const fresh = replicaSetObj('5d8f9c7b6', 2, 1, 30)
const scaled = event('web.1', {involvedObject: {kind: 'Deployment', name: 'web', namespace: 'default'}, reason: 'ScalingReplicaSet',
  message: 'Scaled up replica set web-5d8f9c7b6 from 0 to 1', source: {component: 'deployment-controller'}, firstTimestamp: ago(30), lastTimestamp: ago(30)})

const podOf = (rs: KObject, phase: string): KObject => ({apiVersion: 'v1', kind: 'Pod', metadata: {name: 'p', ownerReferences: [{apiVersion: 'apps/v1', kind: 'ReplicaSet', name: rs.metadata.name!, uid: rs.metadata.uid!, controller: true}]}, status: {phase}})

describe('describe deployment and replicaset', () => {
  it('prints a deployment mid-rollout with its replica line, strategy, template, conditions and both sets', () => {
    const out = describerFor('Deployment')!(deploymentObj, {now: NOW, events: [scaled], replicaSets: [old, fresh]} as never)
    expect(out).to.equal(
      'Name:                   web\n' +
        'Namespace:              default\n' +
        'CreationTimestamp:      Wed, 01 Jul 2026 11:50:00 +0000\n' +
        'Labels:                 app=web\n' +
        'Annotations:            deployment.kubernetes.io/revision: 2\n' +
        'Selector:               app=web\n' +
        'Replicas:               3 desired | 2 updated | 4 total | 3 available | 1 unavailable\n' +
        'StrategyType:           RollingUpdate\n' +
        'MinReadySeconds:        0\n' +
        'RollingUpdateStrategy:  25% max unavailable, 25% max surge\n' +
        'Pod Template:\n' +
        '  Labels:  app=web\n' +
        '  Containers:\n' +
        '   nginx:\n' +
        '    Image:        nginx:1.27\n' +
        '    Port:         80/TCP\n' +
        '    Host Port:    0/TCP\n' +
        '    Environment:  <none>\n' +
        '    Mounts:       <none>\n' +
        '   log:\n' +
        '    Image:         busybox\n' +
        '    Port:          <none>\n' +
        '    Host Port:     <none>\n' +
        '    Environment:   <none>\n' +
        '    Mounts:        <none>\n' +
        '  Volumes:         <none>\n' +
        '  Node-Selectors:  <none>\n' +
        '  Tolerations:     <none>\n' +
        'Conditions:\n' +
        '  Type           Status  Reason\n' +
        '  ----           ------  ------\n' +
        '  Available      True    MinimumReplicasAvailable\n' +
        '  Progressing    True    ReplicaSetUpdated\n' +
        'OldReplicaSets:  web-7c6b5d4f9 (2/2 replicas created)\n' +
        'NewReplicaSet:   web-5d8f9c7b6 (2/2 replicas created)\n' +
        'Events:\n' +
        '  Type    Reason             Age   From                   Message\n' +
        '  ----    ------             ----  ----                   -------\n' +
        '  Normal  ScalingReplicaSet  30s   deployment-controller  Scaled up replica set web-5d8f9c7b6 from 0 to 1\n',
    )
  })

  it('prints a replicaset with its controller, replica and pod phase counts', () => {
    const out = describerFor('ReplicaSet')!(fresh, {now: NOW, events: [], pods: [podOf(fresh, 'Running'), podOf(fresh, 'Pending'), podOf(old, 'Running')]})
    expect(out.split('\n').slice(0, 12).join('\n')).to.equal(
      'Name:           web-5d8f9c7b6\n' +
        'Namespace:      default\n' +
        'Selector:       app=web,pod-template-hash=5d8f9c7b6\n' +
        'Labels:         app=web\n' +
        '                pod-template-hash=5d8f9c7b6\n' +
        'Annotations:    deployment.kubernetes.io/desired-replicas: 3\n' +
        '                deployment.kubernetes.io/max-replicas: 4\n' +
        '                deployment.kubernetes.io/revision: 1\n' +
        'Controlled By:  Deployment/web\n' +
        'Replicas:       2 current / 2 desired\n' +
        'Pods Status:    1 Running / 1 Waiting / 0 Succeeded / 0 Failed\n' +
        'Pod Template:',
    )
    expect(out.endsWith('  Tolerations:     <none>\nEvents:            <none>\n')).to.equal(true)
  })
})
