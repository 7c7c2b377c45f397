import {expect} from 'chai'
import path from 'node:path'

import {defaultProfile} from '../../src/api/cluster-profile.js'
import type {Controller, ControllerContext, ReconcileResult} from '../../src/controllers/types.js'
import {StoreCache} from '../../src/reconciler/cache.js'
import {memoryLogger} from '../../src/reconciler/log.js'
import {Runner, type RunnerOptions} from '../../src/reconciler/runner.js'
import {configMap, eventually, useTempHome} from './helpers.js'

/** A fake controller that records its passes and does what the test tells it to. */
function fake(name: string, watches: string[], body: (pass: number, ctx: ControllerContext) => ReconcileResult | void = () => {}): Controller & {passes: number} {
  const c = {
    name,
    watches,
    passes: 0,
    reconcile(ctx: ControllerContext) {
      c.passes++
      return body(c.passes, ctx) ?? {}
    },
  }
  return c
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
    await eventually('the broken controller to recover', () => log.lines.some((l) => l.startsWith('info broken: reconcile succeeded after')))
    r.stop()
    expect(await done).to.equal('signal')
    const errors = log.lines.filter((l) => l.startsWith('error broken:'))
    expect(errors[0]).to.match(/^error broken: reconcile failed \(1 in a row; retrying in 100ms\): boom 1 \(at .*runner\.test\.js:\d+:\d+\)$/)
    expect(errors[1]).to.match(/^error broken: reconcile failed \(2 in a row; retrying in 200ms\): boom 2 /)
    expect(errors[2]).to.match(/^error broken: reconcile failed \(3 in a row; retrying in 400ms\): boom 3 /)
    // back-off, not a busy loop: a few attempts, never hundreds
    expect(broken.passes).to.be.lessThan(errors.length + 2)
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

  it('stops when its state file has been removed', async () => {
    const {log, store, done} = await runner([], {renewMs: 10, stateFile: `${t.home}/clusters/test/moved.db`})
    expect(await done).to.equal('state-removed')
    expect(log.lines).to.deep.equal([`warn state file ${path.dirname(store.file)}/moved.db is gone; exiting`])
  })

  it('compacts the change log down to the revisions it keeps', async () => {
    const {r, store, api, done} = await runner([], {compactEveryMs: 10, keepRevisions: 5})
    for (let i = 0; i < 20; i++) api.create(configMap(`c${i}`))
    await eventually('compaction', () => store.compactedRevision() === store.revision() - 5 && store.revision())
    r.stop()
    await done
  })
})
