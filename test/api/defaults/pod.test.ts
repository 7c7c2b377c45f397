import type {Pod} from 'kubernetes-types/core/v1.js'

import {expect} from 'chai'

import {defaultPod, podQOSClass} from '../../../src/api/defaults/pod.js'
import {defaultPullPolicy, imageTag} from '../../../src/api/defaults/image.js'
import {defaultApiSettings} from '../../../src/api/strategy.js'

function pod(spec: Record<string, unknown>): Pod {
  return {apiVersion: 'v1', kind: 'Pod', metadata: {name: 'web', namespace: 'default'}, spec} as unknown as Pod
}

function defaulted(spec: Record<string, unknown>, settings = defaultApiSettings): Pod {
  const p = pod(spec)
  defaultPod(p, settings)
  return p
}

describe('defaultPod', () => {
  it('fills the spec as kubectl get -o yaml shows it, keys sorted', () => {
    const p = defaulted({containers: [{name: 'nginx', image: 'nginx'}]})
    expect(JSON.stringify(p.spec)).to.equal(
      JSON.stringify({
        containers: [
          {
            image: 'nginx',
            imagePullPolicy: 'Always',
            name: 'nginx',
            resources: {},
            terminationMessagePath: '/dev/termination-log',
            terminationMessagePolicy: 'File',
          },
        ],
        dnsPolicy: 'ClusterFirst',
        enableServiceLinks: true,
        preemptionPolicy: 'PreemptLowerPriority',
        priority: 0,
        restartPolicy: 'Always',
        schedulerName: 'default-scheduler',
        securityContext: {},
        serviceAccount: 'default',
        serviceAccountName: 'default',
        terminationGracePeriodSeconds: 30,
        tolerations: [
          {effect: 'NoExecute', key: 'node.kubernetes.io/not-ready', operator: 'Exists', tolerationSeconds: 300},
          {effect: 'NoExecute', key: 'node.kubernetes.io/unreachable', operator: 'Exists', tolerationSeconds: 300},
        ],
      }),
    )
  })

  it('keeps what the user set', () => {
    const p = defaulted({
      containers: [{name: 'a', image: 'busybox:1.36', imagePullPolicy: 'Never'}],
      restartPolicy: 'Never',
      terminationGracePeriodSeconds: 5,
      serviceAccountName: 'builder',
    })
    expect(p.spec!.restartPolicy).to.equal('Never')
    expect(p.spec!.terminationGracePeriodSeconds).to.equal(5)
    expect(p.spec!.containers[0].imagePullPolicy).to.equal('Never')
    expect([p.spec!.serviceAccountName, p.spec!.serviceAccount]).to.deep.equal(['builder', 'builder'])
  })

  it('takes the toleration seconds from the settings and skips tolerations the pod already has', () => {
    const settings = {...defaultApiSettings, defaultNotReadyTolerationSeconds: 60, defaultUnreachableTolerationSeconds: 90}
    const p = defaulted({containers: [{name: 'a', image: 'x'}], tolerations: [{key: 'node.kubernetes.io/unreachable', operator: 'Exists'}]}, settings)
    expect(p.spec!.tolerations).to.deep.equal([
      {key: 'node.kubernetes.io/unreachable', operator: 'Exists'},
      {effect: 'NoExecute', key: 'node.kubernetes.io/not-ready', operator: 'Exists', tolerationSeconds: 60},
    ])
    const all = defaulted({containers: [{name: 'a', image: 'x'}], tolerations: [{operator: 'Exists'}]})
    expect(all.spec!.tolerations).to.deep.equal([{operator: 'Exists'}])
  })

  it('defaults port protocols, copies limits into missing requests and canonicalises quantities', () => {
    const p = defaulted({
      containers: [{name: 'a', image: 'x', ports: [{containerPort: 80}], resources: {limits: {cpu: '0.5', memory: '1.5Gi'}, requests: {cpu: '0.1m'}}}],
    })
    const c = p.spec!.containers[0]
    expect(c.ports).to.deep.equal([{containerPort: 80, protocol: 'TCP'}])
    expect(c.resources).to.deep.equal({limits: {cpu: '500m', memory: '1536Mi'}, requests: {cpu: '1m', memory: '1536Mi'}})
  })

  it('gives a volume without a source an emptyDir and file modes their default', () => {
    const p = defaulted({containers: [{name: 'a', image: 'x'}], volumes: [{name: 'v'}, {name: 'c', configMap: {name: 'cm'}}, {name: 'h', hostPath: {path: '/x'}}]})
    expect(p.spec!.volumes).to.deep.equal([
      {emptyDir: {}, name: 'v'},
      {configMap: {defaultMode: 420, name: 'cm'}, name: 'c'},
      {hostPath: {path: '/x', type: ''}, name: 'h'},
    ])
  })

  it('defaults probe timings and the httpGet scheme and path', () => {
    const p = defaulted({containers: [{name: 'a', image: 'x', readinessProbe: {httpGet: {port: 80}}}]})
    expect(p.spec!.containers[0].readinessProbe).to.deep.equal({
      failureThreshold: 3,
      httpGet: {path: '/', port: 80, scheme: 'HTTP'},
      periodSeconds: 10,
      successThreshold: 1,
      timeoutSeconds: 1,
    })
  })
  it('gives a gRPC probe the API server default service "" (GRPCAction +default="") and keeps a named one', () => {
    const p = defaulted({
      containers: [{name: 'a', image: 'x', livenessProbe: {grpc: {port: 9000}}, readinessProbe: {grpc: {port: 9001, service: 'health'}}}],
    })
    expect(p.spec!.containers[0].livenessProbe!.grpc).to.deep.equal({port: 9000, service: ''})
    expect(p.spec!.containers[0].readinessProbe!.grpc).to.deep.equal({port: 9001, service: 'health'})
  })
})

