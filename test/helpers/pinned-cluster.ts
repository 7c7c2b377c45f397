// A ksim cluster built in a sandbox's KSIM_HOME at a pinned time long past (2010), by ksim's own Api and
// controllers on a fake clock: pods in several states, a deployment rolled out once (old ReplicaSet at 0),
// services with ready and not-ready endpoints, configmaps, secrets, service accounts, events, leases.
// Everything was created years ago, so kubectl and ksim print the same ages ("16y") whenever they run.
import path from 'node:path'

import type {KObject} from '../../src/api/types.js'
import {apiSettingsOf, readProfile} from '../../src/api/cluster-profile.js'
import {mustLookupResource} from '../../src/api/registry.js'
import {EventRecorder} from '../../src/api/events.js'
import {Api} from '../../src/api/server.js'
import {createCluster} from '../../src/cluster/clusters.js'
import {createControllers} from '../../src/controllers/index.js'
import {reconcileAll} from '../../src/controllers/keys.js'
import type {ControllerContext} from '../../src/controllers/types.js'
import {Store} from '../../src/store/sqlite-store.js'
import {ApiCache, FakeClock} from '../controllers/helpers.js'

export const PINNED_T0 = Date.parse('2010-03-01T12:00:00.000Z')

const container = (name: string, image: string, extra: Record<string, unknown> = {}): Record<string, unknown> => ({name, image, ...extra})

function pod(name: string, namespace: string, spec: Record<string, unknown>, meta: Record<string, unknown> = {}): KObject {
  return {apiVersion: 'v1', kind: 'Pod', metadata: {name, namespace, ...meta}, spec}
}

function job(name: string, spec: Record<string, unknown>, annotations: Record<string, string>): KObject {
  const template = {metadata: {annotations}, spec: {restartPolicy: 'Never', containers: [container('work', 'busybox:1.36', {command: ['sh', '-c', 'echo done']})]}}
  return {apiVersion: 'batch/v1', kind: 'Job', metadata: {name, namespace: 'team'}, spec: {...spec, template}}
}

function cronJob(name: string, spec: Record<string, unknown>, annotations: Record<string, string>): KObject {
  const template = {metadata: {labels: {cron: name}}, spec: {template: {metadata: {annotations}, spec: {restartPolicy: 'OnFailure', containers: [container('run', 'busybox:1.36', {command: ['date']})]}}}}
  return {apiVersion: 'batch/v1', kind: 'CronJob', metadata: {name, namespace: 'team'}, spec: {...spec, jobTemplate: template}}
}

function deployment(name: string, replicas: number, image: string): KObject {
  const labels = {app: name}
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: {name, namespace: 'default', labels},
    spec: {replicas, selector: {matchLabels: labels}, template: {metadata: {labels}, spec: {containers: [container('nginx', image, {ports: [{containerPort: 80}]})]}}},
  }
}

function service(name: string, selector: Record<string, string>): KObject {
  return {apiVersion: 'v1', kind: 'Service', metadata: {name, namespace: 'default', labels: selector}, spec: {selector, ports: [{name: 'http', port: 80, targetPort: 80}]}}
}

function statefulSet(name: string, replicas: number): KObject {
  const labels = {app: name}
  const claim = {metadata: {name: 'data'}, spec: {accessModes: ['ReadWriteOnce'], resources: {requests: {storage: '1Gi'}}}}
  const spec = {containers: [container('redis', 'redis:7', {ports: [{containerPort: 6379, name: 'redis'}], volumeMounts: [{name: 'data', mountPath: '/data'}]})]}
  return {apiVersion: 'apps/v1', kind: 'StatefulSet', metadata: {name, namespace: 'default', labels}, spec: {replicas, serviceName: name, selector: {matchLabels: labels}, volumeClaimTemplates: [claim], template: {metadata: {labels}, spec}}}
}

function daemonSet(name: string): KObject {
  const labels = {app: name}
  const spec = {nodeSelector: {'kubernetes.io/os': 'linux'}, containers: [container('agent', 'busybox:1.36', {resources: {requests: {cpu: '10m'}}})]}
  return {apiVersion: 'apps/v1', kind: 'DaemonSet', metadata: {name, namespace: 'default', labels}, spec: {selector: {matchLabels: labels}, template: {metadata: {labels}, spec}}}
}

