import {expect} from 'chai'

import type {KObject} from '../../../src/api/types.js'
import {describerFor} from '../../../src/printers/describe/index.js'
import {NOW, ago, apiPod, event, stages} from '../fixtures.js'

const describe_ = (pod: KObject, events: KObject[] = []): string => describerFor('Pod')!(pod, {now: NOW, events})

const MOUNT = '      /var/run/secrets/kubernetes.io/serviceaccount from kube-api-access-x7k2p (ro)\n'
const ALL_TRUE = 'Conditions:\n' +
  '  Type                        Status\n' +
  '  PodReadyToStartContainers   True \n' +
  '  Initialized                 True \n' +
  '  Ready                       True \n' +
  '  ContainersReady             True \n' +
  '  PodScheduled                True \n'
const tail = (qos: string, events: string): string => 'Volumes:\n' +
  '  kube-api-access-x7k2p:\n' +
  '    Type:                    Projected (a volume that contains injected data from multiple sources)\n' +
  '    TokenExpirationSeconds:  3607\n' +
  '    ConfigMapName:           kube-root-ca.crt\n' +
  '    Optional:                false\n' +
  '    DownwardAPI:             true\n' +
  `QoS Class:                   ${qos}\n` +
  'Node-Selectors:              <none>\n' +
  'Tolerations:                 node.kubernetes.io/not-ready:NoExecute op=Exists for 300s\n' +
  '                             node.kubernetes.io/unreachable:NoExecute op=Exists for 300s\n' + events

const scheduled = event('web.1', {involvedObject: {kind: 'Pod', name: 'web', namespace: 'default'}, reason: 'Scheduled',
  message: 'Successfully assigned default/web to node-1', source: {component: 'default-scheduler'}, firstTimestamp: ago(290), lastTimestamp: ago(290)})
const pulled = event('web.2', {involvedObject: {kind: 'Pod', name: 'web', namespace: 'default', fieldPath: 'spec.containers{web}'}, reason: 'Pulled',
  message: 'Container image "nginx:1.27" already present on machine', source: {component: 'kubelet', host: 'node-1'}, firstTimestamp: ago(289), lastTimestamp: ago(289)})

