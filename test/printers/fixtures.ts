// Pods, nodes and events in every lifecycle stage, at fixed times, for the printer golden tests.
import type {KObject} from '../../src/api/types.js'

/** The pinned clock of every printer test. */
export const NOW = new Date('2026-07-01T12:00:00Z')

/** An RFC 3339 timestamp `seconds` before NOW. */
export function ago(seconds: number): string {
  return new Date(NOW.getTime() - seconds * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z')
}

const TOLERATIONS = [
  {key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300},
  {key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300},
]

const API_ACCESS = {
  name: 'kube-api-access-x7k2p',
  projected: {
    defaultMode: 420,
    sources: [
      {serviceAccountToken: {expirationSeconds: 3607, path: 'token'}},
      {configMap: {name: 'kube-root-ca.crt', items: [{key: 'ca.crt', path: 'ca.crt'}]}},
      {downwardAPI: {items: [{path: 'namespace', fieldRef: {apiVersion: 'v1', fieldPath: 'metadata.namespace'}}]}},
    ],
  },
}

/** A pod as the API server stores it after defaulting, with the given overrides merged in. */
export function pod(name: string, opts: {age?: number; spec?: Record<string, unknown>; status?: Record<string, unknown>; meta?: Record<string, unknown>} = {}): KObject {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {name, namespace: 'default', uid: `uid-${name}`, creationTimestamp: ago(opts.age ?? 300), labels: {app: name}, ...opts.meta},
    spec: {
      containers: [{name: 'web', image: 'nginx:1.27', ports: [{containerPort: 80, protocol: 'TCP'}],
        volumeMounts: [{name: 'kube-api-access-x7k2p', mountPath: '/var/run/secrets/kubernetes.io/serviceaccount', readOnly: true}]}],
      restartPolicy: 'Always',
      terminationGracePeriodSeconds: 30,
      serviceAccountName: 'default',
      schedulerName: 'default-scheduler',
      priority: 0,
      tolerations: TOLERATIONS,
      volumes: [API_ACCESS],
      ...opts.spec,
    },
    status: {phase: 'Pending', qosClass: 'BestEffort', ...opts.status},
  }
}

/** The five kubelet conditions in kubelet order, all with one status unless overridden. */
export function conditions(at: number, over: Record<string, string | [string, string, string]> = {}): Record<string, unknown>[] {
  return ['PodReadyToStartContainers', 'Initialized', 'Ready', 'ContainersReady', 'PodScheduled'].map((type) => {
    const v = over[type] ?? 'True'
    const [status, reason, message] = Array.isArray(v) ? v : [v, undefined, undefined]
    return {type, status, lastProbeTime: null, lastTransitionTime: ago(at), ...(reason ? {reason} : {}), ...(message ? {message} : {})}
  })
}

/** A container status `web` with the given state. */
export function webStatus(state: Record<string, unknown>, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {name: 'web', image: 'docker.io/library/nginx:1.27', imageID: 'docker.io/library/nginx@sha256:6784', containerID: 'containerd://4f1c2e',
    ready: false, restartCount: 0, started: false, state, ...extra}
}

const scheduledStatus = (): Record<string, unknown> => ({hostIP: '10.0.0.11', hostIPs: [{ip: '10.0.0.11'}], startTime: ago(290)})

const running = (startedAt: number): Record<string, unknown> => ({running: {startedAt: ago(startedAt)}})
const terminated = (exitCode: number, reason: string, started: number, finished: number): Record<string, unknown> =>
  ({terminated: {exitCode, reason, startedAt: ago(started), finishedAt: ago(finished), containerID: 'containerd://0b9d1a'}})
const onNode = {nodeName: 'node-1'}
const withIP = {podIP: '10.244.1.5', podIPs: [{ip: '10.244.1.5'}]}
const notReady = ['False', 'ContainersNotReady', 'containers with unready status: [web]'] as [string, string, string]
const INIT_SPECS = [{name: 'migrate', image: 'busybox:1.36', command: ['sh', '-c', 'sleep 5']}, {name: 'seed', image: 'busybox:1.36', command: ['sh', '-c', 'exit 0']}]
const initStatus = (name: string, state: Record<string, unknown>, extra: Record<string, unknown> = {}): Record<string, unknown> =>
  ({name, image: 'docker.io/library/busybox:1.36', imageID: 'docker.io/library/busybox@sha256:9ae9', containerID: `containerd://${name}1`, ready: false, restartCount: 0, started: false, state, ...extra})

