import {expect} from 'chai'

import type {KObject} from '../../../src/api/types.js'

import {renderTable} from '../../../src/printers/table/index.js'

const now = new Date('2026-07-01T10:05:00Z')
const created = '2026-07-01T10:00:00Z'

const svc = (name: string, spec: Record<string, unknown>, status: Record<string, unknown> = {loadBalancer: {}}): KObject => ({
  apiVersion: 'v1',
  kind: 'Service',
  metadata: {name, namespace: 'default', creationTimestamp: created},
  spec,
  status,
})

const ep = (name: string, subsets?: unknown[]): KObject => ({apiVersion: 'v1', kind: 'Endpoints', metadata: {name, namespace: 'default', creationTimestamp: created}, ...(subsets ? {subsets} : {})})

describe('get services, endpoints and endpointslices tables', () => {
  const services = [
    svc('kubernetes', {type: 'ClusterIP', clusterIP: '10.96.0.1', clusterIPs: ['10.96.0.1'], ports: [{name: 'https', port: 443, protocol: 'TCP', targetPort: 6443}]}),
    svc('web', {type: 'NodePort', clusterIP: '10.100.142.57', clusterIPs: ['10.100.142.57'], selector: {app: 'web', tier: 'fe'}, ports: [{port: 80, protocol: 'TCP', nodePort: 31935}, {name: 'dns', port: 53, protocol: 'UDP', nodePort: 30053}]}),
    svc('lb', {type: 'LoadBalancer', clusterIP: '10.96.7.7', clusterIPs: ['10.96.7.7'], selector: {app: 'lb'}, ports: [{port: 80, protocol: 'TCP', nodePort: 30001}]}),
    svc('ext', {type: 'ExternalName', externalName: 'my.external.com', selector: {app: 'ext'}}),
  ]

  it('prints NAME TYPE CLUSTER-IP EXTERNAL-IP PORT(S) AGE with node ports and kubectl\'s placeholders', () => {
    expect(renderTable(services, {now})).to.equal(
      'NAME         TYPE           CLUSTER-IP      EXTERNAL-IP       PORT(S)                     AGE\n' +
        'kubernetes   ClusterIP      10.96.0.1       <none>            443/TCP                     5m\n' +
        'web          NodePort       10.100.142.57   <none>            80:31935/TCP,53:30053/UDP   5m\n' +
        'lb           LoadBalancer   10.96.7.7       <pending>         80:30001/TCP                5m\n' +
        'ext          ExternalName   <none>          my.external.com   <none>                      5m\n',
    )
  })

  it('adds the SELECTOR column with -o wide', () => {
    expect(renderTable(services.slice(0, 2), {now, wide: true})).to.equal(
      'NAME         TYPE        CLUSTER-IP      EXTERNAL-IP   PORT(S)                     AGE   SELECTOR\n' +
        'kubernetes   ClusterIP   10.96.0.1       <none>        443/TCP                     5m    <none>\n' +
        'web          NodePort    10.100.142.57   <none>        80:31935/TCP,53:30053/UDP   5m    app=web,tier=fe\n',
    )
  })

  it('lists endpoints as ip:port, the first three then + N more..., <none> without subsets', () => {
    const addrs = ['10.244.1.5', '10.244.2.3', '10.244.2.4', '10.244.1.9'].map((ip) => ({ip}))
    expect(renderTable([ep('web', [{addresses: addrs, ports: [{port: 80, protocol: 'TCP'}]}]), ep('one', [{addresses: addrs.slice(0, 2), notReadyAddresses: [{ip: '10.244.3.3'}], ports: [{port: 8080, protocol: 'TCP'}]}]), ep('empty')], {now})).to.equal(
      'NAME    ENDPOINTS                                               AGE\n' +
        'web     10.244.1.5:80,10.244.2.3:80,10.244.2.4:80 + 1 more...   5m\n' +
        'one     10.244.1.5:8080,10.244.2.3:8080                         5m\n' +
        'empty   <none>                                                  5m\n',
    )
  })

  it('prints endpoint slices with ADDRESSTYPE, PORTS and ENDPOINTS, <unset> for a placeholder', () => {
    const slice = (name: string, ports: unknown, endpoints: unknown): KObject => ({apiVersion: 'discovery.k8s.io/v1', kind: 'EndpointSlice', metadata: {name, namespace: 'default', creationTimestamp: created}, addressType: 'IPv4', ports, endpoints})
    const eps = ['10.244.1.5', '10.244.2.3', '10.244.2.4', '10.244.1.9'].map((ip) => ({addresses: [ip], conditions: {ready: true}}))
    expect(renderTable([slice('web-x2k4q', [{name: '', port: 8080, protocol: 'TCP'}], eps), slice('idle-bcdfg', null, null)], {now})).to.equal(
      'NAME         ADDRESSTYPE   PORTS     ENDPOINTS                                      AGE\n' +
        'web-x2k4q    IPv4          8080      10.244.1.5,10.244.2.3,10.244.2.4 + 1 more...   5m\n' +
        'idle-bcdfg   IPv4          <unset>   <unset>                                        5m\n',
    )
  })
})
