// The process runtime's environment, as the kubelet's makeEnvironmentVariables builds it: envFrom,
// then env in order with $(VAR) expansion against what is defined so far, ConfigMap and Secret keys
// (optional ones left out), the downward API; the command and args expanded against the result.
import type {Pod} from 'kubernetes-types/core/v1.js'
import type {KObject} from '../../../src/api/types.js'

import {expect} from 'chai'

import {containerEnv, DEFAULT_PATH, expand} from '../../../src/controllers/kubelet/process/env.js'

const objects: Record<string, KObject> = {
  'ConfigMap/cfg': {apiVersion: 'v1', kind: 'ConfigMap', metadata: {name: 'cfg'}, data: {MODE: 'fast', LEVEL: '3'}},
  'Secret/pw': {apiVersion: 'v1', kind: 'Secret', metadata: {name: 'pw'}, data: {password: Buffer.from('s3cret').toString('base64')}},
}
const lookup = (kind: string, _ns: string, name: string): KObject | undefined => objects[`${kind}/${name}`]

describe('process runtime: container environment', () => {
  it('expands $(VAR) as expansion.Expand does', () => {
    expect(expand('$(A)-$(B)-$$(A)-$(', {A: 'x'})).to.equal('x-$(B)-$(A)-$(')
  })

  it('builds envFrom, then env in order, over the runtime base', () => {
    const pod: Pod = {
      metadata: {name: 'web', namespace: 'team', uid: 'u-1', labels: {app: 'shop'}},
      spec: {
        nodeName: 'n1',
        containers: [
          {
            name: 'app',
            envFrom: [{configMapRef: {name: 'cfg'}, prefix: 'CFG_'}, {secretRef: {name: 'missing', optional: true}}],
            env: [
              {name: 'GREETING', value: 'hi $(POD_NAME)'},
              {name: 'POD_NAME', valueFrom: {fieldRef: {fieldPath: 'metadata.name'}}},
              {name: 'AGAIN', value: '$(GREETING) in $(CFG_MODE) mode'},
              {name: 'PASSWORD', valueFrom: {secretKeyRef: {name: 'pw', key: 'password'}}},
              {name: 'APP', valueFrom: {fieldRef: {fieldPath: "metadata.labels['app']"}}},
              {name: 'GONE', valueFrom: {configMapKeyRef: {name: 'nope', key: 'x', optional: true}}},
              {name: 'MEM', valueFrom: {resourceFieldRef: {resource: 'limits.memory', divisor: '1Mi'}}},
            ],
            resources: {limits: {memory: '64Mi'}},
          },
        ],
      },
    }
    const env = containerEnv(pod, pod.spec!.containers[0], lookup)
    expect(env.PATH).to.equal(DEFAULT_PATH)
    expect(env.HOSTNAME).to.equal('web')
    expect(env).to.include({CFG_MODE: 'fast', CFG_LEVEL: '3', GREETING: 'hi $(POD_NAME)', POD_NAME: 'web', AGAIN: 'hi $(POD_NAME) in fast mode', PASSWORD: 's3cret', APP: 'shop', MEM: '64'})
    expect(env).to.not.have.property('GONE')
  })
})

describe('process runtime: service environment variables', () => {
  const svc = (namespace: string, name: string, clusterIP: string, ports: {name?: string; port: number; protocol?: string}[]) => ({metadata: {name, namespace}, spec: {clusterIP, ports}})
  const services = (ns: string) =>
    ({
      default: [svc('default', 'kubernetes', '10.96.0.1', [{name: 'https', port: 443}]), svc('default', 'web', '10.96.0.20', [{port: 80}])],
      team: [svc('team', 'redis-primary', '10.96.0.30', [{port: 6379}, {name: 'metrics', port: 9121, protocol: 'UDP'}]), svc('team', 'headless', 'None', [{port: 80}])],
    })[ns] ?? []
  const podIn = (namespace: string, extra: Partial<NonNullable<Pod['spec']>> = {}): Pod => ({metadata: {name: 'p', namespace}, spec: {containers: [{name: 'c', env: [{name: 'ADDR', value: '$(KUBERNETES_SERVICE_HOST):$(REDIS_PRIMARY_SERVICE_PORT)'}, {name: 'WEB_SERVICE_HOST', value: 'mine'}]}], ...extra}})
  const envOf = (pod: Pod) => containerEnv(pod, pod.spec!.containers[0]!, lookup, services as never)

  it("gives the kubernetes Service's and the namespace's, with Docker's link variables, and the container's own win", () => {
    const env = envOf(podIn('team'))
    expect(env).to.include({
      KUBERNETES_SERVICE_HOST: '10.96.0.1',
      KUBERNETES_SERVICE_PORT: '443',
      KUBERNETES_SERVICE_PORT_HTTPS: '443',
      KUBERNETES_PORT: 'tcp://10.96.0.1:443',
      KUBERNETES_PORT_443_TCP: 'tcp://10.96.0.1:443',
      KUBERNETES_PORT_443_TCP_PROTO: 'tcp',
      KUBERNETES_PORT_443_TCP_PORT: '443',
      KUBERNETES_PORT_443_TCP_ADDR: '10.96.0.1',
      REDIS_PRIMARY_SERVICE_HOST: '10.96.0.30',
      REDIS_PRIMARY_SERVICE_PORT: '6379',
      REDIS_PRIMARY_SERVICE_PORT_METRICS: '9121',
      REDIS_PRIMARY_PORT: 'tcp://10.96.0.30:6379',
      REDIS_PRIMARY_PORT_9121_UDP: 'udp://10.96.0.30:9121',
      REDIS_PRIMARY_PORT_9121_UDP_PROTO: 'udp',
      ADDR: '10.96.0.1:6379',
      WEB_SERVICE_HOST: 'mine',
    })
    // another namespace's Services and headless ones give nothing
    expect(Object.keys(env).filter((k) => k.startsWith('WEB_') || k.startsWith('HEADLESS_'))).to.deep.equal(['WEB_SERVICE_HOST'])
  })

  it('enableServiceLinks: false leaves only the kubernetes Service', () => {
    const env = envOf(podIn('team', {enableServiceLinks: false}))
    expect(env.KUBERNETES_SERVICE_HOST).to.equal('10.96.0.1')
    expect(Object.keys(env).filter((k) => k.startsWith('REDIS_'))).to.deep.equal([])
    expect(env.ADDR).to.equal('10.96.0.1:$(REDIS_PRIMARY_SERVICE_PORT)')
  })

  it('in default, its own Services too', () => {
    const env = envOf(podIn('default'))
    expect(env).to.include({WEB_SERVICE_HOST: 'mine', WEB_PORT: 'tcp://10.96.0.20:80', WEB_SERVICE_PORT: '80'})
  })
})