/** Every pod lifecycle stage the table and describe tests print. */
export const stages = {
  unscheduled: pod('fresh', {age: 2}),
  unschedulable: pod('big', {age: 40, status: {conditions: [{type: 'PodScheduled', status: 'False', lastProbeTime: null, lastTransitionTime: ago(39),
    reason: 'Unschedulable', message: '0/2 nodes are available: 2 Insufficient cpu. preemption: 0/2 nodes are available: 2 No preemption victims found for incoming pod.'}]}}),
  creating: pod('creating', {age: 8, spec: onNode, status: {...scheduledStatus(), startTime: ago(7),
    conditions: conditions(7, {PodReadyToStartContainers: 'False', Ready: notReady, ContainersReady: notReady}),
    containerStatuses: [webStatus({waiting: {reason: 'ContainerCreating'}}, {containerID: undefined, imageID: ''})]}}),
  running: pod('web', {spec: onNode, status: {...scheduledStatus(), ...withIP, phase: 'Running',
    conditions: conditions(288), containerStatuses: [webStatus(running(288), {ready: true, started: true})]}}),
  terminating: pod('leaving', {spec: onNode, meta: {deletionTimestamp: ago(-25), deletionGracePeriodSeconds: 30},
    status: {...scheduledStatus(), ...withIP, phase: 'Running', conditions: conditions(288),
      containerStatuses: [webStatus(running(288), {ready: true, started: true})]}}),
  restarted: pod('flaky', {age: 3600, spec: onNode, status: {...scheduledStatus(), ...withIP, phase: 'Running', conditions: conditions(40),
    containerStatuses: [webStatus(running(40), {ready: true, started: true, restartCount: 3, lastState: terminated(137, 'Error', 100, 42)})]}}),
  completed: pod('job-x', {age: 900, spec: {...onNode, restartPolicy: 'Never'}, status: {...scheduledStatus(), ...withIP, phase: 'Succeeded',
    conditions: conditions(800, {PodReadyToStartContainers: 'False', Initialized: ['True', 'PodCompleted', ''], Ready: ['False', 'PodCompleted', ''], ContainersReady: ['False', 'PodCompleted', '']}),
    containerStatuses: [webStatus(terminated(0, 'Completed', 850, 800))]}}),
  failed: pod('job-y', {age: 900, spec: {...onNode, restartPolicy: 'Never'}, status: {...scheduledStatus(), ...withIP, phase: 'Failed',
    conditions: conditions(800, {PodReadyToStartContainers: 'False', Ready: ['False', 'PodFailed', ''], ContainersReady: ['False', 'PodFailed', '']}),
    containerStatuses: [webStatus(terminated(1, 'Error', 850, 800))]}}),
  initRunning: pod('init-a', {age: 30, spec: {...onNode, initContainers: INIT_SPECS}, status: {...scheduledStatus(), ...withIP,
    conditions: conditions(25, {Initialized: ['False', 'ContainersNotInitialized', 'containers with incomplete status: [migrate seed]'], Ready: notReady, ContainersReady: notReady}),
    initContainerStatuses: [initStatus('migrate', running(25), {started: true}), initStatus('seed', {waiting: {reason: 'PodInitializing'}})],
    containerStatuses: [webStatus({waiting: {reason: 'PodInitializing'}}, {containerID: undefined, imageID: ''})]}}),
  initCrash: pod('init-b', {age: 600, spec: {...onNode, initContainers: INIT_SPECS}, status: {...scheduledStatus(), ...withIP,
    conditions: conditions(590, {Initialized: ['False', 'ContainersNotInitialized', 'containers with incomplete status: [migrate seed]'], Ready: notReady, ContainersReady: notReady}),
    initContainerStatuses: [initStatus('migrate', {waiting: {reason: 'CrashLoopBackOff', message: 'back-off 40s restarting failed container=migrate pod=init-b_default(uid-init-b)'}},
      {restartCount: 4, lastState: terminated(1, 'Error', 25, 20)}), initStatus('seed', {waiting: {reason: 'PodInitializing'}})],
    containerStatuses: [webStatus({waiting: {reason: 'PodInitializing'}}, {containerID: undefined, imageID: ''})]}}),
  podInitializing: pod('init-c', {age: 60, spec: {...onNode, initContainers: INIT_SPECS}, status: {...scheduledStatus(), ...withIP,
    conditions: conditions(10, {Ready: notReady, ContainersReady: notReady}),
    initContainerStatuses: [initStatus('migrate', terminated(0, 'Completed', 50, 45)), initStatus('seed', terminated(0, 'Completed', 44, 43))],
    containerStatuses: [webStatus({waiting: {reason: 'PodInitializing'}}, {containerID: undefined, imageID: ''})]}}),
  crashLoop: pod('crashy', {age: 400, spec: onNode, status: {...scheduledStatus(), ...withIP, phase: 'Running',
    conditions: conditions(390, {Ready: notReady, ContainersReady: notReady}),
    containerStatuses: [webStatus({waiting: {reason: 'CrashLoopBackOff', message: 'back-off 1m20s restarting failed container=web pod=crashy_default(uid-crashy)'}},
      {restartCount: 5, lastState: terminated(1, 'Error', 75, 70)})]}}),
}

