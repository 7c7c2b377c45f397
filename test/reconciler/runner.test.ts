import type {Pod} from 'kubernetes-types/core/v1.js'

import {expect} from 'chai'
import path from 'node:path'

import {defaultProfile} from '../../src/api/cluster-profile.js'
import type {Controller, ControllerContext, ReconcileResult} from '../../src/controllers/types.js'
import {clusterKeys, clusterWatches} from '../../src/controllers/keys.js'
import {Kubelet} from '../../src/controllers/kubelet/kubelet.js'
import type {Runtime} from '../../src/controllers/kubelet/runtime.js'
import {SimulatedRuntime} from '../../src/controllers/kubelet/simulated-runtime.js'
import {StoreCache} from '../../src/reconciler/cache.js'
import {memoryLogger} from '../../src/reconciler/log.js'
import {Runner, type RunnerOptions} from '../../src/reconciler/runner.js'
import {configMap, eventually, useTempHome} from './helpers.js'

/** A fake controller with one cluster-wide key that records its passes and does what the test tells it to. */
function fake(name: string, watches: string[], body: (pass: number, ctx: ControllerContext) => ReconcileResult | void = () => {}): Controller & {passes: number} {
  const c = {
    name,
    watches: clusterWatches(watches),
    keys: clusterKeys,
    passes: 0,
    reconcile(ctx: ControllerContext) {
      c.passes++
      return body(c.passes, ctx) ?? {}
    },
  }
  return c
}

/** A controller with five keys, a to e, each of whose reconciles records the key and ticks the test's clock. */
function fiveSlowKeys(seen: string[], tick: () => void): Controller {
  return {
    name: 'slow',
    watches: [],
    keys: () => ['a', 'b', 'c', 'd', 'e'],
    reconcile(_ctx, key) {
      seen.push(key)
      tick()
      return {}
    },
  }
}

