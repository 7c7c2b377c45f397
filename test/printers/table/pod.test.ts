import {expect} from 'chai'

import type {KObject, Pod} from '../../../src/api/types.js'
import {podSummary, renderTable} from '../../../src/printers/table/index.js'
import {NOW, ago, conditions, pod, stages, webStatus} from '../fixtures.js'

const summary = (p: KObject) => podSummary(p as unknown as Pod, NOW)

describe('pod table', () => {
  it('prints every lifecycle stage with kubectl\'s READY, STATUS, RESTARTS and AGE', () => {
    expect(renderTable(Object.values(stages), {now: NOW})).to.equal(
      'NAME       READY   STATUS                  RESTARTS      AGE\n' +
      'fresh      0/1     Pending                 0             2s\n' +
      'big        0/1     Pending                 0             40s\n' +
      'creating   0/1     ContainerCreating       0             8s\n' +
      'web        1/1     Running                 0             5m\n' +
      'leaving    1/1     Terminating             0             5m\n' +
      'flaky      1/1     Running                 3 (42s ago)   60m\n' +
      'job-x      0/1     Completed               0             15m\n' +
      'job-y      0/1     Error                   0             15m\n' +
      'init-a     0/1     Init:0/2                0             30s\n' +
      'init-b     0/1     Init:CrashLoopBackOff   4 (20s ago)   10m\n' +
      'init-c     0/1     PodInitializing         0             60s\n' +
      'crashy     0/1     CrashLoopBackOff        5 (70s ago)   6m40s\n')
  })

  it('adds IP, NODE, NOMINATED NODE and READINESS GATES with -o wide', () => {
    expect(renderTable([stages.unscheduled, stages.running, stages.initCrash], {now: NOW, wide: true})).to.equal(
      'NAME     READY   STATUS                  RESTARTS      AGE   IP           NODE     NOMINATED NODE   READINESS GATES\n' +
      'fresh    0/1     Pending                 0             2s    <none>       <none>   <none>           <none>\n' +
      'web      1/1     Running                 0             5m    10.244.1.5   node-1   <none>           <none>\n' +
      'init-b   0/1     Init:CrashLoopBackOff   4 (20s ago)   10m   10.244.1.5   node-1   <none>           <none>\n')
  })

  it('counts true readiness gates and takes the IP from podIPs, else podIP', () => {
    const gated = pod('gated', {spec: {nodeName: 'node-1', readinessGates: [{conditionType: 'example.com/lb'}, {conditionType: 'example.com/dns'}]},
      status: {phase: 'Running', podIP: '10.244.1.9', conditions: [...conditions(60), {type: 'example.com/lb', status: 'True'}],
        containerStatuses: [webStatus({running: {startedAt: ago(60)}}, {ready: true})]}, meta: {}})
    const cells = renderTable([gated], {now: NOW, wide: true, noHeaders: true})
    expect(cells).to.equal('gated   1/1   Running   0     5m    10.244.1.9   node-1   <none>   1/2\n')
  })

  it('reports the first failing container when one container completed and another failed', () => {
    const twoDone = pod('two', {spec: {containers: [{name: 'a', image: 'x'}, {name: 'b', image: 'y'}], restartPolicy: 'Never'},
      status: {phase: 'Failed', containerStatuses: [
        {name: 'a', ready: false, restartCount: 0, image: 'x', imageID: '', state: {terminated: {exitCode: 0, reason: 'Completed'}}},
        {name: 'b', ready: false, restartCount: 0, image: 'y', imageID: '', state: {terminated: {exitCode: 2, reason: 'Error'}}}]}})
    expect(summary(twoDone)).to.deep.equal({ready: '0/2', status: 'Error', restarts: '0'})
  })

  it('shows Running for a completed container beside a ready one, NotReady without the Ready condition', () => {
    const statuses = [
      {name: 'a', ready: false, restartCount: 0, image: 'x', imageID: '', state: {terminated: {exitCode: 0, reason: 'Completed'}}},
      {name: 'b', ready: true, restartCount: 0, image: 'y', imageID: '', state: {running: {startedAt: ago(10)}}}]
    const spec = {containers: [{name: 'a', image: 'x'}, {name: 'b', image: 'y'}]}
    const ready = pod('r', {spec, status: {phase: 'Running', conditions: conditions(10), containerStatuses: statuses}})
    const notReady = pod('n', {spec, status: {phase: 'Running', conditions: conditions(10, {Ready: 'False'}), containerStatuses: statuses}})
    expect(summary(ready).status).to.equal('Running')
    expect(summary(notReady).status).to.equal('NotReady')
    expect(summary(ready).ready).to.equal('1/2')
  })

  it('counts started sidecars in READY and their restarts once the pod is initialized', () => {
    const p = pod('side', {spec: {initContainers: [{name: 'proxy', image: 'envoy', restartPolicy: 'Always'}]},
      status: {phase: 'Running', conditions: conditions(10),
        initContainerStatuses: [{name: 'proxy', ready: true, started: true, restartCount: 2, image: 'envoy', imageID: '', state: {running: {startedAt: ago(10)}},
          lastState: {terminated: {exitCode: 1, finishedAt: ago(15)}}}],
        containerStatuses: [webStatus({running: {startedAt: ago(9)}}, {ready: true, restartCount: 1, lastState: {terminated: {exitCode: 1, finishedAt: ago(30)}}})]}})
    expect(summary(p)).to.deep.equal({ready: '2/2', status: 'Running', restarts: '3 (15s ago)'})
  })

  it('names init failures by reason, signal or exit code', () => {
    const init = (state: Record<string, unknown>) => pod('i', {spec: {initContainers: [{name: 'm', image: 'b'}]},
      status: {phase: 'Pending', initContainerStatuses: [{name: 'm', ready: false, restartCount: 0, image: 'b', imageID: '', state}]}})
    expect(summary(init({terminated: {exitCode: 1, reason: 'Error'}})).status).to.equal('Init:Error')
    expect(summary(init({terminated: {exitCode: 137, signal: 9}})).status).to.equal('Init:Signal:9')
    expect(summary(init({terminated: {exitCode: 3}})).status).to.equal('Init:ExitCode:3')
    expect(summary(init({waiting: {reason: 'ErrImagePull'}})).status).to.equal('Init:ErrImagePull')
  })

  it('shows SchedulingGated, Unknown for lost nodes, status.reason, and keeps terminal pods\' reason while deleting', () => {
    const gated = pod('g', {status: {conditions: [{type: 'PodScheduled', status: 'False', reason: 'SchedulingGated'}]}})
    const lost = pod('l', {meta: {deletionTimestamp: ago(5)}, status: {phase: 'Running', reason: 'NodeLost'}})
    const evicted = pod('e', {status: {phase: 'Failed', reason: 'Evicted'}})
    const doneDeleting = {...stages.completed, metadata: {...stages.completed.metadata, deletionTimestamp: ago(1)}}
    expect(summary(gated).status).to.equal('SchedulingGated')
    expect(summary(lost).status).to.equal('Unknown')
    expect(summary(evicted).status).to.equal('Evicted')
    expect(summary(doneDeleting).status).to.equal('Completed')
  })

  it('names a container terminated without a reason by its signal or exit code', () => {
    const p = pod('s', {status: {phase: 'Running', containerStatuses: [webStatus({terminated: {exitCode: 143, signal: 15}})]}})
    const q = pod('x', {status: {phase: 'Running', containerStatuses: [webStatus({terminated: {exitCode: 7}})]}})
    expect(summary(p).status).to.equal('Signal:15')
    expect(summary(q).status).to.equal('ExitCode:7')
  })
})