describe('imagePullPolicy default', () => {
  it('is Always for latest or untagged images and IfNotPresent otherwise', () => {
    expect(defaultPullPolicy('nginx')).to.equal('Always')
    expect(defaultPullPolicy('nginx:latest')).to.equal('Always')
    expect(defaultPullPolicy('localhost:5000/team/app')).to.equal('Always')
    expect(defaultPullPolicy('nginx:1.27')).to.equal('IfNotPresent')
    expect(defaultPullPolicy('localhost:5000/app:v2')).to.equal('IfNotPresent')
  })

  it('counts a digest as tagged and an unparsable name as not latest', () => {
    const digest = `nginx@sha256:${'a'.repeat(64)}`
    expect(imageTag(digest)).to.equal('')
    expect(defaultPullPolicy(digest)).to.equal('IfNotPresent')
    expect(defaultPullPolicy('Nginx')).to.equal('IfNotPresent')
  })
})

describe('podQOSClass', () => {
  const withResources = (...resources: Record<string, unknown>[]): Pod =>
    defaulted({containers: resources.map((r, i) => ({name: `c${i}`, image: 'x', resources: r}))})

  it('is BestEffort without cpu or memory requests and limits', () => {
    expect(podQOSClass(withResources({}))).to.equal('BestEffort')
    expect(podQOSClass(withResources({limits: {'example.com/gpu': '1'}}))).to.equal('BestEffort')
  })

  it('is Guaranteed when every container limits cpu and memory and requests equal limits', () => {
    expect(podQOSClass(withResources({limits: {cpu: '1', memory: '1Gi'}}))).to.equal('Guaranteed')
    expect(podQOSClass(withResources({limits: {cpu: '1', memory: '1Gi'}, requests: {cpu: '1000m'}}))).to.equal('Guaranteed')
  })

  it('is Burstable otherwise', () => {
    expect(podQOSClass(withResources({requests: {cpu: '100m'}}))).to.equal('Burstable')
    expect(podQOSClass(withResources({limits: {cpu: '1'}}))).to.equal('Burstable')
    expect(podQOSClass(withResources({limits: {cpu: '1', memory: '1Gi'}, requests: {cpu: '500m'}}))).to.equal('Burstable')
    expect(podQOSClass(withResources({limits: {cpu: '1', memory: '1Gi'}}, {}))).to.equal('Burstable')
  })
})
