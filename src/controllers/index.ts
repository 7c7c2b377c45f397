// The controllers the reconciler runs, in the order it runs them when several are due: the scheduler
// first (a pod bound in a pass is started by the kubelet in the same round), then the kubelets, then
// the namespace controller and event expiry.
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
import {ServiceAccountController} from './service-account.js'

/** A fresh set of controllers: fresh memory, as after a process start. */
export function createControllers(): Controller[] {
  return [new Scheduler(), new Kubelet(), new NamespaceController(), new EventTTLController(), new DeploymentController(), new ReplicaSetController(), new EndpointsController(), new EndpointSliceController(), new GarbageCollector(), new NodeLifecycleController(), new TaintEvictionController(), new PodGCController(), new ServiceAccountController()]
}
