import {expect} from 'chai'

import type {KObject} from '../../../src/api/types.js'

import {describerFor} from '../../../src/printers/describe/index.js'

const now = new Date('2026-07-01T10:00:00Z')

const service: KObject = {
  apiVersion: 'v1',
  kind: 'Service',
  metadata: {name: 'test', namespace: 'default', labels: {app: 'backend'}},
  spec: {
    selector: {app: 'backend'},
    type: 'ClusterIP',
    ipFamilyPolicy: 'SingleStack',
    ipFamilies: ['IPv4'],
    clusterIP: '10.100.227.148',
    clusterIPs: ['10.100.227.148'],
    ports: [{port: 8080, protocol: 'TCP', targetPort: 8080}],
    sessionAffinity: 'None',
    internalTrafficPolicy: 'Cluster',
  },
}

const slice = (endpoints: unknown[]): KObject => ({apiVersion: 'discovery.k8s.io/v1', kind: 'EndpointSlice', metadata: {name: 'test-abcde', namespace: 'default'}, addressType: 'IPv4', ports: [{name: '', port: 8080, protocol: 'TCP'}], endpoints})

describe('describe service, endpoints and endpointslice', () => {
  it('prints the service fields in kubectl\'s order with ready endpoints from its slices', () => {
    const ctx = {now, events: [], endpointSlices: [slice([{addresses: ['10.244.171.81'], conditions: {ready: true}}, {addresses: ['10.244.171.90'], conditions: {ready: false}}])]}
    expect(describerFor('Service')!(service, ctx)).to.equal(
      'Name:                     test\n' +
        'Namespace:                default\n' +
        'Labels:                   app=backend\n' +
        'Annotations:              <none>\n' +
        'Selector:                 app=backend\n' +
        'Type:                     ClusterIP\n' +
        'IP Family Policy:         SingleStack\n' +
        'IP Families:              IPv4\n' +
        'IP:                       10.100.227.148\n' +
        'IPs:                      10.100.227.148\n' +
        'Port:                     <unset>  8080/TCP\n' +
        'TargetPort:               8080/TCP\n' +
        'Endpoints:                10.244.171.81:8080\n' +
        'Session Affinity:         None\n' +
        'Internal Traffic Policy:  Cluster\n' +
        'Events:                   <none>\n',
    )
  })

  it('prints <none> without slices, and node ports for NodePort services', () => {
    const np = structuredClone(service)
    Object.assign(np.spec as object, {type: 'NodePort', externalTrafficPolicy: 'Cluster', ports: [{name: '80-8080', port: 80, protocol: 'TCP', targetPort: 8080, nodePort: 30080}]})
    const text = describerFor('Service')!(np, {now, events: []})
    expect(text).to.contain('Port:                     80-8080  80/TCP\nTargetPort:               8080/TCP\nNodePort:                 80-8080  30080/TCP\nEndpoints:                <none>\n')
    expect(text).to.contain('Session Affinity:         None\nExternal Traffic Policy:  Cluster\nInternal Traffic Policy:  Cluster\n')
  })

  it('prints an empty Endpoints line per port for a Service whose only slice is the placeholder', () => {
    const svc = structuredClone(service)
    svc.metadata = {name: 'two-ports', namespace: 'default', labels: {app: 'two-ports'}}
    Object.assign(svc.spec as object, {selector: {app: 'two-ports'}, clusterIP: '10.105.165.185', clusterIPs: ['10.105.165.185'], ports: [{name: '80-80', port: 80, protocol: 'TCP', targetPort: 80}, {name: '443-443', port: 443, protocol: 'TCP', targetPort: 443}]})
    const placeholder: KObject = {apiVersion: 'discovery.k8s.io/v1', kind: 'EndpointSlice', metadata: {name: 'two-ports-bcdfg'}, addressType: 'IPv4', ports: null, endpoints: null}
    expect(describerFor('Service')!(svc, {now, events: [], endpointSlices: [placeholder]} as never)).to.equal(
      'Name:                     two-ports\n' +
        'Namespace:                default\n' +
        'Labels:                   app=two-ports\n' +
        'Annotations:              <none>\n' +
        'Selector:                 app=two-ports\n' +
        'Type:                     ClusterIP\n' +
        'IP Family Policy:         SingleStack\n' +
        'IP Families:              IPv4\n' +
        'IP:                       10.105.165.185\n' +
        'IPs:                      10.105.165.185\n' +
        'Port:                     80-80  80/TCP\n' +
        'TargetPort:               80/TCP\n' +
        'Endpoints:                \n' +
        'Port:                     443-443  443/TCP\n' +
        'TargetPort:               443/TCP\n' +
        'Endpoints:                \n' +
        'Session Affinity:         None\n' +
        'Internal Traffic Policy:  Cluster\n' +
        'Events:                   <none>\n',
    )
  })

  it('prints endpoints subsets with addresses, not-ready addresses and ports', () => {
    const ep: KObject = {apiVersion: 'v1', kind: 'Endpoints', metadata: {name: 'web', namespace: 'default'}, subsets: [{addresses: [{ip: '10.244.1.5'}, {ip: '10.244.1.6'}], notReadyAddresses: [{ip: '10.244.2.2'}], ports: [{port: 80, protocol: 'TCP'}]}]}
    expect(describerFor('Endpoints')!(ep, {now, events: []})).to.equal(
      'Name:         web\n' +
        'Namespace:    default\n' +
        'Labels:       <none>\n' +
        'Annotations:  <none>\n' +
        'Subsets:\n' +
        '  Addresses:          10.244.1.5,10.244.1.6\n' +
        '  NotReadyAddresses:  10.244.2.2\n' +
        '  Ports:\n' +
        '    Name     Port  Protocol\n' +
        '    ----     ----  --------\n' +
        '    <unset>  80    TCP\n' +
        '\n' +
        'Events:  <none>\n',
    )
  })

  it('prints an endpoint slice with each endpoint\'s conditions and target', () => {
    const s = slice([{addresses: ['10.244.1.5'], conditions: {ready: false, serving: true, terminating: true}, nodeName: 'ksim-worker', targetRef: {kind: 'Pod', name: 'web-a'}}])
    expect(describerFor('EndpointSlice')!(s, {now, events: []})).to.equal(
      'Name:         test-abcde\n' +
        'Namespace:    default\n' +
        'Labels:       <none>\n' +
        'Annotations:  <none>\n' +
        'AddressType:  IPv4\n' +
        'Ports:\n' +
        '  Name     Port  Protocol\n' +
        '  ----     ----  --------\n' +
        '  <unset>  8080  TCP\n' +
        'Endpoints:\n' +
        '  - Addresses:  10.244.1.5\n' +
        '    Conditions:\n' +
        '      Ready:    false\n' +
        '    Hostname:   <unset>\n' +
        '    TargetRef:  Pod/web-a\n' +
        '    NodeName:   ksim-worker\n' +
        '    Zone:       <unset>\n' +
        'Events:         <none>\n',
    )
  })
})