describe('reconciler runner', function () {
  this.timeout(30_000)
  const t = useTempHome()

  async function runner(controllers: Controller[], extra: Partial<RunnerOptions> = {}) {
    await t.cluster()
    const {store, api} = t.open()
    const cache = new StoreCache(store)
    cache.load()
    const log = memoryLogger()
    const r = new Runner({store, api, cache, controllers, log, profile: {...defaultProfile, name: 'test'}, idleMs: 0, stateFile: store.file, ...extra})
    return {r, log, store, api, done: r.run()}
  }

  it('runs every controller once at start and then only those watching what changed', async () => {
    const cms = fake('cms', ['ConfigMap'])
    const secrets = fake('secrets', ['Secret'])
    const {r, done} = await runner([cms, secrets])
    await eventually('the first passes', () => cms.passes === 1 && secrets.passes === 1)
    // another connection, as a CLI command in another process would write
    t.open().api.create(configMap('a'))
    await eventually('the change to reach the ConfigMap controller', () => cms.passes === 2)
    r.stop()
    expect(await done).to.equal('signal')
    expect(secrets.passes).to.equal(1)
  })

  it('lets a controller see its own writes in the cache and runs it again until it writes nothing', async () => {
    const writer = fake('writer', ['ConfigMap'], (_pass, ctx) => {
      if (!ctx.cache.get('ConfigMap', 'default', 'made')) ctx.api.create(configMap('made'))
    })
    const seen: number[] = []
    const reader = fake('reader', ['ConfigMap'], (_pass, ctx) => void seen.push(ctx.cache.list('ConfigMap', 'default').filter((o) => o.metadata.name !== 'kube-root-ca.crt').length))
    const {r, done} = await runner([writer, reader])
    await eventually('the writer to settle', () => writer.passes === 2 && reader.passes >= 1)
    r.stop()
    await done
    expect(writer.passes).to.equal(2)
    expect(seen.at(-1)).to.equal(1)
  })

  it('logs a throwing controller and retries it with back-off while the others keep running', async () => {
    let healthy = false
    const broken = fake('broken', ['ConfigMap'], (pass) => {
      if (!healthy) throw new Error(`boom ${pass}`)
    })
    const cms = fake('cms', ['ConfigMap'])
    const {r, log, done} = await runner([broken, cms])
    await eventually('three failures', () => broken.passes >= 3)
    t.open().api.create(configMap('a'))
    await eventually('the healthy controller to see the change', () => cms.passes >= 2)
    healthy = true
    await eventually('the broken controller to recover', () => log.lines.some((l) => l.startsWith('info broken: reconcile of the cluster succeeded after')))
    r.stop()
    expect(await done).to.equal('signal')
    const errors = log.lines.filter((l) => l.startsWith('error broken:'))
    expect(errors[0]).to.match(/^error broken: reconcile of the cluster failed \(1 in a row; retrying in 5ms\): boom 1 \(at .*runner\.test\.js:\d+:\d+\)$/)
    expect(errors[1]).to.match(/^error broken: reconcile of the cluster failed \(2 in a row; retrying in 10ms\): boom 2 /)
    expect(errors[2]).to.match(/^error broken: reconcile of the cluster failed \(3 in a row; retrying in 20ms\): boom 3 /)
    // back-off, not a busy loop: a few attempts, never hundreds
    expect(broken.passes).to.be.lessThan(errors.length + 2)
  })

  it('retries a failing key with its own back-off while the controller\'s other keys go on', async () => {
    const runs: string[] = []
    let healthy = false
    const keyed: Controller = {
      name: 'keyed',
      watches: ['ConfigMap'],
      keys: (cache) => cache.list('ConfigMap', 'default').map((o) => `default/${o.metadata.name}`),
      reconcile(_ctx, key) {
        runs.push(key)
        if (key === 'default/bad' && !healthy) throw new Error('boom')
        return {}
      },
    }
    const {r, log, api, done} = await runner([keyed])
    api.create(configMap('bad'))
    await eventually('three failures of the bad key', () => runs.filter((k) => k === 'default/bad').length >= 3)
    api.create(configMap('good'))
    await eventually('the good key to run', () => runs.includes('default/good'))
    healthy = true
    await eventually('the bad key to recover', () => log.lines.some((l) => l.startsWith('info keyed: reconcile of default/bad succeeded after')))
    r.stop()
    await done
    const errors = log.lines.filter((l) => l.startsWith('error keyed:'))
    expect(errors[0]).to.match(/^error keyed: reconcile of default\/bad failed \(1 in a row; retrying in 5ms\): boom /)
    expect(errors[1]).to.match(/^error keyed: reconcile of default\/bad failed \(2 in a row; retrying in 10ms\): boom /)
    expect(errors.every((l) => l.includes('default/bad'))).to.equal(true)
    expect(runs.filter((k) => k === 'default/good')).to.have.length(1)
  })

  it('syncs the kubelet\'s other pods when one pod\'s sync throws, and retries that one alone', async () => {
    // a runtime that fails for pod `a`, the first pod of the node in the kubelet's order
    const simulated = new SimulatedRuntime(defaultProfile)
    const failing: Runtime = Object.assign(Object.create(simulated) as SimulatedRuntime, {
      sandboxMs(pod: Pod): number {
        if (pod.metadata?.name === 'a') throw new Error('runtime broken for a')
        return simulated.sandboxMs()
      },
    })
    const {r, log, api, done} = await runner([new Kubelet(failing)])
    const fast = {'ksim.io/pull-seconds': '0', 'ksim.io/start-seconds': '0'}
    for (const name of ['a', 'b', 'c']) api.create({apiVersion: 'v1', kind: 'Pod', metadata: {name, namespace: 'default', annotations: fast}, spec: {nodeName: 'test-control-plane', containers: [{name: 'web', image: 'nginx'}]}})
    const phase = (name: string) => (api.peek('Pod', 'default', name)?.status as {phase?: string} | undefined)?.phase
    await eventually('b and c to run', () => phase('b') === 'Running' && phase('c') === 'Running')
    await eventually('a to fail twice', () => log.lines.some((l) => l.startsWith('error kubelet: reconcile of default/a failed (2 in a row; retrying in 10ms): runtime broken for a')))
    r.stop()
    await done
    expect(phase('a')).to.equal('Pending')
    expect(log.lines.filter((l) => l.startsWith('error ')).every((l) => l.includes('default/a'))).to.equal(true)
  })

  it('runs a requeued controller again when its timer falls due without any change', async () => {
    const timed = fake('timed', ['Secret'], (pass) => (pass < 3 ? {requeueAfterMs: 30} : {}))
    const {r, done} = await runner([timed])
    await eventually('three timed passes', () => timed.passes === 3)
    r.stop()
    await done
    expect(timed.passes).to.equal(3)
  })

  it('exits by itself once idle for the idle period with nothing pending', async () => {
    const timed = fake('timed', ['Secret'], (pass) => (pass < 3 ? {requeueAfterMs: 50} : {}))
    const {log, done} = await runner([timed], {idleMs: 300})
    expect(await done).to.equal('idle')
    expect(timed.passes).to.equal(3)
    expect(log.lines.at(-1)).to.equal('info idle for 0.3s with nothing pending; exiting')
  })

  it('is not kept from going idle by a requeue marked as background upkeep', async () => {
    const heartbeat = fake('heartbeat', ['Node'], () => ({requeueAfterMs: 20, background: true}))
    const {done} = await runner([heartbeat], {idleMs: 300})
    expect(await done).to.equal('idle')
    expect(heartbeat.passes).to.be.greaterThan(1)
  })

  it('stops when its lease is lost', async () => {
    const {log, done} = await runner([], {renewMs: 10, lease: {renew: () => false} as never})
    expect(await done).to.equal('lease-lost')
    expect(log.lines).to.deep.equal(['warn lost the lease to another reconciler; exiting'])
  })

  it('renews its lease between the keys of a long run, not only between runs', async () => {
    let clock = 0
    const renewedAt: number[] = []
    const seen: string[] = []
    const slow = fiveSlowKeys(seen, () => (clock += 1000))
    const lease = {renew: () => (renewedAt.push(clock), true)}
    const {r, done} = await runner([slow], {renewMs: 1500, now: () => clock, lease: lease as never})
    await eventually('five keys reconciled', () => seen.length === 5)
    r.stop()
    expect(await done).to.equal('signal')
    expect(seen).to.deep.equal(['a', 'b', 'c', 'd', 'e'])
    expect(renewedAt.slice(0, 2)).to.deep.equal([2000, 4000])
  })

  it('puts back the keys of a run cut short by a failure outside any key, and reconciles them', async () => {
    let clock = 0
    const seen: string[] = []
    const slow = fiveSlowKeys(seen, () => (clock += 1000))
    // the first renewal cannot get the write lock (a long `create -f` holds it)
    let renewals = 0
    const lease = {
      renew: () => {
        if (++renewals === 1) throw new Error('state file is locked by pid 1; gave up waiting after 10.0s')
        return true
      },
    }
    const {r, log, done} = await runner([slow], {renewMs: 1500, now: () => clock, lease: lease as never})
    await eventually('every key reconciled', () => seen.length === 5)
    r.stop()
    expect(await done).to.equal('signal')
    expect(seen).to.deep.equal(['a', 'b', 'c', 'd', 'e'])
    expect(log.lines.join('\n')).to.contain('reconcile loop failed (1 in a row): state file is locked by pid 1')
  })

  it('counts idleness from the end of a long round of runs, not from before it', async () => {
    let extra = 0
    const now = () => performance.now() + extra
    let lastRun = 0
    const busy = fake('busy', [], (pass) => {
      // five passes in one round, each taking 100 ms of the runner's clock
      extra += 100
      lastRun = now()
      return pass < 5 ? {requeueAfterMs: 0} : {}
    })
    const {done} = await runner([busy], {idleMs: 300, now})
    expect(await done).to.equal('idle')
    expect(busy.passes).to.equal(5)
    expect(now() - lastRun).to.be.at.least(300)
  })

  it('stops when its state file has been removed', async () => {
    const {log, store, done} = await runner([], {renewMs: 10, stateFile: `${t.home}/clusters/test/moved.db`})
    expect(await done).to.equal('state-removed')
    expect(log.lines).to.deep.equal([`warn state file ${path.dirname(store.file)}/moved.db is gone; exiting`])
  })

  it('never compacts past what its cache has read, so the cache never reads everything again', async () => {
    // while this controller's run lasts, another process writes more revisions than are kept
    const writesMeanwhile = fake('writes-meanwhile', [], (pass) => {
      if (pass !== 1) return
      const other = t.open().api
      for (let i = 0; i < 20; i++) other.create(configMap(`c${i}`))
    })
    const {r, store, log, done} = await runner([writesMeanwhile], {compactEveryMs: 0, keepRevisions: 5})
    const {cache} = r.opts
    await eventually('compaction to the last revision kept', () => store.compactedRevision() === store.revision() - 5 && store.revision())
    r.stop()
    await done
    expect(cache.loads).to.equal(1)
    expect(log.lines.filter((l) => l.includes('read every object again'))).to.deep.equal([])
  })

  it('compacts the change log down to the revisions it keeps', async () => {
    const {r, store, api, done} = await runner([], {compactEveryMs: 10, keepRevisions: 5})
    for (let i = 0; i < 20; i++) api.create(configMap(`c${i}`))
    await eventually('compaction', () => store.compactedRevision() === store.revision() - 5 && store.revision())
    r.stop()
    await done
  })
})
