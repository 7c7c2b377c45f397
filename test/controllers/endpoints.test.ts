import {expect} from 'chai'

import type {KObject} from '../../src/api/types.js'

import {podType} from '../../src/api/kinds/pod.js'
import {serviceType} from '../../src/api/kinds/service.js'
import {EndpointsController} from '../../src/controllers/endpoints.js'
import {EndpointSliceController} from '../../src/controllers/endpointslice.js'
import {testCluster, type TestCluster} from './helpers.js'

/** Writes a pod's status as its kubelet would: Running on `node` with `ip`, Ready or not. */
function run(tc: TestCluster, name: string, ip: string, ready: boolean, node = 'ksim-worker'): void {
  tc.api.modify(podType, 'default', name, (p) => {
    p.status = {
      ...(p.status as object),
      phase: 'Running',
      podIP: ip,
      podIPs: [{ip}],
      conditions: [{type: 'Ready', status: ready ? 'True' : 'False', lastProbeTime: null, lastTransitionTime: ready ? '2026-07-01T10:00:07Z' : '2026-07-01T10:00:03Z'}],
    }
  })
}

function webPod(tc: TestCluster, name: string, node = 'ksim-worker'): KObject {
  return tc.pod(name, {nodeName: node, containers: [{name: 'web', image: 'nginx:1.27', ports: [{name: 'http', containerPort: 8080}]}]}, {labels: {app: 'web'}})
}

function service(tc: TestCluster, targetPort: number | string = 8080): KObject {
  return tc.api.create({apiVersion: 'v1', kind: 'Service', metadata: {name: 'web', namespace: 'default', labels: {app: 'web'}}, spec: {selector: {app: 'web'}, ports: [{port: 80, targetPort}]}}).object
}

const slicesOf = (tc: TestCluster, svc = 'web'): KObject[] =>
  tc.ctx.cache.list('EndpointSlice', 'default').filter((s) => s.metadata.labels?.['kubernetes.io/service-name'] === svc)

describe('endpoints controller', () => {
  let tc: TestCluster
  beforeEach(() => (tc = testCluster()))
  afterEach(() => tc.close())

  it('lists ready pods as addresses and not-ready pods as notReadyAddresses, ports resolved from targetPort', () => {
    service(tc)
    webPod(tc, 'web-a')
    webPod(tc, 'web-b', 'ksim-worker2')
    tc.pod('other', {containers: [{name: 'x', image: 'nginx'}]}, {labels: {app: 'other'}})
    run(tc, 'web-a', '10.244.1.5', true)
    run(tc, 'web-b', '10.244.2.3', false, 'ksim-worker2')
    const c = new EndpointsController()
    expect(tc.pass(c).writes).to.equal(1)
    const ep = tc.api.peek('Endpoints', 'default', 'web')!
    const a = tc.get('web-a')!
    const b = tc.get('web-b')!
    expect(ep.metadata.labels).to.deep.equal({app: 'web'})
    expect(ep.metadata.annotations).to.deep.equal({'endpoints.kubernetes.io/last-change-trigger-time': '2026-07-01T10:00:07Z'})
    expect(ep.subsets).to.deep.equal([
      {
        addresses: [{ip: '10.244.1.5', nodeName: 'ksim-worker', targetRef: {kind: 'Pod', name: 'web-a', namespace: 'default', uid: a.metadata.uid}}],
        notReadyAddresses: [{ip: '10.244.2.3', nodeName: 'ksim-worker2', targetRef: {kind: 'Pod', name: 'web-b', namespace: 'default', uid: b.metadata.uid}}],
        ports: [{port: 8080, protocol: 'TCP'}],
      },
    ])
    expect(tc.pass(c).writes).to.equal(0)
  })

  it('resolves a named targetPort through the container ports', () => {
    service(tc, 'http')
    webPod(tc, 'web-a')
    run(tc, 'web-a', '10.244.1.5', true)
    tc.pass(new EndpointsController())
    expect((tc.api.peek('Endpoints', 'default', 'web')!.subsets as {ports: unknown}[])[0].ports).to.deep.equal([{port: 8080, protocol: 'TCP'}])
  })

  it('drops a terminating pod from the addresses at once and deletes the Endpoints with its Service', () => {
    service(tc)
    webPod(tc, 'web-a')
    webPod(tc, 'web-b')
    run(tc, 'web-a', '10.244.1.5', true)
    run(tc, 'web-b', '10.244.1.6', true)
    const c = new EndpointsController()
    tc.pass(c)
    tc.api.delete(podType, 'default', 'web-a')
    expect(tc.get('web-a')?.metadata.deletionTimestamp).to.be.a('string')
    expect(tc.pass(c).writes).to.equal(1)
    const ips = (tc.api.peek('Endpoints', 'default', 'web')!.subsets as {addresses: {ip: string}[]}[])[0].addresses.map((x) => x.ip)
    expect(ips).to.deep.equal(['10.244.1.6'])
    tc.api.delete(serviceType, 'default', 'web')
    tc.pass(c)
    expect(tc.api.peek('Endpoints', 'default', 'web')).to.equal(undefined)
    expect(tc.pass(c).writes).to.equal(0)
  })

  it('leaves Services without a selector, such as kubernetes, to their own Endpoints', () => {
    const c = new EndpointsController()
    expect(tc.pass(c).writes).to.equal(0)
    expect((tc.api.peek('Endpoints', 'default', 'kubernetes')!.subsets as unknown[]).length).to.equal(1)
  })

  it('writes no subsets when no pod matches', () => {
    service(tc)
    tc.pass(new EndpointsController())
    expect(tc.api.peek('Endpoints', 'default', 'web')).to.not.have.property('subsets')
  })
})

