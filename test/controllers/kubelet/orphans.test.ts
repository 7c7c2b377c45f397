// The kubelet's housekeeping of pod folders (cleanupOrphanedPodDirs): a folder whose pod is gone from the
// API (deleted while no reconciler ran) is removed at the kubelet's first heartbeat, and looked for again
// once a minute; a pod that still exists keeps its folder.
import {expect} from 'chai'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import {Kubelet} from '../../../src/controllers/kubelet/kubelet.js'
import {podDirOf} from '../../../src/controllers/kubelet/process/pod-volumes.js'
import {T0, testCluster, type TestCluster} from '../helpers.js'

describe('kubelet: folders of pods that are gone', () => {
  let tc: TestCluster
  let root: string
  let containers: string
  beforeEach(() => {
    tc = testCluster()
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'ksim-orphans-'))
    containers = path.join(root, 'containers')
  })
  afterEach(() => {
    tc.close()
    fs.rmSync(root, {recursive: true, force: true})
  })

  const folder = (uid: string): string => {
    const dir = podDirOf(containers, uid)
    fs.mkdirSync(path.join(dir, 'volumes'), {recursive: true})
    return dir
  }
  const beat = (k: Kubelet, ms: number): void => {
    tc.clock.ms = T0 + ms
    k.reconcile(tc.ctx, 'ksim-worker')
  }

  it('removes them at the first heartbeat and a minute later, and keeps the folders of pods that exist', () => {
    const uid = tc.pod('web', {containers: [{name: 'web', image: 'nginx'}]}).metadata.uid!
    const kept = folder(uid)
    const gone = folder('0b9c1f7e-0000-4000-8000-000000000001')
    const k = new Kubelet(undefined, {containersDir: containers})
    beat(k, 0)
    expect(fs.existsSync(gone)).to.equal(false)
    expect(fs.existsSync(kept)).to.equal(true)
    const later = folder('0b9c1f7e-0000-4000-8000-000000000002')
    beat(k, 30_000)
    expect(fs.existsSync(later), 'not looked for again within the minute').to.equal(true)
    beat(k, 61_000)
    expect(fs.existsSync(later)).to.equal(false)
    expect(fs.existsSync(kept)).to.equal(true)
  })
})
