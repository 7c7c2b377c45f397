// Objects the PDB tests share: a ReplicaSet (optionally owned by a Deployment) and pods of it that are
// Running and Ready (or not), written straight through the Api.
import type {KObject} from '../../../src/api/types.js'
import type {TestCluster} from '../helpers.js'

import {podType} from '../../../src/api/kinds/pod.js'

export function replicaSet(tc: TestCluster, name: string, replicas: number, owner?: KObject): KObject {
  const labels = {app: 'web'}
  const ownerReferences = owner ? [{apiVersion: 'apps/v1', kind: owner.kind, name: owner.metadata.name!, uid: owner.metadata.uid!, controller: true}] : undefined
  return tc.api.create({
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: {name, namespace: 'default', ...(ownerReferences ? {ownerReferences} : {})},
    spec: {replicas, selector: {matchLabels: labels}, template: {metadata: {labels}, spec: {containers: [{name: 'web', image: 'nginx'}]}}},
  }).object
}

/** A pod labelled app=web, owned by `owner` (none: bare), on ksim-worker, Running and Ready unless `ready` is false. */
export function webPod(tc: TestCluster, name: string, owner: KObject | undefined, ready = true): KObject {
  const ownerReferences = owner ? [{apiVersion: 'apps/v1', kind: owner.kind, name: owner.metadata.name!, uid: owner.metadata.uid!, controller: true}] : undefined
  const pod = tc.pod(name, {nodeName: 'ksim-worker', containers: [{name: 'web', image: 'nginx'}]}, {labels: {app: 'web'}, ...(ownerReferences ? {ownerReferences} : {})})
  tc.api.updateStatus({...pod, status: {phase: 'Running', conditions: [{type: 'Ready', status: ready ? 'True' : 'False'}]}})
  return tc.api.get(podType, 'default', name)
}

export function pdb(tc: TestCluster, name: string, spec: Record<string, unknown>): KObject {
  return tc.api.create({apiVersion: 'policy/v1', kind: 'PodDisruptionBudget', metadata: {name, namespace: 'default'}, spec: {selector: {matchLabels: {app: 'web'}}, ...spec}}).object
}
