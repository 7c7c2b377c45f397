// The setup the kubelet tests share: a fresh test cluster and Kubelet for each test, a pass at a time
// on the fake clock, and the pod under test.
import type {KObject} from '../../../src/api/types.js'

import {Kubelet} from '../../../src/controllers/kubelet/kubelet.js'
import {T0, testCluster, type TestCluster} from '../helpers.js'

/** Pull and start at once: the pod's containers run from the sandbox's first pass on. */
export const FAST = {'ksim.io/pull-seconds': '0', 'ksim.io/start-seconds': '0'}

export interface KubeletHarness {
  /** this test's cluster */
  tc: TestCluster
  /** this test's kubelet; a test may replace it (a restarted kubelet) */
  k: Kubelet
  /** sets the clock to T0 + `ms` and runs one pass of `kubelet` (default `k`) */
  at(ms: number, kubelet?: Kubelet): ReturnType<TestCluster['pass']>
  /** the pod `web`, as stored */
  pod(): KObject | undefined
}

/** Registers the per-test setup and teardown in the calling `describe`; use the fields inside tests. */
export function kubeletHarness(): KubeletHarness {
  const h = {
    at: (ms: number, kubelet?: Kubelet) => {
      h.tc.clock.ms = T0 + ms
      return h.tc.pass(kubelet ?? h.k)
    },
    pod: () => h.tc.get('web'),
  } as KubeletHarness
  beforeEach(() => {
    h.tc = testCluster()
    h.k = new Kubelet()
  })
  afterEach(() => h.tc.close())
  return h
}
