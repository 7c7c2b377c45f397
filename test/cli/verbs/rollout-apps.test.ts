import {expect} from 'chai'

import type {KObject} from '../../../src/api/types.js'

import {statefulSetType} from '../../../src/api/kinds/statefulset.js'
import {appsHistory, appsRollback, appsRolloutStatus} from '../../../src/cli/verbs/rollout-apps.js'
import {printTemplate} from '../../../src/cli/verbs/rollout.js'
import {Kubelet} from '../../../src/controllers/kubelet/kubelet.js'
import {Scheduler} from '../../../src/controllers/scheduler/scheduler.js'
import {StatefulSetController} from '../../../src/controllers/statefulset/statefulset.js'
import {testCluster, type TestCluster} from '../../controllers/helpers.js'
import {sts} from '../../controllers/statefulset/fixtures.js'

const set = (spec: Record<string, unknown>, status: Record<string, unknown>, generation = 1): KObject => ({apiVersion: 'apps/v1', kind: 'StatefulSet', metadata: {name: 'web', generation}, spec, status})
const daemon = (status: Record<string, unknown>, type = 'RollingUpdate'): KObject => ({apiVersion: 'apps/v1', kind: 'DaemonSet', metadata: {name: 'agent', generation: 2}, spec: {updateStrategy: {type}}, status})
const rolling = {type: 'RollingUpdate', rollingUpdate: {partition: 0}}

describe('rollout for statefulsets and daemonsets', () => {
  it('prints the StatefulSet status viewer\'s lines', () => {
    expect(appsRolloutStatus(set({replicas: 3, updateStrategy: rolling}, {observedGeneration: 0})).text).to.equal('Waiting for statefulset spec update to be observed...\n')
    expect(appsRolloutStatus(set({replicas: 3, updateStrategy: rolling}, {observedGeneration: 1, readyReplicas: 1})).text).to.equal('Waiting for 2 pods to be ready...\n')
    const partitioned = set({replicas: 3, updateStrategy: {type: 'RollingUpdate', rollingUpdate: {partition: 1}}}, {observedGeneration: 1, readyReplicas: 3, updatedReplicas: 1})
    expect(appsRolloutStatus(partitioned)).to.deep.equal({text: 'Waiting for partitioned roll out to finish: 1 out of 2 new pods have been updated...\n', done: false})
    expect(appsRolloutStatus(set({replicas: 3, updateStrategy: rolling}, {observedGeneration: 1, readyReplicas: 3, updatedReplicas: 3}))).to.deep.equal({text: 'partitioned roll out complete: 3 new pods have been updated...\n', done: true})
    expect(() => appsRolloutStatus(set({replicas: 3, updateStrategy: {type: 'OnDelete'}}, {}))).to.throw('rollout status is only available for RollingUpdate strategy type')
  })

  it('prints the DaemonSet status viewer\'s lines', () => {
    expect(appsRolloutStatus(daemon({observedGeneration: 1})).text).to.equal('Waiting for daemon set spec update to be observed...\n')
    expect(appsRolloutStatus(daemon({observedGeneration: 2, desiredNumberScheduled: 2, updatedNumberScheduled: 1})).text).to.equal('Waiting for daemon set "agent" rollout to finish: 1 out of 2 new pods have been updated...\n')
    expect(appsRolloutStatus(daemon({observedGeneration: 2, desiredNumberScheduled: 2, updatedNumberScheduled: 2, numberAvailable: 1})).text).to.equal('Waiting for daemon set "agent" rollout to finish: 1 of 2 updated pods are available...\n')
    expect(appsRolloutStatus(daemon({observedGeneration: 2, desiredNumberScheduled: 2, updatedNumberScheduled: 2, numberAvailable: 2}))).to.deep.equal({text: 'daemon set "agent" successfully rolled out\n', done: true})
    expect(() => appsRolloutStatus(daemon({}, 'OnDelete'))).to.throw('rollout status is only available for RollingUpdate strategy type')
  })

  describe('history and undo from ControllerRevisions', () => {
    let tc: TestCluster
    beforeEach(() => (tc = testCluster()))
    afterEach(() => tc.close())
    const settle = (): void => {
      for (let i = 0; i < 30; i++) {
        tc.clock.advance(100)
        tc.settle(new StatefulSetController(), new Scheduler(), new Kubelet())
      }
    }
    const image = (): string => (tc.api.get(statefulSetType, 'default', 'web').spec as any).template.spec.containers[0].image

    it('lists revisions with their change cause, shows one, and rolls back to the one before', () => {
      tc.api.create(sts('web', 1))
      settle()
      const current = () => tc.api.get(statefulSetType, 'default', 'web')
      expect(() => appsRollback(tc.api, current(), 0, 'none', printTemplate)).to.throw('no last revision to roll back to')
      tc.api.modify(statefulSetType, 'default', 'web', (o) => {
        o.metadata.annotations = {'kubernetes.io/change-cause': 'image 1.28'}
        ;(o.spec as any).template.spec.containers[0].image = 'nginx:1.28'
      })
      settle()
      expect(appsHistory(tc.api, current(), 0, printTemplate)).to.equal('REVISION  CHANGE-CAUSE\n1         <none>\n2         image 1.28\n')
      expect(appsHistory(tc.api, current(), 1, printTemplate)).to.contain('Image:\tnginx:1.27')
      expect(() => appsHistory(tc.api, current(), 7, printTemplate)).to.throw('unable to find the specified revision')
      expect(appsRollback(tc.api, current(), 2, 'none', printTemplate)).to.equal('skipped rollback (current template already matches revision 2)')
      expect(appsRollback(tc.api, current(), 0, 'none', printTemplate)).to.equal('rolled back')
      expect(image()).to.equal('nginx:1.27')
      settle()
      expect(appsHistory(tc.api, current(), 0, printTemplate)).to.equal('REVISION  CHANGE-CAUSE\n2         image 1.28\n3         <none>\n')
      expect(() => appsRollback(tc.api, current(), 9, 'none', printTemplate)).to.throw('unable to find specified revision 9 in history')
    })
  })
})
