import {expect} from 'chai'

import {createControllers} from '../../src/controllers/index.js'
import {T0, phaseOf, testCluster} from './helpers.js'

describe('createControllers', () => {
  it('gives every controller, fresh each time', () => {
    const a = createControllers()
    expect(a.map((c) => c.name)).to.deep.equal(['scheduler', 'kubelet', 'namespace', 'event-ttl', 'deployment', 'replicaset', 'endpoints', 'endpointslice', 'garbage-collector', 'node-lifecycle', 'taint-eviction', 'pod-gc', 'terminated-pod-gc', 'serviceaccount', 'job', 'ttl-after-finished', 'statefulset', 'daemonset', 'disruption', 'cronjob', 'persistentvolume-binder', 'volume-protection', 'clusterrole-aggregation', 'replicationcontroller'])
    expect(createControllers()[1]).to.not.equal(a[1])
  })

  it('runs a pod from creation to Running, then deletes it gracefully, when driven like the reconciler', () => {
    const tc = testCluster()
    try {
      const cs = createControllers()
      tc.pod('web', {containers: [{name: 'web', image: 'nginx'}]})
      for (let t = 0; t <= 1000; t += 100) {
        tc.clock.ms = T0 + t
        tc.settle(...cs)
      }
      expect(phaseOf(tc.get('web'))).to.equal('Running')
      tc.api.delete(tc.api.typeOf(tc.get('web')!), 'default', 'web')
      tc.settle(...cs)
      expect(tc.get('web')).to.equal(undefined)
    } finally {
      tc.close()
    }
  })
})
