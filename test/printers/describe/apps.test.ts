import {expect} from 'chai'

import type {KObject} from '../../../src/api/types.js'

import {describerFor} from '../../../src/printers/describe/index.js'
import {NOW, ago} from '../fixtures.js'

const template = {metadata: {labels: {app: 'db'}}, spec: {containers: [{name: 'redis', image: 'redis:7', ports: [{containerPort: 6379, name: 'redis', protocol: 'TCP'}]}]}}

const sts: KObject = {
  apiVersion: 'apps/v1',
  kind: 'StatefulSet',
  metadata: {name: 'db', namespace: 'default', uid: 'u1', creationTimestamp: ago(600)},
  spec: {
    replicas: 3,
    selector: {matchLabels: {app: 'db'}},
    updateStrategy: {type: 'RollingUpdate', rollingUpdate: {partition: 1}},
    template,
    volumeClaimTemplates: [{metadata: {name: 'data'}, spec: {accessModes: ['ReadWriteOnce'], resources: {requests: {storage: '1024Mi'}}}}],
  },
  status: {replicas: 2},
}

const ds: KObject = {
  apiVersion: 'apps/v1',
  kind: 'DaemonSet',
  metadata: {name: 'agent', namespace: 'default', uid: 'u2', creationTimestamp: ago(600), annotations: {'deprecated.daemonset.template.generation': '1'}},
  spec: {selector: {matchLabels: {app: 'agent'}}, template: {metadata: {labels: {app: 'agent'}}, spec: {containers: [{name: 'agent', image: 'busybox'}]}}},
  status: {desiredNumberScheduled: 2, currentNumberScheduled: 2, numberReady: 1, updatedNumberScheduled: 2, numberAvailable: 1, numberMisscheduled: 0},
}

const podOf = (owner: KObject, phase: string): KObject => ({apiVersion: 'v1', kind: 'Pod', metadata: {name: 'p', ownerReferences: [{apiVersion: 'apps/v1', kind: owner.kind, name: owner.metadata.name!, uid: owner.metadata.uid!, controller: true}]}, status: {phase}})

describe('describe statefulset and daemonset', () => {
  it('prints a StatefulSet with its partition, pod phases, template and claim templates', () => {
    const out = describerFor('StatefulSet')(sts, {now: NOW, events: [], pods: [podOf(sts, 'Running'), podOf(sts, 'Pending')]} as never)
    expect(out).to.equal(
      'Name:               db\n' +
        'Namespace:          default\n' +
        'CreationTimestamp:  Wed, 01 Jul 2026 11:50:00 +0000\n' +
        'Selector:           app=db\n' +
        'Labels:             <none>\n' +
        'Annotations:        <none>\n' +
        'Replicas:           3 desired | 2 total\n' +
        'Update Strategy:    RollingUpdate\n' +
        '  Partition:        1\n' +
        'Pods Status:        1 Running / 1 Waiting / 0 Succeeded / 0 Failed\n' +
        'Pod Template:\n' +
        '  Labels:  app=db\n' +
        '  Containers:\n' +
        '   redis:\n' +
        '    Image:         redis:7\n' +
        '    Port:          6379/TCP (redis)\n' +
        '    Host Port:     0/TCP (redis)\n' +
        '    Environment:   <none>\n' +
        '    Mounts:        <none>\n' +
        '  Volumes:         <none>\n' +
        '  Node-Selectors:  <none>\n' +
        '  Tolerations:     <none>\n' +
        'Volume Claims:\n' +
        '  Name:          data\n' +
        '  StorageClass:  \n' +
        '  Labels:        <none>\n' +
        '  Annotations:   <none>\n' +
        '  Capacity:      1Gi\n' +
        '  Access Modes:  [ReadWriteOnce]\n' +
        'Events:          <none>\n',
    )
  })

  it('prints a DaemonSet\'s node counts outside the aligned block, as kubectl does', () => {
    const out = describerFor('DaemonSet')(ds, {now: NOW, events: [], pods: [podOf(ds, 'Running')]} as never)
    expect(out.split('Pod Template:')[0]).to.equal(
      'Name:           agent\n' +
        'Namespace:      default\n' +
        'Selector:       app=agent\n' +
        'Node-Selector:  <none>\n' +
        'Labels:         <none>\n' +
        'Annotations:    deprecated.daemonset.template.generation: 1\n' +
        'Desired Number of Nodes Scheduled: 2\n' +
        'Current Number of Nodes Scheduled: 2\n' +
        'Number of Nodes Scheduled with Up-to-date Pods: 2\n' +
        'Number of Nodes Scheduled with Available Pods: 1\n' +
        'Number of Nodes Misscheduled: 0\n' +
        'Pods Status:  1 Running / 0 Waiting / 0 Succeeded / 0 Failed\n',
    )
  })
})