describe('endpointslice controller', () => {
  let tc: TestCluster
  beforeEach(() => (tc = testCluster()))
  afterEach(() => tc.close())

  it('keeps one IPv4 slice named <service>-<5 chars>, owned by the Service, with conditions per endpoint', () => {
    const svc = service(tc)
    webPod(tc, 'web-a')
    webPod(tc, 'web-b')
    run(tc, 'web-a', '10.244.1.5', true)
    run(tc, 'web-b', '10.244.1.6', false)
    const c = new EndpointSliceController()
    expect(tc.pass(c).writes).to.equal(1)
    const [slice] = slicesOf(tc)
    expect(slice.metadata.name).to.match(/^web-[bcdfghjklmnpqrstvwxz2456789]{5}$/)
    expect(slice.metadata.generation).to.equal(1)
    expect(slice.metadata.labels).to.deep.equal({app: 'web', 'endpointslice.kubernetes.io/managed-by': 'endpointslice-controller.k8s.io', 'kubernetes.io/service-name': 'web'})
    expect(slice.metadata.ownerReferences).to.deep.equal([{apiVersion: 'v1', kind: 'Service', name: 'web', uid: svc.metadata.uid, controller: true, blockOwnerDeletion: true}])
    expect(slice.addressType).to.equal('IPv4')
    expect(slice.ports).to.deep.equal([{name: '', port: 8080, protocol: 'TCP'}])
    const a = tc.get('web-a')!
    expect((slice.endpoints as unknown[])[0]).to.deep.equal({
      addresses: ['10.244.1.5'],
      conditions: {ready: true, serving: true, terminating: false},
      nodeName: 'ksim-worker',
      targetRef: {kind: 'Pod', name: 'web-a', namespace: 'default', uid: a.metadata.uid},
    })
    expect((slice.endpoints as {conditions: unknown}[])[1].conditions).to.deep.equal({ready: false, serving: false, terminating: false})
    expect(tc.pass(c).writes).to.equal(0)
  })

  it('keeps a terminating pod with ready=false, serving=its readiness, terminating=true', () => {
    service(tc)
    webPod(tc, 'web-a')
    run(tc, 'web-a', '10.244.1.5', true)
    const c = new EndpointSliceController()
    tc.pass(c)
    tc.api.delete(podType, 'default', 'web-a')
    expect(tc.pass(c).writes).to.equal(1)
    const [slice] = slicesOf(tc)
    expect((slice.endpoints as {conditions: unknown}[]).map((e) => e.conditions)).to.deep.equal([{ready: false, serving: true, terminating: true}])
    expect(slice.metadata.generation).to.equal(2)
    expect(tc.pass(c).writes).to.equal(0)
  })

  it('keeps a placeholder slice without ports or endpoints when no pod matches, and removes it with the Service', () => {
    service(tc)
    const c = new EndpointSliceController()
    tc.pass(c)
    const [slice] = slicesOf(tc)
    expect(slice.ports ?? null).to.equal(null)
    expect(slice.endpoints ?? null).to.equal(null)
    expect(tc.pass(c).writes).to.equal(0)
    tc.api.delete(serviceType, 'default', 'web')
    tc.pass(c)
    expect(slicesOf(tc)).to.have.length(0)
    expect(tc.pass(c).writes).to.equal(0)
  })

  it('leaves the kubernetes Service slice alone', () => {
    expect(tc.pass(new EndpointSliceController()).writes).to.equal(0)
    expect(slicesOf(tc, 'kubernetes').map((s) => s.metadata.name)).to.deep.equal(['kubernetes'])
  })
})

describe('endpoints with the scheduler and kubelets', () => {
  it('follows a pod from Ready to Terminating: gone from Endpoints at once, terminating in its slice', async () => {
    const {createControllers} = await import('../../src/controllers/index.js')
    const tc = testCluster()
    try {
      const cs = createControllers()
      service(tc)
      const annotations = {'ksim.io/ignore-sigterm': 'true', 'ksim.io/pull-seconds': '0', 'ksim.io/start-seconds': '0'}
      for (const name of ['web-a', 'web-b']) tc.pod(name, {terminationGracePeriodSeconds: 30, containers: [{name: 'web', image: 'nginx:1.27'}]}, {labels: {app: 'web'}, annotations})
      for (let t = 0; t <= 2000; t += 100) {
        tc.clock.ms += 100
        tc.settle(...cs)
      }
      const ip = (name: string) => (tc.get(name)!.status as {podIP: string}).podIP
      const ready = () => ((tc.api.peek('Endpoints', 'default', 'web')!.subsets ?? []) as {addresses?: {ip: string}[]}[]).flatMap((s) => (s.addresses ?? []).map((a) => a.ip)).sort()
      expect(ready()).to.deep.equal([ip('web-a'), ip('web-b')].sort())
      tc.api.delete(podType, 'default', 'web-a')
      tc.settle(...cs)
      expect(tc.get('web-a')?.metadata.deletionTimestamp).to.be.a('string')
      expect(ready()).to.deep.equal([ip('web-b')])
      const endpoints = slicesOf(tc)[0].endpoints as {targetRef: {name: string}; conditions: unknown}[]
      expect(endpoints.find((e) => e.targetRef.name === 'web-a')?.conditions).to.deep.equal({ready: false, serving: true, terminating: true})
      expect(endpoints.find((e) => e.targetRef.name === 'web-b')?.conditions).to.deep.equal({ready: true, serving: true, terminating: false})
    } finally {
      tc.close()
    }
  })
})
