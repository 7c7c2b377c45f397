import type {Pod} from 'kubernetes-types/core/v1.js'

import {expect} from 'chai'

import {logContainer, logEnded, logInstance} from '../../src/api/pod-log.js'

const pod = (status: Record<string, unknown>, spec: Record<string, unknown> = {}): Pod =>
  ({metadata: {name: 'web', uid: 'u1'}, spec: {nodeName: 'n1', containers: [{name: 'app', image: 'nginx'}], ...spec}, status}) as Pod

const app = (s: Record<string, unknown>) => ({containerStatuses: [{name: 'app', image: 'nginx', imageID: '', ready: false, restartCount: 0, ...s}]})

function refusal(fn: () => unknown): string {
  try {
    fn()
  } catch (error) {
    const e = error as {code?: number; message: string}
    return `${e.code} ${e.message}`
  }
  throw new Error('expected a refusal')
}

describe('pod logs: the container instance a request reads', () => {
  it('reads the running instance, or the terminated one, or the last one while the next waits', () => {
    expect(logInstance(pod(app({containerID: 'containerd://a', state: {running: {}}})), 'app', false, false)).to.equal('containerd://a')
    expect(logInstance(pod(app({containerID: 'containerd://b', state: {terminated: {exitCode: 0, containerID: 'containerd://b'}}})), 'app', false, false)).to.equal('containerd://b')
    const crashLoop = app({state: {waiting: {reason: 'CrashLoopBackOff'}}, lastState: {terminated: {exitCode: 1, containerID: 'containerd://c'}}})
    expect(logInstance(pod(crashLoop), 'app', false, false)).to.equal('containerd://c')
    expect(logInstance(pod(crashLoop), 'app', false, true)).to.equal('containerd://c')
  })

  it('answers an empty log for a pod on no node', () => {
    expect(logInstance(pod({}, {nodeName: undefined}), 'app', false, true)).to.equal(undefined)
  })

  it('refuses with the kubelet\'s messages when there is nothing to read', () => {
    const waiting = (reason: string) => pod(app({state: {waiting: {reason}}}))
    expect(refusal(() => logInstance(waiting('ContainerCreating'), 'app', false, false))).to.equal('400 container "app" in pod "web" is waiting to start: ContainerCreating')
    expect(refusal(() => logInstance(waiting('ErrImagePull'), 'app', false, false))).to.equal('400 container "app" in pod "web" is waiting to start: image can\'t be pulled')
    expect(refusal(() => logInstance(waiting('ImagePullBackOff'), 'app', false, false))).to.equal('400 container "app" in pod "web" is waiting to start: trying and failing to pull image')
    expect(refusal(() => logInstance(pod(app({state: {running: {}}})), 'app', false, true))).to.equal('400 previous terminated container "app" in pod "web" not found')
    expect(refusal(() => logInstance(pod({}), 'app', false, false))).to.equal('400 container "app" in pod "web" is not available')
    expect(refusal(() => logInstance(pod(app({state: {terminated: {exitCode: 137}}})), 'app', false, false))).to.equal('400 container "app" in pod "web" is terminated')
    expect(refusal(() => logInstance(pod(app({state: {}})), 'app', false, false))).to.equal('400 container "app" in pod "web" is waiting to start - no logs yet')
  })

  it('names the container when the pod has several, as LogLocation does', () => {
    const two = pod({}, {initContainers: [{name: 'setup'}], containers: [{name: 'a'}, {name: 'b'}]})
    expect(refusal(() => logContainer(two, undefined))).to.equal('400 a container name must be specified for pod web, choose one of: [setup a b]')
    expect(refusal(() => logContainer(two, 'c'))).to.equal('400 container c is not valid for pod web')
    expect(logContainer(two, 'setup')).to.deep.equal({name: 'setup', init: true})
    expect(logContainer(pod({}), undefined)).to.deep.equal({name: 'app', init: false})
  })

  it('ends a followed log when its instance stops running, is replaced, or the pod goes away', () => {
    const running = pod(app({containerID: 'containerd://a', state: {running: {}}}))
    expect(logEnded(running, 'u1', 'app', false, 'containerd://a')).to.equal(false)
    expect(logEnded(running, 'u1', 'app', false, 'containerd://old')).to.equal(true)
    expect(logEnded(pod(app({containerID: 'containerd://a', state: {terminated: {exitCode: 0}}})), 'u1', 'app', false, 'containerd://a')).to.equal(true)
    expect(logEnded(undefined, 'u1', 'app', false, 'containerd://a')).to.equal(true)
    expect(logEnded(running, 'u2', 'app', false, 'containerd://a')).to.equal(true)
  })
})