describe('describe pod', () => {
  it('prints a running pod with its container, conditions, volumes, tolerations and events', () => {
    expect(describe_(stages.running, [pulled, scheduled])).to.equal(
      'Name:             web\n' +
      'Namespace:        default\n' +
      'Priority:         0\n' +
      'Service Account:  default\n' +
      'Node:             node-1/10.0.0.11\n' +
      'Start Time:       Wed, 01 Jul 2026 11:55:10 +0000\n' +
      'Labels:           app=web\n' +
      'Annotations:      <none>\n' +
      'Status:           Running\n' +
      'IP:               10.244.1.5\n' +
      'IPs:\n' +
      '  IP:  10.244.1.5\n' +
      'Containers:\n' +
      '  web:\n' +
      '    Container ID:   containerd://4f1c2e\n' +
      '    Image:          nginx:1.27\n' +
      '    Image ID:       docker.io/library/nginx@sha256:6784\n' +
      '    Port:           80/TCP\n' +
      '    Host Port:      0/TCP\n' +
      '    State:          Running\n' +
      '      Started:      Wed, 01 Jul 2026 11:55:12 +0000\n' +
      '    Ready:          True\n' +
      '    Restart Count:  0\n' +
      '    Environment:    <none>\n' +
      '    Mounts:\n' + MOUNT + ALL_TRUE +
      tail('BestEffort',
        'Events:\n' +
        '  Type    Reason     Age    From               Message\n' +
        '  ----    ------     ----   ----               -------\n' +
        '  Normal  Scheduled  4m50s  default-scheduler  Successfully assigned default/web to node-1\n' +
        '  Normal  Pulled     4m49s  kubelet            spec.containers{web}: Container image "nginx:1.27" already present on machine\n'))
  })

  it('prints an unschedulable pod with no node, its requests, the PodScheduled condition and repeated FailedScheduling', () => {
    const big: KObject = {...stages.unschedulable, status: {...(stages.unschedulable.status as object), qosClass: undefined}}
    const spec = big.spec as {containers: Record<string, unknown>[]}
    big.spec = {...spec, containers: [{...spec.containers[0], resources: {requests: {cpu: '8', memory: '64Mi'}}}]}
    const failed = event('big.1', {type: 'Warning', involvedObject: {kind: 'Pod', name: 'big', namespace: 'default'}, reason: 'FailedScheduling',
      message: '0/2 nodes are available: 2 Insufficient cpu. preemption: 0/2 nodes are available: 2 No preemption victims found for incoming pod.',
      source: {component: 'default-scheduler'}, firstTimestamp: ago(39), lastTimestamp: ago(5), count: 3})
    expect(describe_(big, [failed])).to.equal(
      'Name:             big\n' +
      'Namespace:        default\n' +
      'Priority:         0\n' +
      'Service Account:  default\n' +
      'Node:             <none>\n' +
      'Labels:           app=big\n' +
      'Annotations:      <none>\n' +
      'Status:           Pending\n' +
      'IP:               \n' +
      'IPs:              <none>\n' +
      'Containers:\n' +
      '  web:\n' +
      '    Image:      nginx:1.27\n' +
      '    Port:       80/TCP\n' +
      '    Host Port:  0/TCP\n' +
      '    Requests:\n' +
      '      cpu:        8\n' +
      '      memory:     64Mi\n' +
      '    Environment:  <none>\n' +
      '    Mounts:\n' + MOUNT +
      'Conditions:\n' +
      '  Type           Status\n' +
      '  PodScheduled   False \n' +
      tail('Burstable',
        'Events:\n' +
        '  Type     Reason            Age               From               Message\n' +
        '  ----     ------            ----              ----               -------\n' +
        '  Warning  FailedScheduling  5s (x3 over 39s)  default-scheduler  0/2 nodes are available: 2 Insufficient cpu. preemption: 0/2 nodes are available: 2 No preemption victims found for incoming pod.\n'))
  })

  it('prints a terminating pod\'s time since its deletion deadline and its grace period, widening the header column', () => {
    const header = (lasts: string): string =>
      'Name:                      leaving\n' +
      'Namespace:                 default\n' +
      'Priority:                  0\n' +
      'Service Account:           default\n' +
      'Node:                      node-1/10.0.0.11\n' +
      'Start Time:                Wed, 01 Jul 2026 11:55:10 +0000\n' +
      'Labels:                    app=leaving\n' +
      'Annotations:               <none>\n' +
      `Status:                    Terminating (lasts ${lasts})\n` +
      'Termination Grace Period:  30s\n' +
      'IP:                        10.244.1.5\n' +
      'IPs:\n'
    const out = describe_(stages.terminating)
    expect(out.slice(0, out.indexOf('  IP:  '))).to.equal(header('<invalid>'))
    expect(out.endsWith('Events:                      <none>\n')).to.equal(true)
    const late = {...stages.terminating, metadata: {...stages.terminating.metadata, deletionTimestamp: ago(1)}}
    const lateOut = describe_(late)
    expect(lateOut.slice(0, lateOut.indexOf('  IP:  '))).to.equal(header('1s'))
  })

  it('prints a restarted container\'s last termination and restart count', () => {
    const out = describe_(stages.restarted)
    expect(out.slice(out.indexOf('Containers:'), out.indexOf('Conditions:'))).to.equal(
      'Containers:\n' +
      '  web:\n' +
      '    Container ID:   containerd://4f1c2e\n' +
      '    Image:          nginx:1.27\n' +
      '    Image ID:       docker.io/library/nginx@sha256:6784\n' +
      '    Port:           80/TCP\n' +
      '    Host Port:      0/TCP\n' +
      '    State:          Running\n' +
      '      Started:      Wed, 01 Jul 2026 11:59:20 +0000\n' +
      '    Last State:     Terminated\n' +
      '      Reason:       Error\n' +
      '      Exit Code:    137\n' +
      '      Started:      Wed, 01 Jul 2026 11:58:20 +0000\n' +
      '      Finished:     Wed, 01 Jul 2026 11:59:18 +0000\n' +
      '    Ready:          True\n' +
      '    Restart Count:  3\n' +
      '    Environment:    <none>\n' +
      '    Mounts:\n' + MOUNT)
  })

  it('prints a completed pod as Succeeded with its terminated container and false conditions', () => {
    const out = describe_(stages.completed)
    expect(out).to.include('Status:           Succeeded\n')
    expect(out.slice(out.indexOf('    State:'), out.indexOf('Volumes:'))).to.equal(
      '    State:          Terminated\n' +
      '      Reason:       Completed\n' +
      '      Exit Code:    0\n' +
      '      Started:      Wed, 01 Jul 2026 11:45:50 +0000\n' +
      '      Finished:     Wed, 01 Jul 2026 11:46:40 +0000\n' +
      '    Ready:          False\n' +
      '    Restart Count:  0\n' +
      '    Environment:    <none>\n' +
      '    Mounts:\n' + MOUNT +
      'Conditions:\n' +
      '  Type                        Status\n' +
      '  PodReadyToStartContainers   False \n' +
      '  Initialized                 True \n' +
      '  Ready                       False \n' +
      '  ContainersReady             False \n' +
      '  PodScheduled                True \n')
  })

  it('prints init containers before containers while an init container crash-loops', () => {
    expect(describe_(stages.initCrash)).to.equal(
      'Name:             init-b\n' +
      'Namespace:        default\n' +
      'Priority:         0\n' +
      'Service Account:  default\n' +
      'Node:             node-1/10.0.0.11\n' +
      'Start Time:       Wed, 01 Jul 2026 11:55:10 +0000\n' +
      'Labels:           app=init-b\n' +
      'Annotations:      <none>\n' +
      'Status:           Pending\n' +
      'IP:               10.244.1.5\n' +
      'IPs:\n' +
      '  IP:  10.244.1.5\n' +
      'Init Containers:\n' +
      '  migrate:\n' +
      '    Container ID:  containerd://migrate1\n' +
      '    Image:         busybox:1.36\n' +
      '    Image ID:      docker.io/library/busybox@sha256:9ae9\n' +
      '    Port:          <none>\n' +
      '    Host Port:     <none>\n' +
      '    Command:\n' +
      '      sh\n' +
      '      -c\n' +
      '      sleep 5\n' +
      '    State:          Waiting\n' +
      '      Reason:       CrashLoopBackOff\n' +
      '    Last State:     Terminated\n' +
      '      Reason:       Error\n' +
      '      Exit Code:    1\n' +
      '      Started:      Wed, 01 Jul 2026 11:59:35 +0000\n' +
      '      Finished:     Wed, 01 Jul 2026 11:59:40 +0000\n' +
      '    Ready:          False\n' +
      '    Restart Count:  4\n' +
      '    Environment:    <none>\n' +
      '    Mounts:         <none>\n' +
      '  seed:\n' +
      '    Container ID:  containerd://seed1\n' +
      '    Image:         busybox:1.36\n' +
      '    Image ID:      docker.io/library/busybox@sha256:9ae9\n' +
      '    Port:          <none>\n' +
      '    Host Port:     <none>\n' +
      '    Command:\n' +
      '      sh\n' +
      '      -c\n' +
      '      exit 0\n' +
      '    State:          Waiting\n' +
      '      Reason:       PodInitializing\n' +
      '    Ready:          False\n' +
      '    Restart Count:  0\n' +
      '    Environment:    <none>\n' +
      '    Mounts:         <none>\n' +
      'Containers:\n' +
      '  web:\n' +
      '    Container ID:   \n' +
      '    Image:          nginx:1.27\n' +
      '    Image ID:       \n' +
      '    Port:           80/TCP\n' +
      '    Host Port:      0/TCP\n' +
      '    State:          Waiting\n' +
      '      Reason:       PodInitializing\n' +
      '    Ready:          False\n' +
      '    Restart Count:  0\n' +
      '    Environment:    <none>\n' +
      '    Mounts:\n' + MOUNT +
      'Conditions:\n' +
      '  Type                        Status\n' +
      '  PodReadyToStartContainers   True \n' +
      '  Initialized                 False \n' +
      '  Ready                       False \n' +
      '  ContainersReady             False \n' +
      '  PodScheduled                True \n' +
      tail('BestEffort', 'Events:                      <none>\n'))
  })

  it('prints controller, probes, environment sources, mounts, readiness gates and every volume type', () => {
    expect(describe_(apiPod)).to.equal(
      'Name:                 api-7d9c-x1\n' +
      'Namespace:            default\n' +
      'Priority:             1000\n' +
      'Priority Class Name:  high\n' +
      'Service Account:      api\n' +
      'Node:                 node-1/10.0.0.11\n' +
      'Start Time:           Wed, 01 Jul 2026 11:58:00 +0000\n' +
      'Labels:               app=api\n' +
      '                      pod-template-hash=7d9c\n' +
      'Annotations:          example.com/long:\n' +
      `                        ${'x'.repeat(138)}...\n` +
      '                      example.com/note: short\n' +
      'Status:               Running\n' +
      'SeccompProfile:       RuntimeDefault\n' +
      'IP:                   10.244.1.7\n' +
      'IPs:\n' +
      '  IP:           10.244.1.7\n' +
      '  IP:           fd00::7\n' +
      'Controlled By:  ReplicaSet/api-7d9c\n' +
      'Containers:\n' +
      '  api:\n' +
      '    Container ID:  containerd://api1\n' +
      '    Image:         example/api:2.1\n' +
      '    Image ID:      example/api@sha256:aa11\n' +
      '    Ports:         8080/TCP (http), 9090/TCP (metrics)\n' +
      '    Host Ports:    0/TCP (http), 0/TCP (metrics)\n' +
      '    Command:\n' +
      '      /api\n' +
      '    Args:\n' +
      '      --port=8080\n' +
      '      --verbose\n' +
      '    State:          Running\n' +
      '      Started:      Wed, 01 Jul 2026 11:58:05 +0000\n' +
      '    Ready:          True\n' +
      '    Restart Count:  0\n' +
      '    Limits:\n' +
      '      cpu:     500m\n' +
      '      memory:  256Mi\n' +
      '    Requests:\n' +
      '      cpu:      500m\n' +
      '      memory:   256Mi\n' +
      '    Liveness:   http-get http://:8080/healthz delay=5s timeout=1s period=10s #success=1 #failure=3\n' +
      '    Readiness:  exec [cat /tmp/ready] delay=0s timeout=1s period=5s #success=1 #failure=3\n' +
      '    Startup:    tcp-socket :8080 delay=0s timeout=1s period=10s #success=1 #failure=30\n' +
      '    Environment Variables from:\n' +
      '      api-env  ConfigMap                 Optional: false\n' +
      '      db       Secret with prefix \'DB_\'  Optional: true\n' +
      '    Environment:\n' +
      '      MODE:      prod\n' +
      '      BANNER:    hello\n' +
      '                 world\n' +
      '      POD_NAME:  api-7d9c-x1 (v1:metadata.name)\n' +
      '      POD_IP:     (v1:status.podIP)\n' +
      '      MEM_MB:    256 (limits.memory)\n' +
      '      CPU_REQ:   500 (requests.cpu)\n' +
      '      PASSWORD:  <set to the key \'password\' in secret \'db\'>        Optional: false\n' +
      '      LEVEL:     <set to the key \'level\' of config map \'api-env\'>  Optional: true\n' +
      '    Mounts:\n' +
      '      /cache from cache (rw)\n' +
      '      /data from data (rw,path="api")\n' +
      '      /etc/api from config (ro)\n' +
      'Readiness Gates:\n' +
      '  Type             Status\n' +
      '  example.com/lb   True \n' +
      'Conditions:\n' +
      '  Type                        Status\n' +
      '  PodReadyToStartContainers   True \n' +
      '  Initialized                 True \n' +
      '  Ready                       True \n' +
      '  ContainersReady             True \n' +
      '  PodScheduled                True \n' +
      '  example.com/lb              True \n' +
      'Volumes:\n' +
      '  cache:\n' +
      '    Type:       EmptyDir (a temporary directory that shares a pod\'s lifetime)\n' +
      '    Medium:     Memory\n' +
      '    SizeLimit:  1Gi\n' +
      '  config:\n' +
      '    Type:      ConfigMap (a volume populated by a ConfigMap)\n' +
      '    Name:      api-config\n' +
      '    Optional:  false\n' +
      '  certs:\n' +
      '    Type:        Secret (a volume populated by a Secret)\n' +
      '    SecretName:  api-tls\n' +
      '    Optional:    false\n' +
      '  host:\n' +
      '    Type:          HostPath (bare host directory volume)\n' +
      '    Path:          /var/log\n' +
      '    HostPathType:  Directory\n' +
      '  data:\n' +
      '    Type:       PersistentVolumeClaim (a reference to a PersistentVolumeClaim in the same namespace)\n' +
      '    ClaimName:  api-data\n' +
      '    ReadOnly:   false\n' +
      '  scratch:\n' +
      '    Type:        EmptyDir (a temporary directory that shares a pod\'s lifetime)\n' +
      '    Medium:      \n' +
      '    SizeLimit:   <unset>\n' +
      'QoS Class:       Guaranteed\n' +
      'Node-Selectors:  disk=ssd\n' +
      '                 kubernetes.io/os=linux\n' +
      'Tolerations:     op=Exists\n' +
      '                 dedicated=api:NoSchedule\n' +
      'Events:          <none>\n')
  })

  it('says node allocatable for an unset CPU or memory limit read through the downward API', () => {
    const spec = stages.running.spec as {containers: Record<string, unknown>[]}
    const p = {...stages.running, spec: {...spec, containers: [{...spec.containers[0], env: [{name: 'CPU_LIMIT', valueFrom: {resourceFieldRef: {resource: 'limits.cpu'}}}]}]}}
    expect(describe_(p)).to.include('    Environment:\n      CPU_LIMIT:  node allocatable (limits.cpu)\n')
  })

  it('leaves out the Events section with --show-events=false', () => {
    const out = describerFor('Pod')!(stages.running, {now: NOW, events: [scheduled], showEvents: false})
    expect(out.endsWith('                             node.kubernetes.io/unreachable:NoExecute op=Exists for 300s\n')).to.equal(true)
  })

  it('escapes terminal control characters taken from the object', () => {
    const p = {...stages.running, metadata: {...stages.running.metadata, labels: {app: 'evil\x1b[2J'}}}
    expect(describe_(p)).to.include('Labels:           app=evil^[[2J\n')
  })
})