/** Builds the cluster `ksim` under `home` (which must be empty) and leaves it at rest. */
export async function buildPinnedCluster(home: string): Promise<void> {
  const saved = process.env.KSIM_HOME
  process.env.KSIM_HOME = home
  try {
    await createCluster('ksim', {}, {use: true, now: new Date(PINNED_T0)})
  } finally {
    if (saved === undefined) delete process.env.KSIM_HOME
    else process.env.KSIM_HOME = saved
  }
  const store = Store.open(path.join(home, 'clusters', 'ksim', 'state.db'), {mustExist: true})
  try {
    populate(store)
  } finally {
    store.close()
  }
}

function populate(store: Store): void {
  const profile = readProfile(store)!
  const clock = new FakeClock(PINNED_T0)
  const api = new Api(store, {clock, settings: apiSettingsOf(profile)})
  const ctx: ControllerContext = {api, cache: new ApiCache(api), recorder: new EventRecorder(api), clock, profile, log: () => {}}
  const controllers = createControllers()
  const run = (seconds: number): void => {
    for (let s = 0; s < seconds; s++) {
      for (const c of controllers) reconcileAll(c, ctx)
      clock.advance(1000)
    }
  }
  const create = (obj: KObject): KObject => api.create(obj).object
  run(2)
  create({apiVersion: 'v1', kind: 'Namespace', metadata: {name: 'team', labels: {tier: 'dev'}}})
  create({apiVersion: 'v1', kind: 'ConfigMap', metadata: {name: 'cfg', namespace: 'team'}, data: {'app.conf': 'port=80\nmode=fast\n', level: 'debug'}})
  create({apiVersion: 'v1', kind: 'Secret', metadata: {name: 'creds', namespace: 'team'}, type: 'Opaque', data: {password: 'czNjcjN0', user: 'YWRtaW4='}})
  create({apiVersion: 'v1', kind: 'ServiceAccount', metadata: {name: 'builder', namespace: 'team', labels: {role: 'ci'}}})
  create(deployment('web', 2, 'nginx:1.27'))
  create(service('web', {app: 'web'}))
  create(statefulSet('db', 2))
  create(daemonSet('agent'))
  run(20)
  api.patch(mustLookupResource('deployments'), 'default', 'web', 'strategic', JSON.stringify({spec: {template: {spec: {containers: [{name: 'nginx', image: 'nginx:1.28'}]}}}}))
  api.patch(mustLookupResource('statefulsets'), 'default', 'db', 'strategic', JSON.stringify({spec: {template: {spec: {containers: [{name: 'redis', image: 'redis:7.2'}]}}}}))
  run(40)
  for (let i = 1; i <= 3; i++) create(pod(`api-${i}`, 'default', {containers: [container('api', 'busybox:1.36')]}, {labels: {app: 'api'}}))
  const probe = {httpGet: {path: '/healthz', port: 8080}, periodSeconds: 5}
  create(pod('api-4', 'default', {containers: [container('api', 'busybox:1.36', {readinessProbe: probe})]}, {labels: {app: 'api'}, annotations: {'ksim.io/ready-seconds': '100000'}}))
  create(service('api', {app: 'api'}))
  // PodDisruptionBudgets: over a Deployment's pods, over bare pods (unmanaged), over nothing
  const pdb = (name: string, spec: Record<string, unknown>): KObject => create({apiVersion: 'policy/v1', kind: 'PodDisruptionBudget', metadata: {name, namespace: 'default'}, spec})
  pdb('web-pdb', {minAvailable: 1, selector: {matchLabels: {app: 'web'}}})
  pdb('api-pdb', {maxUnavailable: '50%', selector: {matchLabels: {app: 'api'}}})
  pdb('none-pdb', {minAvailable: '100%', selector: {matchExpressions: [{key: 'app', operator: 'In', values: ['db', 'cache']}]}, unhealthyPodEvictionPolicy: 'AlwaysAllow'})
  create(pod('crash', 'default', {containers: [container('app', 'busybox:1.36')]}, {annotations: {'ksim.io/run-seconds': '2', 'ksim.io/exit-code': '3'}}))
  create(pod('done', 'default', {restartPolicy: 'Never', containers: [container('job', 'busybox:1.36')]}, {annotations: {'ksim.io/run-seconds': '1'}}))
  create(pod('pending', 'default', {nodeSelector: {disk: 'ssd'}, containers: [container('app', 'nginx:1.27')]}))
  create(pod('worker', 'team', {containers: [container('w', 'redis:7', {env: [{name: 'MODE', value: 'fast'}], resources: {requests: {cpu: '100m', memory: '64Mi'}}})]}))
  // pods failing as pods fail: a pull that cannot resolve, an OOM kill, a liveness restart, a readiness failure, a finished sidecar pod
  create(pod('pullfail', 'default', {containers: [container('app', 'registry.invalid/team/app:v1')]}))
  create(pod('oom', 'default', {containers: [container('hog', 'busybox:1.36', {resources: {limits: {memory: '128Mi'}}})]}, {annotations: {'ksim.io/memory-usage': '200Mi'}}))
  create(pod('unhealthy', 'default', {containers: [container('app', 'nginx:1.27', {livenessProbe: probe})]}, {annotations: {'ksim.io/liveness-fail-seconds': '10'}}))
  create(pod('unready', 'default', {containers: [container('app', 'nginx:1.27', {readinessProbe: {tcpSocket: {port: 80}, periodSeconds: 5}})]}, {annotations: {'ksim.io/readiness-fail-seconds': '10'}}))
  create(pod('task', 'default', {restartPolicy: 'Never', initContainers: [container('proxy', 'envoy:1.30', {restartPolicy: 'Always'})], containers: [container('job', 'busybox:1.36')]}, {annotations: {'ksim.io/run-seconds.job': '3'}}))
  // jobs in team: one complete, one failed past its backoffLimit, an Indexed one still running
  create(job('pi', {completions: 2, parallelism: 2}, {'ksim.io/run-seconds': '2'}))
  create(job('broken', {backoffLimit: 0}, {'ksim.io/run-seconds': '1', 'ksim.io/exit-code': '1'}))
  create(job('shards', {completions: 3, parallelism: 2, completionMode: 'Indexed', activeDeadlineSeconds: 999999999, ttlSecondsAfterFinished: 100}, {}))
  // cron jobs in team: one that runs each minute (its 12:02 Job completes), one in a time zone, one suspended
  create(cronJob('tick', {schedule: '*/1 * * * *', successfulJobsHistoryLimit: 1}, {'ksim.io/run-seconds': '1'}))
  create(cronJob('nightly', {schedule: '30 2 * * *', timeZone: 'Europe/Berlin', concurrencyPolicy: 'Forbid', startingDeadlineSeconds: 300}, {}))
  create(cronJob('paused', {schedule: '@daily', suspend: true}, {}))
  run(60)
  create(pod('slow', 'default', {containers: [container('big', 'example.com/huge:1')]}, {annotations: {'ksim.io/pull-seconds': '100000'}}))
  // a RuntimeClass with an overhead and scheduling constraints, and a pod admitted with them
  const sandboxToleration = {key: 'sandbox', operator: 'Exists', effect: 'NoSchedule'}
  create({apiVersion: 'node.k8s.io/v1', kind: 'RuntimeClass', metadata: {name: 'gvisor', labels: {tier: 'sandbox'}}, handler: 'runsc', overhead: {podFixed: {cpu: '250m', memory: '120Mi'}}, scheduling: {nodeSelector: {'kubernetes.io/os': 'linux'}, tolerations: [sandboxToleration]}})
  create({apiVersion: 'node.k8s.io/v1', kind: 'RuntimeClass', metadata: {name: 'plain'}, handler: 'runc'})
  create(pod('sandboxed', 'default', {runtimeClassName: 'gvisor', containers: [container('app', 'nginx:1.27')]}))
  // persistent volumes: one the binder binds to claim `data`, one left Available, a claim of a class nobody provisions
  const pvSpec = (storage: string, extra: Record<string, unknown>) => ({capacity: {storage}, accessModes: ['ReadWriteOnce'], ...extra})
  create({apiVersion: 'v1', kind: 'PersistentVolume', metadata: {name: 'pv-local', labels: {type: 'local'}}, spec: pvSpec('10Gi', {hostPath: {path: '/data/pv-local'}})})
  create({apiVersion: 'v1', kind: 'PersistentVolume', metadata: {name: 'pv-nfs'}, spec: pvSpec('5Gi', {accessModes: ['ReadWriteMany', 'ReadOnlyMany'], persistentVolumeReclaimPolicy: 'Recycle', storageClassName: 'nfs', nfs: {server: '172.17.0.2', path: '/exports'}})})
  create({apiVersion: 'v1', kind: 'PersistentVolumeClaim', metadata: {name: 'data', namespace: 'default'}, spec: {accessModes: ['ReadWriteOnce'], resources: {requests: {storage: '3Gi'}}, storageClassName: ''}})
  create({apiVersion: 'v1', kind: 'PersistentVolumeClaim', metadata: {name: 'fast', namespace: 'team'}, spec: {accessModes: ['ReadWriteOnce'], resources: {requests: {storage: '1G'}}, storageClassName: 'fast', volumeMode: 'Block'}})
  // RBAC: a role and bindings in team (the cluster-admin role and binding come with every cluster)
  create({apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'Role', metadata: {name: 'pod-reader', namespace: 'team'}, rules: [{apiGroups: [''], resources: ['pods', 'pods/log'], verbs: ['get', 'list', 'watch']}, {apiGroups: ['apps'], resources: ['deployments'], resourceNames: ['web'], verbs: ['get']}]})
  create({apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'RoleBinding', metadata: {name: 'read-pods', namespace: 'team'}, roleRef: {apiGroup: 'rbac.authorization.k8s.io', kind: 'Role', name: 'pod-reader'}, subjects: [{kind: 'User', name: 'jane'}, {kind: 'Group', name: 'devs'}, {kind: 'ServiceAccount', name: 'builder', namespace: 'team'}]})
  create({apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'ClusterRoleBinding', metadata: {name: 'ci-view'}, roleRef: {apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: 'view'}, subjects: [{kind: 'ServiceAccount', name: 'builder', namespace: 'team'}]})
  // a CustomResourceDefinition with printer columns, a custom resource of it and a cluster-scoped one
  const crdVersion = (columns: unknown[]) => ({name: 'v1', served: true, storage: true, additionalPrinterColumns: columns,
    schema: {openAPIV3Schema: {type: 'object', properties: {spec: {type: 'object', properties: {cronSpec: {type: 'string'}, image: {type: 'string'}, replicas: {type: 'integer'}}}}}}})
  const crd = (plural: string, kind: string, scope: string, columns: unknown[], shortNames: string[]): KObject => ({apiVersion: 'apiextensions.k8s.io/v1', kind: 'CustomResourceDefinition',
    metadata: {name: `${plural}.stable.example.com`}, spec: {group: 'stable.example.com', scope, names: {plural, kind, shortNames}, versions: [crdVersion(columns)]}})
  create(crd('crontabs', 'CronTab', 'Namespaced', [{name: 'Spec', type: 'string', jsonPath: '.spec.cronSpec'}, {name: 'Replicas', type: 'integer', jsonPath: '.spec.replicas'},
    {name: 'Age', type: 'date', jsonPath: '.metadata.creationTimestamp'}, {name: 'Image', type: 'string', priority: 1, jsonPath: '.spec.image'}], ['ct']))
  create(crd('clustertabs', 'ClusterTab', 'Cluster', [], []))
  create({apiVersion: 'stable.example.com/v1', kind: 'CronTab', metadata: {name: 'backup', namespace: 'default', labels: {app: 'backup'}}, spec: {cronSpec: '0 3 * * *', image: 'backup:2', replicas: 1}})
  create({apiVersion: 'stable.example.com/v1', kind: 'CronTab', metadata: {name: 'sparse', namespace: 'team'}, spec: {image: 'sparse:1'}})
  create({apiVersion: 'stable.example.com/v1', kind: 'ClusterTab', metadata: {name: 'global'}, spec: {cronSpec: '@hourly'}})
  // a ReplicationController in team: selector and labels defaulted from its template, two pods running
  const rcLabels = {app: 'guestbook', tier: 'frontend'}
  create({apiVersion: 'v1', kind: 'ReplicationController', metadata: {name: 'frontend', namespace: 'team', annotations: {owner: 'web-team'}}, spec: {replicas: 2, template: {metadata: {labels: rcLabels}, spec: {containers: [container('php-redis', 'gb-frontend:v4', {env: [{name: 'GET_HOSTS_FROM', value: 'dns'}], ports: [{containerPort: 80}]})]}}}})
  run(5)
}
