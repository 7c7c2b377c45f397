import {expect} from 'chai'

import type {KObject} from '../../../src/api/types.js'

import {configMapType} from '../../../src/api/kinds/configmap.js'
import {waitUntil, WAKE_INTERVAL_MS, type WaitClock} from '../../../src/cli/resource/wait.js'
import {testCluster, type TestCluster} from '../../controllers/helpers.js'

const cm = (name: string, data: Record<string, string> = {}): KObject => ({apiVersion: 'v1', kind: 'ConfigMap', metadata: {name, namespace: 'default'}, data})

/** A clock whose sleep advances time at once and runs `onSleep` (a write "by another process"). */
function fakeClock(onSleep: (now: number) => void = () => {}): WaitClock & {sleeps: number} {
  let now = 0
  const c = {
    sleeps: 0,
    now: () => now,
    async sleep(ms: number) {
      c.sleeps++
      now += ms
      onSleep(now)
    },
  }
  return c
}

describe('waitUntil', () => {
  let tc: TestCluster
  beforeEach(() => (tc = testCluster()))
  afterEach(() => tc.close())
  const value = (name: string) => (tc.api.peek('ConfigMap', 'default', name)?.data as Record<string, string> | undefined)?.v

  it('returns at once when every target already meets the condition, checking each once', async () => {
    tc.api.create(cm('a', {v: '1'}))
    let checks = 0
    const clock = fakeClock()
    const left = await waitUntil(tc.api, ['a'], (n) => (checks++, value(n) === '1'), {timeoutMs: 1000, clock})
    expect(left).to.deep.equal([])
    expect(checks).to.equal(1)
    expect(clock.sleeps).to.equal(0)
  })

  it('checks again only after a change to the kinds it follows, and ends when the last target is met', async () => {
    tc.api.create(cm('a'))
    tc.api.create(cm('b'))
    const checks: string[] = []
    const clock = fakeClock((now) => {
      // something else changes at 100 ms, a followed object at 200 and 300 ms
      if (now === 100) tc.api.create({apiVersion: 'v1', kind: 'Secret', metadata: {name: 's', namespace: 'default'}})
      if (now === 200) tc.api.modify(configMapType, 'default', 'a', (o) => void (o.data = {v: '1'}))
      if (now === 300) tc.api.modify(configMapType, 'default', 'b', (o) => void (o.data = {v: '1'}))
    })
    const left = await waitUntil(tc.api, ['a', 'b'], (n) => (checks.push(`${n}@${clock.now()}`), value(n) === '1'), {timeoutMs: 10_000, kinds: ['ConfigMap'], clock})
    expect(left).to.deep.equal([])
    expect(checks).to.deep.equal(['a@0', 'b@0', 'a@200', 'b@200', 'b@300'])
    expect(clock.now()).to.equal(300)
    expect(clock.sleeps).to.equal(300 / WAKE_INTERVAL_MS)
  })

  it('returns the targets still unmet when the time runs out; a timeout of 0 checks once', async () => {
    tc.api.create(cm('a'))
    const clock = fakeClock()
    expect(await waitUntil(tc.api, ['a', 'gone'], (n) => n === 'gone', {timeoutMs: 95, clock})).to.deep.equal(['a'])
    expect(clock.now()).to.equal(95)
    const once = fakeClock()
    let checks = 0
    expect(await waitUntil(tc.api, ['a'], () => (checks++, false), {timeoutMs: 0, clock: once})).to.deep.equal(['a'])
    expect([checks, once.sleeps]).to.deep.equal([1, 0])
  })

  it('checks on every wake-up when the condition reads the clock too', async () => {
    const clock = fakeClock()
    const left = await waitUntil(tc.api, ['t'], () => clock.now() >= 60, {timeoutMs: 1000, clock, everyWake: true})
    expect(left).to.deep.equal([])
    expect(clock.now()).to.equal(60)
  })

  it('ends with the error a condition throws', async () => {
    const clock = fakeClock()
    let err: unknown
    await waitUntil(tc.api, ['a'], () => {
      throw new Error('deadline exceeded')
    }, {timeoutMs: 100, clock}).catch((e) => (err = e))
    expect((err as Error).message).to.equal('deadline exceeded')
  })
})

describe('Api.watch', () => {
  let tc: TestCluster
  beforeEach(() => (tc = testCluster()))
  afterEach(() => tc.close())

  it('yields the matching changes after a revision once each, and moves past the others', () => {
    const from = tc.store.revision()
    const feed = tc.api.watch(from, {kinds: ['ConfigMap'], name: 'a'})
    expect(feed.next().changes).to.deep.equal([])
    tc.api.create(cm('a'))
    tc.api.create(cm('b'))
    tc.api.create({apiVersion: 'v1', kind: 'Secret', metadata: {name: 'a', namespace: 'default'}})
    const first = feed.next()
    expect(first.changes.map((c) => `${c.type} ${c.kind}/${c.name}`)).to.deep.equal(['ADDED ConfigMap/a'])
    expect(feed.revision).to.equal(tc.store.revision())
    tc.api.delete(configMapType, 'default', 'a')
    expect(feed.next().changes.map((c) => c.type)).to.deep.equal(['DELETED'])
    expect(feed.next().changes).to.deep.equal([])
  })

  it('says so when the change log was compacted past its position', () => {
    const feed = tc.api.watch(0, {})
    tc.api.create(cm('a'))
    tc.store.compact(tc.store.revision())
    tc.api.create(cm('b'))
    const batch = feed.next()
    expect(batch.compacted).to.equal(true)
    expect(feed.revision).to.equal(tc.store.revision())
  })
})
