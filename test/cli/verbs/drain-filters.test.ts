import {expect} from 'chai'

import {podType} from '../../../src/api/kinds/pod.js'
import {podsForDeletion, shouldSkipPod} from '../../../src/cli/verbs/drain-filters.js'
import {testCluster, type TestCluster} from '../../controllers/helpers.js'

describe('drain filters: --skip-wait-for-delete-timeout', () => {
  let tc: TestCluster
  beforeEach(() => (tc = testCluster()))
  afterEach(() => tc.close())

  const flags = {force: true, 'ignore-daemonsets': false, 'delete-emptydir-data': false}

  it('leaves out pods whose deletionTimestamp passed more whole seconds ago than the timeout, and only those', () => {
    tc.pod('old', {nodeName: 'ksim-worker', containers: [{name: 'c', image: 'nginx'}]})
    tc.pod('live', {nodeName: 'ksim-worker', containers: [{name: 'c', image: 'nginx'}]})
    tc.api.delete(podType, 'default', 'old', {gracePeriodSeconds: 30})
    const pods = () => tc.api.list(podType, 'default').items
    const names = (skip: number) => podsForDeletion(tc.api, pods(), {...flags, 'skip-wait-for-delete-timeout': skip}).pods.map((p) => p.metadata.name)
    // deletionTimestamp is when the grace period ends: 30 s from now, then 5 s past it
    tc.clock.advance(35_000)
    // exactly 5 s is not more than 5
    expect(names(5)).to.deep.equal(['live', 'old'])
    expect(names(4)).to.deep.equal(['live'])
    // 0 (the default) never skips
    expect(names(0)).to.deep.equal(['live', 'old'])
    const old = tc.api.peek('Pod', 'default', 'old')!
    expect(shouldSkipPod(old, 4, tc.clock.now())).to.equal(true)
    expect(shouldSkipPod(tc.api.peek('Pod', 'default', 'live')!, 4, tc.clock.now())).to.equal(false)
  })
})
