import {expect} from 'chai'

import {KUBELET_STOPPED_ANNOTATION as CLI_ANNOTATION} from '../../../src/cli/verbs/cordon.js'
import {KUBELET_STOPPED_ANNOTATION} from '../../../src/controllers/kubelet/heartbeat.js'

describe('node stop annotation', () => {
  it('is the annotation the kubelet controller honours', () => {
    expect(CLI_ANNOTATION).to.equal(KUBELET_STOPPED_ANNOTATION)
  })
})
