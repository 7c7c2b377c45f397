import {expect} from 'chai'

import {runtimeClassType} from '../../../src/api/kinds/runtimeclass.js'
import {conditions, phaseOf, stateOf} from '../helpers.js'
import {FAST, kubeletHarness} from './harness.js'

describe('kubelet: the runtime handler of a pod\'s RuntimeClass', () => {
  const h = kubeletHarness()
  const {at, pod} = h

  const runtimeClass = (name: string, handler: string): void => {
    h.tc.api.create({apiVersion: 'node.k8s.io/v1', kind: 'RuntimeClass', metadata: {name}, handler} as never)
  }
  const run = (runtimeClassName: string): void => {
    h.tc.pod('web', {runtimeClassName, containers: [{name: 'web', image: 'nginx:1.27'}], nodeName: 'ksim-worker'}, {annotations: FAST})
  }
  const SANDBOX = /^Warning FailedCreatePodSandBox Failed to create pod sandbox: rpc error: code = Unknown desc = unable to get OCI runtime for sandbox "([0-9a-f]{64})": no runtime for "runsc" is configured( \(x\d+\))?$/

  it('runs a pod whose class names the configured handler (runc) as any other', () => {
    runtimeClass('plain', 'runc')
    run('plain')
    at(0)
    at(200)
    expect([phaseOf(pod()), stateOf(pod(), 'web')]).to.deep.equal(['Running', 'running'])
  })

  it('keeps a pod whose handler the node lacks in ContainerCreating, FailedCreatePodSandBox at every sync', () => {
    runtimeClass('gvisor', 'runsc')
    run('gvisor')
    at(0)
    expect([phaseOf(pod()), conditions(pod())[0], stateOf(pod(), 'web')]).to.deep.equal(['Pending', 'PodReadyToStartContainers=False', 'waiting:ContainerCreating'])
    const [first] = h.tc.events('web')
    expect(first).to.match(SANDBOX)
    // a retry is not work in progress, and nothing is due before the pod worker's next sync
    expect(h.tc.pass(h.k)).to.deep.include({writes: 0, background: true})
    at(9_999)
    expect(h.tc.events('web')).to.deep.equal([first])
    at(10_000)
    const events = h.tc.events('web')
    expect(events).to.have.length(2) // each try names its own sandbox
    expect(events[1]).to.match(SANDBOX)
    expect(events[1].match(SANDBOX)![1]).not.to.equal(first.match(SANDBOX)![1])
    expect(stateOf(pod(), 'web')).to.equal('waiting:ContainerCreating')
  })

  it('reports a class deleted after the pod was admitted, and starts the pod once a class of that name has a configured handler', () => {
    runtimeClass('gone', 'runc')
    run('gone')
    h.tc.api.delete(runtimeClassType, '', 'gone')
    at(0)
    expect(h.tc.events('web')).to.deep.equal(['Warning FailedCreatePodSandBox Failed to create pod sandbox: runtimeclass.node.k8s.io "gone" not found'])
    runtimeClass('gone', 'runc')
    at(10_000)
    at(10_200)
    expect([phaseOf(pod()), stateOf(pod(), 'web')]).to.deep.equal(['Running', 'running'])
    expect(h.tc.events('web').map((e) => e.split(' ')[1])).to.deep.equal(['FailedCreatePodSandBox', 'Pulling', 'Pulled', 'Created', 'Started'])
  })
})
