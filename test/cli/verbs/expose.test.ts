import {expect} from 'chai'

import type {KObject} from '../../../src/api/types.js'

import {exposedService, selectorOf} from '../../../src/cli/verbs/expose.js'
import {parsePortPair, serviceFromOptions} from '../../../src/cli/verbs/create-service.js'

const deployment = (selector: unknown, ports: unknown[] = []): KObject => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: {name: 'web', labels: {app: 'web', team: 'a'}},
  spec: {selector, template: {metadata: {labels: {app: 'web'}}, spec: {containers: [{name: 'c', image: 'nginx', ports}]}}},
})

describe('expose and create service objects', () => {
  it('reads a deployment selector from matchLabels and refuses matchExpressions as kubectl words it', () => {
    expect(selectorOf(deployment({matchLabels: {app: 'web'}}))).to.equal('app=web')
    expect(() => selectorOf(deployment({matchExpressions: [{key: 'app', operator: 'In', values: ['a', 'b']}]}))).to.throw('couldn\'t convert expressions - "[{Key:app Operator:In Values:[a b]}]" to map-based selector format')
    expect(() => selectorOf(deployment(undefined))).to.throw('invalid deployment: no selectors, therefore cannot be exposed')
  })

  it('takes a replication controller selector map as it is; an empty one fails only as createService does, after the ports', () => {
    const rc = (selector: Record<string, string> | undefined, ports: unknown[] = [{containerPort: 80}]): KObject => ({
      apiVersion: 'v1',
      kind: 'ReplicationController',
      metadata: {name: 'frontend'},
      spec: {selector, template: {metadata: {labels: {app: 'guestbook'}}, spec: {containers: [{name: 'c', image: 'php', ports}]}}},
    })
    expect(selectorOf(rc({tier: 'frontend', app: 'guestbook'}))).to.equal('tier=frontend,app=guestbook')
    expect(exposedService(rc({app: 'guestbook'}), 'default', {}).spec).to.deep.include({selector: {app: 'guestbook'}, ports: [{port: 80, protocol: 'TCP', targetPort: 80}]})
    expect(selectorOf(rc(undefined))).to.equal('')
    expect(() => exposedService(rc(undefined), 'default', {})).to.throw('selector must be specified')
    expect(() => exposedService(rc(undefined, []), 'default', {})).to.throw("couldn't find port via --port flag or introspection")
  })

  it('cuts a name taken from the object to 63 characters, never one given with --name (the API server judges that)', () => {
    const long = 'kubernetes-serve-hostname-testing-sixty-three-characters-in-length'
    const pod: KObject = {apiVersion: 'v1', kind: 'Pod', metadata: {name: long, labels: {name: 'x'}}, spec: {containers: [{name: 'c', image: 'i'}]}}
    expect(exposedService(pod, 'default', {port: '8081'}).metadata.name).to.equal('kubernetes-serve-hostname-testing-sixty-three-characters-in-len')
    expect(exposedService(pod, 'default', {port: '8081', name: `${long}-x`}).metadata.name).to.equal(`${long}-x`)
  })

  it('names ports port-1, port-2 when several container ports are exposed, copying the object labels', () => {
    const svc = exposedService(deployment({matchLabels: {app: 'web'}}, [{containerPort: 80}, {containerPort: 53, protocol: 'UDP'}]), 'default', {})
    expect(svc.metadata).to.deep.equal({name: 'web', namespace: 'default', labels: {app: 'web', team: 'a'}})
    expect(svc.spec).to.deep.equal({
      ports: [{name: 'port-1', port: 80, protocol: 'TCP', targetPort: 80}, {name: 'port-2', port: 53, protocol: 'UDP', targetPort: 53}],
      selector: {app: 'web'},
    })
  })

  it('parses --tcp pairs as kubectl create service does', () => {
    expect(parsePortPair('80')).to.deep.equal({port: 80, targetPort: 80})
    expect(parsePortPair('80:http')).to.deep.equal({port: 80, targetPort: 'http'})
    expect(() => parsePortPair('x:80')).to.throw('strconv.ParseUint: parsing "x": invalid syntax')
    expect(() => parsePortPair('80:70000')).to.throw('must be between 1 and 65535, inclusive')
    expect(serviceFromOptions({name: 'web', namespace: 'default', type: 'NodePort', tcp: ['80:8080'], nodePort: 30080}).spec).to.deep.equal({
      ports: [{name: '80-8080', port: 80, protocol: 'TCP', targetPort: 8080, nodePort: 30080}],
      selector: {app: 'web'},
      type: 'NodePort',
    })
  })
})
