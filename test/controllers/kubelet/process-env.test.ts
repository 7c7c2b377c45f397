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
