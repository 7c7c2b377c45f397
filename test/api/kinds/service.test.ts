import {expect} from 'chai'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import type {KObject} from '../../../src/api/types.js'

import {defaultProfile} from '../../../src/api/cluster-profile.js'
import {errorText} from '../../../src/cli/errors.js'
import {serviceType} from '../../../src/api/kinds/service.js'
import {Api} from '../../../src/api/server.js'
import {bootstrapCluster} from '../../../src/cluster/bootstrap.js'
import {Store} from '../../../src/store/sqlite-store.js'

const svc = (name: string, spec: Record<string, unknown>): KObject => ({apiVersion: 'v1', kind: 'Service', metadata: {name, namespace: 'default'}, spec})

describe('Service kind', () => {
  let dir: string
  let store: Store
  let api: Api
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ksim-svc-'))
    store = Store.open(path.join(dir, 'state.db'))
    bootstrapCluster(store, {...defaultProfile, name: 'ksim'}, new Date('2026-07-01T10:00:00Z'))
    api = new Api(store)
  })
  afterEach(() => {
    store.close()
    fs.rmSync(dir, {recursive: true, force: true})
  })
  const fails = (obj: KObject): string => {
    try {
      api.create(obj)
    } catch (error) {
      return errorText(error)
    }
    throw new Error('created')
  }

  it('defaults type, affinity, traffic policy, families, protocol and targetPort, and allocates a cluster IP', () => {
    const o = api.create(svc('web', {selector: {app: 'web'}, ports: [{port: 80}]})).object
    const spec = o.spec as Record<string, any>
    expect(spec.type).to.equal('ClusterIP')
    expect(spec.sessionAffinity).to.equal('None')
    expect(spec.internalTrafficPolicy).to.equal('Cluster')
    expect(spec.ipFamilies).to.deep.equal(['IPv4'])
    expect(spec.ipFamilyPolicy).to.equal('SingleStack')
    expect(spec.ports).to.deep.equal([{port: 80, protocol: 'TCP', targetPort: 80}])
    expect(spec.clusterIP).to.match(/^10\.(9[6-9]|10\d|11[01])\.\d+\.\d+$/)
    expect(spec.clusterIPs).to.deep.equal([spec.clusterIP])
    expect(o.status).to.deep.equal({loadBalancer: {}})
  })

  it('gives every live Service its own cluster IP; the kubernetes Service holds 10.96.0.1', () => {
    expect((api.peek('Service', 'default', 'kubernetes')!.spec as {clusterIP: string}).clusterIP).to.equal('10.96.0.1')
    const ips = new Set(['10.96.0.1'])
    for (let i = 0; i < 20; i++) ips.add((api.create(svc(`s${i}`, {ports: [{port: 80}]})).object.spec as {clusterIP: string}).clusterIP)
    expect(ips.size).to.equal(21)
  })

  it('refuses a cluster IP in use or outside the service CIDR', () => {
    expect(fails(svc('a', {clusterIP: '10.96.0.1', ports: [{port: 80}]}))).to.equal('The Service "a" is invalid: spec.clusterIPs: Invalid value: ["10.96.0.1"]: failed to allocate IP 10.96.0.1: provided IP is already allocated')
    expect(fails(svc('a', {clusterIP: '1.1.1.1', ports: [{port: 80}]}))).to.equal('The Service "a" is invalid: spec.clusterIPs: Invalid value: ["1.1.1.1"]: failed to allocate IP 1.1.1.1: the provided IP (1.1.1.1) is not in the valid range. The range of valid IPs is 10.96.0.0/12')
  })

  it('allocates node ports in 30000-32767 and refuses taken or out-of-range ones', () => {
    const o = api.create(svc('np', {type: 'NodePort', ports: [{port: 80, nodePort: 30080}, {name: 'b', port: 81}].map((p, i) => (i === 0 ? {...p, name: 'a'} : p))})).object
    const ports = (o.spec as {ports: {nodePort: number}[]}).ports
    expect(ports[0].nodePort).to.equal(30080)
    expect(ports[1].nodePort).to.be.within(30000, 32767)
    expect((o.spec as {externalTrafficPolicy: string}).externalTrafficPolicy).to.equal('Cluster')
    expect(fails(svc('np2', {type: 'NodePort', ports: [{port: 80, nodePort: 30080}]}))).to.equal('The Service "np2" is invalid: spec.ports[0].nodePort: Invalid value: 30080: provided port is already allocated')
    expect(fails(svc('np3', {type: 'NodePort', ports: [{port: 80, nodePort: 80}]}))).to.equal('The Service "np3" is invalid: spec.ports[0].nodePort: Invalid value: 80: provided port is not in the valid range. The range of valid ports is 30000-32767')
  })

  it('gives the API server\'s messages for bad ports, missing ports, duplicates and unknown types', () => {
    // targetPort defaults to the port, so both are reported, as the API server does
    expect(fails(svc('a', {ports: [{port: 70000}]}))).to.equal(
      'The Service "a" is invalid: \n* spec.ports[0].port: Invalid value: 70000: must be between 1 and 65535, inclusive\n* spec.ports[0].targetPort: Invalid value: 70000: must be between 1 and 65535, inclusive',
    )
    expect(fails(svc('a', {ports: [{port: 70000, targetPort: 8080}]}))).to.equal('The Service "a" is invalid: spec.ports[0].port: Invalid value: 70000: must be between 1 and 65535, inclusive')
    expect(fails(svc('a', {}))).to.equal('The Service "a" is invalid: spec.ports: Required value')
    expect(fails(svc('a', {type: 'Foo', ports: [{port: 80}]}))).to.equal('The Service "a" is invalid: spec.type: Unsupported value: "Foo": supported values: "ClusterIP", "ExternalName", "LoadBalancer", "NodePort"')
    expect(fails(svc('a', {ports: [{name: 'x', port: 443}, {name: 'x', port: 443}]}))).to.equal(
      'The Service "a" is invalid: \n* spec.ports[1].name: Duplicate value: "x"\n* spec.ports[1]: Duplicate value: core.ServicePort{Name:"", Protocol:"TCP", AppProtocol:(*string)(nil), Port:443, TargetPort:intstr.IntOrString{Type:0, IntVal:0, StrVal:""}, NodePort:0}',
    )
    expect(fails(svc('a', {ports: [{port: 80}, {port: 81}]}))).to.equal('The Service "a" is invalid: \n* spec.ports[0].name: Required value\n* spec.ports[1].name: Required value')
    expect(fails(svc('a', {ports: [{port: 80}], ipFamilies: ['IPv6']}))).to.equal('The Service "a" is invalid: spec.ipFamilies[0]: Invalid value: null: ipfamily IPv6 is not configured on cluster')
  })

  it('keeps the cluster IP when an update leaves it out, and refuses to change it', () => {
    const o = api.create(svc('web', {ports: [{port: 80}]})).object
    const ip = (o.spec as {clusterIP: string}).clusterIP
    const next = structuredClone(o)
    delete (next.spec as Record<string, unknown>).clusterIP
    delete (next.spec as Record<string, unknown>).clusterIPs
    expect((api.update(next).spec as {clusterIP: string}).clusterIP).to.equal(ip)
    const changed = structuredClone(api.peek('Service', 'default', 'web')!)
    ;(changed.spec as Record<string, unknown>).clusterIP = '10.96.0.50'
    let msg = ''
    try {
      api.update(changed)
    } catch (error) {
      msg = errorText(error)
    }
    expect(msg).to.equal('The Service "web" is invalid: spec.clusterIPs[0]: Invalid value: ["10.96.0.50"]: may not change once set')
  })

  it('is served as svc, in the all category', () => {
    expect(serviceType.shortNames).to.deep.equal(['svc'])
    expect(serviceType.categories).to.deep.equal(['all'])
  })
})
