// The controllers the reconciler runs. Each round runs the controllers due at its start in this list's
// order (reconciler/work-queue.ts); one that another's writes wake during the round runs in the next.
// In order: the scheduler, the kubelets, the namespace controller, event expiry, the deployment and
// replicaset controllers, the endpoints and endpointslice controllers, the garbage collector, node
// lifecycle, taint eviction, pod GC (deleted and shut-down nodes, then finished pods over the threshold),
// the service account controller, the job controller and the TTL-after-finished controller
// (controllers/job/), the statefulset and daemonset controllers, and the disruption controller
// (PodDisruptionBudget status), and the cronjob controller (controllers/cronjob/), then the persistent
// volume binder (controllers/persistentvolume/), the pv/pvc protection controllers and clusterrole aggregation. Each is level-triggered: the
// order changes how many rounds the cluster takes to settle, never what it settles on.
// Last, the replication manager (controllers/replication.ts: the ReplicaSet controller's code for ReplicationControllers).
import type {Controller} from './types.js'

import {EventTTLController} from './event-ttl.js'
import {Kubelet} from './kubelet/kubelet.js'
import {NamespaceController} from './namespace.js'
import {Scheduler} from './scheduler/scheduler.js'
import {EndpointsController} from './endpoints.js'
import {EndpointSliceController} from './endpointslice.js'
import {DeploymentController} from './deployment/deployment.js'
import {GarbageCollector} from './garbage-collector.js'
import {ReplicaSetController} from './deployment/replicaset.js'
import {NodeLifecycleController} from './node-lifecycle.js'
import {TaintEvictionController} from './taint-eviction.js'
import {PodGCController} from './pod-gc.js'
import {TerminatedPodGCController} from './terminated-pod-gc.js'
import {ServiceAccountController} from './service-account.js'
import {JobController} from './job/job.js'
import {TTLAfterFinishedController} from './job/ttl-after-finished.js'
import {StatefulSetController} from './statefulset/statefulset.js'
import {DaemonSetController} from './daemonset/daemonset.js'
import {DisruptionController} from './disruption/disruption.js'
import {CronJobController} from './cronjob/cronjob.js'
import {PersistentVolumeController} from './persistentvolume/persistentvolume.js'
import {VolumeProtectionController} from './volume-protection.js'
import {ClusterRoleAggregationController} from './clusterrole-aggregation.js'
import {ReplicationManager} from './replication.js'

/**
 * A fresh set of controllers: fresh memory, as after a process start. `containersDir`: where the
 * kubelet's process runtime keeps its instances (without it, every pod runs simulated).
 */
export function createControllers(opts: {containersDir?: string} = {}): Controller[] {
  return [
    new Scheduler(),
    new Kubelet(undefined, opts),
    new NamespaceController(),
    new EventTTLController(),
    new DeploymentController(),
    new ReplicaSetController(),
    new EndpointsController(),
    new EndpointSliceController(),
    new GarbageCollector(),
    new NodeLifecycleController(),
    new TaintEvictionController(),
    new PodGCController(),
    new TerminatedPodGCController(),
    new ServiceAccountController(),
    new JobController(),
    new TTLAfterFinishedController(),
    new StatefulSetController(),
    new DaemonSetController(),
    new DisruptionController(),
    new CronJobController(),
    new PersistentVolumeController(),
    new VolumeProtectionController(),
    new ClusterRoleAggregationController(),
    new ReplicationManager(),
  ]
}
