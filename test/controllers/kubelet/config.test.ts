import {expect} from 'chai'

import {Kubelet} from '../../../src/controllers/kubelet/kubelet.js'
import {T0, conditions, containerStatus, phaseOf, stateOf, testCluster, tokenMountStatus} from '../helpers.js'
import {FAST, kubeletHarness} from './harness.js'

describe('kubelet: ConfigMaps and Secrets a pod needs', () => {
  const h = kubeletHarness()
  const {at, pod} = h

  const configMap = (name: string, data: Record<string, string>): void => {
    h.tc.api.create({apiVersion: 'v1', kind: 'ConfigMap', metadata: {name, namespace: 'default'}, data})
  }
  const run = (container: Record<string, unknown>, spec: Record<string, unknown> = {}): void => {
    h.tc.pod('web', {containers: [{name: 'web', image: 'nginx:1.27', ...container}], nodeName: 'ksim-worker', ...spec}, {annotations: FAST})
    at(0)
    at(200)
  }

  it('holds a container whose env names a missing ConfigMap in CreateContainerConfigError, and starts it once it exists', () => {
    run({env: [{name: 'MODE', valueFrom: {configMapKeyRef: {name: 'cfg', key: 'mode'}}}]})
    expect(containerStatus(pod(), 'web')!.state).to.deep.equal({waiting: {reason: 'CreateContainerConfigError', message: 'configmap "cfg" not found'}})
    expect(phaseOf(pod())).to.equal('Pending')
    expect(h.tc.events('web')).to.deep.equal([
      'Normal Pulling Pulling image "nginx:1.27"',
      `Normal Pulled Successfully pulled image "nginx:1.27" in 0s (0s including waiting). Image size: ${h.tc.events('web')[1].match(/(\d+) bytes/)![1]} bytes.`,
      'Warning Failed Error: configmap "cfg" not found',
    ])
    expect(h.tc.pass(h.k)).to.deep.include({writes: 0, background: true}) // a retry is not work in progress

    at(10_200) // the pod worker's retry: the same error again
    expect(h.tc.events('web').slice(2)).to.deep.equal(['Warning Failed Error: configmap "cfg" not found (x2)', 'Normal Pulled Container image "nginx:1.27" already present on machine'])

    configMap('cfg', {mode: 'fast'})
    at(10_500)
    expect([phaseOf(pod()), stateOf(pod(), 'web')]).to.deep.equal(['Running', 'running'])
  })

  it('names a missing key and a missing Secret the way the kubelet does', () => {
    configMap('cfg', {other: 'x'})
    run({env: [{name: 'MODE', valueFrom: {configMapKeyRef: {name: 'cfg', key: 'mode'}}}]})
    expect(containerStatus(pod(), 'web')!.state.waiting.message).to.equal("couldn't find key mode in ConfigMap default/cfg")
    h.tc.close()
    h.tc = testCluster()
    h.k = new Kubelet()
    run({envFrom: [{secretRef: {name: 'creds'}}]})
    expect(containerStatus(pod(), 'web')!.state.waiting).to.deep.equal({reason: 'CreateContainerConfigError', message: 'secret "creds" not found'})
    expect(h.tc.events('web').slice(-1)).to.deep.equal(['Warning Failed Error: secret "creds" not found'])
  })

  it('does not wait for optional references', () => {
    run({env: [{name: 'MODE', valueFrom: {configMapKeyRef: {name: 'cfg', key: 'mode', optional: true}}}], envFrom: [{secretRef: {name: 'creds', optional: true}}]})
    expect(stateOf(pod(), 'web')).to.equal('running')
  })

  it('keeps a pod with a missing ConfigMap volume in ContainerCreating with FailedMount events, retried with back-off', () => {
    run({volumeMounts: [{name: 'cfg', mountPath: '/etc/cfg'}]}, {volumes: [{name: 'cfg', configMap: {name: 'app-config'}}]})
    expect(conditions(pod())[0]).to.equal('PodReadyToStartContainers=False')
    expect([stateOf(pod(), 'web'), (pod()?.status as {podIP?: string}).podIP]).to.deep.equal(['waiting:ContainerCreating', undefined])
    expect(containerStatus(pod(), 'web')!.volumeMounts).to.deep.equal([{name: 'cfg', mountPath: '/etc/cfg'}, tokenMountStatus(pod())])
    const failed = 'Warning FailedMount MountVolume.SetUp failed for volume "cfg" : configmap "app-config" not found'
    expect(h.tc.events('web')).to.deep.equal([failed])
    at(500) // retried 0.5 s later, then 1 s later, then 2 s later...
    at(1499)
    expect(h.tc.events('web')).to.deep.equal([`${failed} (x2)`])
    at(1500)
    expect(h.tc.events('web')).to.deep.equal([`${failed} (x3)`])
    configMap('app-config', {a: 'b'})
    at(1600)
    expect(conditions(pod())[0]).to.equal('PodReadyToStartContainers=False')
    at(1800)
    expect([conditions(pod())[0], phaseOf(pod()), stateOf(pod(), 'web')]).to.deep.equal(['PodReadyToStartContainers=True', 'Running', 'running'])
  })

  it('reports a missing Secret volume and a missing item key', () => {
    configMap('cfg', {a: 'b'})
    run({}, {volumes: [{name: 'creds', secret: {secretName: 'db'}}, {name: 'cfg', configMap: {name: 'cfg', items: [{key: 'nope', path: 'x'}]}}]})
    expect(h.tc.events('web')).to.deep.equal([
      'Warning FailedMount MountVolume.SetUp failed for volume "creds" : secret "db" not found',
      'Warning FailedMount MountVolume.SetUp failed for volume "cfg" : configmap references non-existent config key: nope',
    ])
  })
})

describe('kubelet: images with pull policy Never', () => {
  it('waits in ErrImageNeverPull until another pod has pulled the image onto the node', () => {
    const tc = testCluster()
    try {
      const k = new Kubelet()
      tc.pod('never', {containers: [{name: 'app', image: 'redis:7', imagePullPolicy: 'Never'}], nodeName: 'ksim-worker'}, {annotations: FAST})
      tc.pass(k)
      tc.clock.ms = T0 + 200
      tc.pass(k)
      const message = 'Container image "redis:7" is not present with pull policy of Never'
      expect(containerStatus(tc.get('never'), 'app')!.state).to.deep.equal({waiting: {reason: 'ErrImageNeverPull', message}})
      expect(tc.events('never')).to.deep.equal([`Warning ErrImageNeverPull ${message}`, 'Warning Failed Error: ErrImageNeverPull'])
      tc.pod('puller', {containers: [{name: 'app', image: 'redis:7'}], nodeName: 'ksim-worker'}, {annotations: FAST})
      tc.pass(k)
      tc.clock.ms = T0 + 400
      tc.pass(k)
      expect(stateOf(tc.get('puller'), 'app')).to.equal('running')
      tc.pass(k) // the next sync of the first pod sees the image
      expect(stateOf(tc.get('never'), 'app')).to.equal('running')
      expect(tc.events('never').slice(2)).to.deep.equal(['Normal Pulled Container image "redis:7" already present on machine', 'Normal Created Created container: app', 'Normal Started Started container app'])
    } finally {
      tc.close()
    }
  })
})
