// The describer registry: one describer per kind, each a pure function of the object and context.
import type {KObject} from '../../api/types.js'

import {describeConfigMap, describeSecret} from './configmap.js'
import {describeNamespace} from './namespace.js'
import {describeNode} from './node.js'
import {describeEndpointSlice, describeEndpoints, describeService} from './service.js'
import {describeDeployment} from './deployment.js'
import {describeReplicaSet} from './replicaset.js'
import {describeJob} from './job.js'
import {describeCronJob} from './cronjob.js'
import {describeStatefulSet} from './statefulset.js'
import {describeDaemonSet} from './daemonset.js'
import {describeServiceAccount} from './serviceaccount.js'
import {describeGeneric} from './generic.js'
import {describePodDisruptionBudget} from './poddisruptionbudget.js'
import {describePriorityClass} from './priorityclass.js'
import {describeStorageClass} from './storageclass.js'
import {describePersistentVolume, describePersistentVolumeClaim} from './persistentvolume.js'
import {describeRole, describeRoleBinding} from './rbac.js'
import {describeReplicationController} from './replicationcontroller.js'
import {type DescribeContext, describePod} from './pod.js'

export type {DescribeContext} from './pod.js'
export {describeEvents} from './events.js'

/** A describer: object and context in, kubectl describe's text out. */
export type Describer = (obj: KObject, ctx: DescribeContext) => string

const DESCRIBERS: Record<string, Describer> = {
  Pod: describePod,
  Node: describeNode,
  Namespace: describeNamespace,
  ConfigMap: describeConfigMap,
  Secret: describeSecret,
  ServiceAccount: describeServiceAccount,
  Service: describeService, Endpoints: describeEndpoints, EndpointSlice: describeEndpointSlice,
  Deployment: describeDeployment, ReplicaSet: describeReplicaSet,
  Job: describeJob,
  CronJob: describeCronJob,
  StatefulSet: describeStatefulSet, DaemonSet: describeDaemonSet,
  PodDisruptionBudget: describePodDisruptionBudget,
  PriorityClass: describePriorityClass,
  StorageClass: describeStorageClass,
  PersistentVolume: describePersistentVolume, PersistentVolumeClaim: describePersistentVolumeClaim,
  Role: describeRole, ClusterRole: describeRole, RoleBinding: describeRoleBinding, ClusterRoleBinding: describeRoleBinding,
  ReplicationController: describeReplicationController,
}

/** The describer of a Kind: its own, or kubectl's generic describer (Event, Lease, ...). */
export function describerFor(kind: string): Describer {
  return DESCRIBERS[kind] ?? describeGeneric
}