const NODE_INFO = {machineID: 'a1b2c3', systemUUID: 'd4e5f6', bootID: 'b007', kernelVersion: '6.1.0-18-amd64', osImage: 'Debian GNU/Linux 12 (bookworm)',
  containerRuntimeVersion: 'containerd://1.7.13', kubeletVersion: 'v1.34.1', kubeProxyVersion: '', operatingSystem: 'linux', architecture: 'amd64'}

/** A node with a Ready condition of the given status (none when undefined). */
export function node(name: string, opts: {age: number; ready?: string; labels?: Record<string, string>; unschedulable?: boolean; info?: boolean; addresses?: {type: string; address: string}[]}): KObject {
  const conds = opts.ready === undefined ? [] : [
    {type: 'MemoryPressure', status: 'False', lastHeartbeatTime: ago(20), lastTransitionTime: ago(opts.age), reason: 'KubeletHasSufficientMemory', message: 'kubelet has sufficient memory available'},
    {type: 'Ready', status: opts.ready, lastHeartbeatTime: ago(20), lastTransitionTime: ago(opts.age - 10), reason: opts.ready === 'True' ? 'KubeletReady' : 'NodeStatusUnknown',
      message: opts.ready === 'True' ? 'kubelet is posting ready status' : 'Kubelet stopped posting node status.'},
  ]
  return {
    apiVersion: 'v1', kind: 'Node',
    metadata: {name, uid: `uid-${name}`, creationTimestamp: ago(opts.age), labels: {'kubernetes.io/hostname': name, ...opts.labels}},
    spec: {podCIDR: '10.244.1.0/24', podCIDRs: ['10.244.1.0/24'], ...(opts.unschedulable ? {unschedulable: true} : {})},
    status: {
      conditions: conds,
      addresses: opts.addresses ?? [],
      ...(opts.info === false ? {} : {nodeInfo: NODE_INFO}),
      capacity: {cpu: '4', 'ephemeral-storage': '102350Mi', 'hugepages-2Mi': '0', memory: '8048236Ki', pods: '110'},
      allocatable: {cpu: '4', 'ephemeral-storage': '96589Mi', 'hugepages-2Mi': '0', memory: '7945836Ki', pods: '110'},
    },
  }
}

/** An event about an object, core/v1 style unless overridden. */
export function event(name: string, fields: Record<string, unknown>): KObject {
  return {apiVersion: 'v1', kind: 'Event', metadata: {name, namespace: 'default', creationTimestamp: ago(1)}, type: 'Normal', count: 1, ...fields}
}

