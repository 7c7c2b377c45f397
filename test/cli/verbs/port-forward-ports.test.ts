// port-forward's port arguments and --address as kubectl and client-go read them: named container ports,
// a Service's port to its target port (number, named, omitted, headless), UDP-only ports, local port 0,
// and their errors.
import type {Pod, Service} from 'kubernetes-types/core/v1.js'

import {expect} from 'chai'

import {forwardedPorts, listenAddresses} from '../../../src/cli/verbs/port-forward-ports.js'

const pod: Pod = {metadata: {name: 'web'}, spec: {containers: [{name: 'a', ports: [{name: 'http', containerPort: 8080}, {name: 'dns', containerPort: 53, protocol: 'UDP'}]}]}}
const svc = (extra: Partial<Service['spec']> = {}): Service => ({metadata: {name: 'web'}, spec: {ports: [{name: 'http', port: 80, targetPort: 'http' as never}, {name: 'metrics', port: 9090}, {name: 'admin', port: 81, targetPort: 9000 as never}], ...extra}})
const fails = (f: () => unknown): string => {
  try {
    f()
  } catch (error) {
    return (error as Error).message
  }
  return 'no error'
}

describe('port-forward: ports and addresses', () => {
  it('a pod: numbers, [LOCAL:]REMOTE, :REMOTE for a free local port, named container ports', () => {
    expect(forwardedPorts(['8080', '9000:8080', ':8080', 'http', '7000:http'], pod)).to.deep.equal([
      {local: 8080, remote: 8080}, {local: 9000, remote: 8080}, {local: 0, remote: 8080}, {local: 8080, remote: 8080}, {local: 7000, remote: 8080},
    ])
  })

  it('a Service: its port to the target port, by number or the pod\'s named port; a headless Service\'s port as it is', () => {
    expect(forwardedPorts(['80', '8000:80', 'http', '9090', '81'], pod, svc())).to.deep.equal([
      {local: 80, remote: 8080}, {local: 8000, remote: 8080}, {local: 80, remote: 8080}, {local: 9090, remote: 9090}, {local: 81, remote: 9000},
    ])
    expect(forwardedPorts(['80'], pod, svc({clusterIP: 'None'}))).to.deep.equal([{local: 80, remote: 80}])
  })

  it('refuses what kubectl refuses, with its words', () => {
    expect(fails(() => forwardedPorts(['grpc'], pod))).to.equal("Pod 'web' does not have a named port 'grpc'")
    expect(fails(() => forwardedPorts(['dns'], pod))).to.equal('UDP protocol is not supported for dns')
    expect(fails(() => forwardedPorts(['8080:'], pod))).to.equal('remote port cannot be empty')
    expect(fails(() => forwardedPorts(['70000'], pod))).to.equal(`error parsing local port '70000': strconv.ParseUint: parsing "70000": value out of range`)
    expect(fails(() => forwardedPorts(['x:80'], pod))).to.equal(`error parsing local port 'x': strconv.ParseUint: parsing "x": invalid syntax`)
    expect(fails(() => forwardedPorts(['0'], pod))).to.equal('remote port must be > 0')
    // kubectl's splitPort takes the first part of a spec with two colons for both ports, so client-go's
    // `invalid port format` is never reached from the command
    expect(forwardedPorts(['1:2:3'], pod)).to.deep.equal([{local: 1, remote: 1}])
    expect(fails(() => forwardedPorts(['8443'], pod, svc()))).to.equal('Service web does not have a service port 8443')
    expect(fails(() => forwardedPorts(['https'], pod, svc()))).to.equal("Service 'web' does not have a named port 'https'")
  })

  it('--address: localhost is 127.0.0.1 and ::1 (either will do), IPs must each work, sorted', () => {
    expect(listenAddresses(['localhost'])).to.deep.equal([{address: '127.0.0.1', protocol: 'tcp4', failureMode: 'all'}, {address: '::1', protocol: 'tcp6', failureMode: 'all'}])
    expect(listenAddresses(['0.0.0.0', 'localhost'])).to.deep.equal([
      {address: '0.0.0.0', protocol: 'tcp4', failureMode: 'any'}, {address: '127.0.0.1', protocol: 'tcp4', failureMode: 'all'}, {address: '::1', protocol: 'tcp6', failureMode: 'all'},
    ])
    expect(fails(() => listenAddresses(['example.com']))).to.equal('example.com is not a valid IP')
  })
})
