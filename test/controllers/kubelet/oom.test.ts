import {expect} from 'chai'

import {Kubelet} from '../../../src/controllers/kubelet/kubelet.js'
import {containerStatus, phaseOf, stateOf, testCluster} from '../helpers.js'
import {FAST, kubeletHarness} from './harness.js'

describe('kubelet: containers that outgrow their memory limit', () => {
  const h = kubeletHarness()
  const {at, pod} = h

  const run = (usage: string, limit: string | undefined, restartPolicy = 'Always'): void => {
    const resources = limit ? {limits: {memory: limit}} : {}
    h.tc.pod('web', {containers: [{name: 'web', image: 'nginx:1.27', resources}], nodeName: 'ksim-worker', restartPolicy}, {annotations: {...FAST, 'ksim.io/memory-usage': usage}})
    at(0)
    at(200)
  }

  it('OOM-kills a process above limits.memory 1 s after it starts (137, OOMKilled) and restarts it with CrashLoopBackOff', () => {
    run('300Mi', '256Mi')
    expect(stateOf(pod(), 'web')).to.equal('running')
    at(1199)
    expect(stateOf(pod(), 'web')).to.equal('running')
    at(1200) // killed, and restarted at once (the first restart has no back-off)
    const s = containerStatus(pod(), 'web')!
    expect([stateOf(pod(), 'web'), s.restartCount, s.lastState.terminated.reason, s.lastState.terminated.exitCode]).to.deep.equal(['running', 1, 'OOMKilled', 137])
    at(2200) // killed again: now in back-off, the STATUS shows CrashLoopBackOff with OOMKilled as last state
    const again = containerStatus(pod(), 'web')!
    expect([again.state.waiting.reason, again.lastState.terminated.reason, again.lastState.terminated.exitCode]).to.deep.equal(['CrashLoopBackOff', 'OOMKilled', 137])
    // no event for the kill itself: the kubelet records none for a container OOM (only SystemOOM for the node)
    expect(h.tc.events('web').filter((e) => /OOM/.test(e))).to.deep.equal([])
    expect(h.tc.events('web').at(-1)).to.match(/^Warning BackOff Back-off restarting failed container web in pod web_default/)
  })

  it('leaves a process within its limit, or without a limit, running', () => {
    run('256Mi', '256Mi')
    at(60_000)
    expect([stateOf(pod(), 'web'), containerStatus(pod(), 'web')!.restartCount]).to.deep.equal(['running', 0])
    h.tc.close()
    h.tc = testCluster()
    h.k = new Kubelet()
    run('64Gi', undefined)
    at(60_000)
    expect(stateOf(pod(), 'web')).to.equal('running')
  })

  it('fails a restartPolicy Never pod with the container terminated OOMKilled', () => {
    run('1Gi', '512Mi', 'Never')
    at(1200)
    expect([phaseOf(pod()), stateOf(pod(), 'web')]).to.deep.equal(['Failed', 'terminated:OOMKilled:137'])
  })
})