/** A Deployment's pod using most of what describe prints: probes, env sources, volumes, gates. */
export const apiPod: KObject = pod('api-7d9c-x1', {
  age: 120,
  meta: {
    labels: {app: 'api', 'pod-template-hash': '7d9c'},
    annotations: {'kubectl.kubernetes.io/last-applied-configuration': '{"apiVersion":"v1"}\n', 'example.com/note': 'short', 'example.com/long': 'x'.repeat(150)},
    ownerReferences: [{apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'api-7d9c', uid: 'uid-rs', controller: true, blockOwnerDeletion: true}],
  },
  spec: {
    nodeName: 'node-1', priorityClassName: 'high', priority: 1000, serviceAccountName: 'api',
    nodeSelector: {'kubernetes.io/os': 'linux', disk: 'ssd'},
    readinessGates: [{conditionType: 'example.com/lb'}],
    securityContext: {seccompProfile: {type: 'RuntimeDefault'}},
    tolerations: [{key: 'dedicated', operator: 'Equal', value: 'api', effect: 'NoSchedule'}, {operator: 'Exists'}],
    containers: [{
      name: 'api', image: 'example/api:2.1', command: ['/api'], args: ['--port=8080', '--verbose'],
      ports: [{name: 'http', containerPort: 8080, protocol: 'TCP'}, {name: 'metrics', containerPort: 9090, protocol: 'TCP'}],
      resources: {limits: {cpu: '500m', memory: '256Mi'}, requests: {cpu: '500m', memory: '256Mi'}},
      livenessProbe: {httpGet: {path: '/healthz', port: 8080, scheme: 'HTTP'}, initialDelaySeconds: 5, timeoutSeconds: 1, periodSeconds: 10, successThreshold: 1, failureThreshold: 3},
      readinessProbe: {exec: {command: ['cat', '/tmp/ready']}, timeoutSeconds: 1, periodSeconds: 5, successThreshold: 1, failureThreshold: 3},
      startupProbe: {tcpSocket: {port: 8080}, timeoutSeconds: 1, periodSeconds: 10, successThreshold: 1, failureThreshold: 30},
      envFrom: [{configMapRef: {name: 'api-env'}}, {prefix: 'DB_', secretRef: {name: 'db', optional: true}}],
      env: [
        {name: 'MODE', value: 'prod'},
        {name: 'BANNER', value: 'hello\nworld'},
        {name: 'POD_NAME', valueFrom: {fieldRef: {apiVersion: 'v1', fieldPath: 'metadata.name'}}},
        {name: 'POD_IP', valueFrom: {fieldRef: {apiVersion: 'v1', fieldPath: 'status.podIP'}}},
        {name: 'MEM_MB', valueFrom: {resourceFieldRef: {resource: 'limits.memory', divisor: '1Mi'}}},
        {name: 'CPU_REQ', valueFrom: {resourceFieldRef: {resource: 'requests.cpu', divisor: '1m'}}},
        {name: 'PASSWORD', valueFrom: {secretKeyRef: {name: 'db', key: 'password'}}},
        {name: 'LEVEL', valueFrom: {configMapKeyRef: {name: 'api-env', key: 'level', optional: true}}},
      ],
      volumeMounts: [{name: 'config', mountPath: '/etc/api', readOnly: true}, {name: 'cache', mountPath: '/cache'}, {name: 'data', mountPath: '/data', subPath: 'api'}],
    }],
    volumes: [
      {name: 'cache', emptyDir: {medium: 'Memory', sizeLimit: '1Gi'}},
      {name: 'config', configMap: {name: 'api-config'}},
      {name: 'certs', secret: {secretName: 'api-tls', optional: false}},
      {name: 'host', hostPath: {path: '/var/log', type: 'Directory'}},
      {name: 'data', persistentVolumeClaim: {claimName: 'api-data'}},
      {name: 'scratch', emptyDir: {}},
    ],
  },
  status: {
    phase: 'Running', qosClass: undefined, hostIP: '10.0.0.11', podIP: '10.244.1.7', podIPs: [{ip: '10.244.1.7'}, {ip: 'fd00::7'}], startTime: ago(120),
    conditions: [...conditions(110), {type: 'example.com/lb', status: 'True', lastProbeTime: null, lastTransitionTime: ago(100)}],
    containerStatuses: [{name: 'api', image: 'example/api:2.1', imageID: 'example/api@sha256:aa11', containerID: 'containerd://api1', ready: true, started: true,
      restartCount: 0, state: {running: {startedAt: ago(115)}}}],
  },
})
