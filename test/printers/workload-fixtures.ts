// A Deployment and its ReplicaSets as the controllers leave them, for printer tests.
import type {KObject} from '../../src/api/types.js'

import {ago} from './fixtures.js'

const template = (hash?: string, image = 'nginx:1.27') => ({
  metadata: {labels: {app: 'web', ...(hash ? {'pod-template-hash': hash} : {})}},
  spec: {containers: [{name: 'nginx', image, ports: [{containerPort: 80, protocol: 'TCP'}]}, {name: 'log', image: 'busybox'}]},
})

export const deploymentObj: KObject = {
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: {name: 'web', namespace: 'default', uid: 'd-uid', labels: {app: 'web'}, annotations: {'deployment.kubernetes.io/revision': '2'}, creationTimestamp: ago(600), generation: 2},
  spec: {replicas: 3, selector: {matchLabels: {app: 'web'}}, strategy: {type: 'RollingUpdate', rollingUpdate: {maxSurge: '25%', maxUnavailable: '25%'}}, template: template()},
  status: {
    observedGeneration: 2, replicas: 4, updatedReplicas: 2, readyReplicas: 3, availableReplicas: 3, unavailableReplicas: 1,
    conditions: [
      {type: 'Available', status: 'True', reason: 'MinimumReplicasAvailable', message: 'Deployment has minimum availability.', lastUpdateTime: ago(590), lastTransitionTime: ago(590)},
      {type: 'Progressing', status: 'True', reason: 'ReplicaSetUpdated', message: 'ReplicaSet "web-5d8f9c7b6" is progressing.', lastUpdateTime: ago(5), lastTransitionTime: ago(600)},
    ],
  },
}

const owner = [{apiVersion: 'apps/v1', kind: 'Deployment', name: 'web', uid: 'd-uid', controller: true, blockOwnerDeletion: true}]

export function replicaSetObj(hash: string, replicas: number, ready: number, age: number, image = 'nginx:1.27'): KObject {
  return {
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: {name: `web-${hash}`, namespace: 'default', uid: `rs-${hash}`, labels: {app: 'web', 'pod-template-hash': hash}, ownerReferences: owner, creationTimestamp: ago(age),
      annotations: {'deployment.kubernetes.io/desired-replicas': '3', 'deployment.kubernetes.io/max-replicas': '4', 'deployment.kubernetes.io/revision': '1'}},
    spec: {replicas, selector: {matchLabels: {app: 'web', 'pod-template-hash': hash}}, template: template(hash, image)},
    status: {replicas, readyReplicas: ready, availableReplicas: ready},
  }
}
