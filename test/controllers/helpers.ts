// Test harness for controllers: a temp store with a bootstrapped cluster, an Api on a fake clock, an
// ObjectCache read straight through the Api, and helpers to run passes and read what they wrote.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import type {ClusterProfile} from '../../src/api/cluster-profile.js'
import type {Controller, ControllerContext, ObjectCache, ReconcileResult} from '../../src/controllers/types.js'
import type {KObject, ObjectOf} from '../../src/api/types.js'

import {apiSettingsOf, defaultProfile, readProfile} from '../../src/api/cluster-profile.js'
import {allTypes} from '../../src/api/registry.js'
import {EventRecorder} from '../../src/api/events.js'
import {Api} from '../../src/api/server.js'
import {bootstrapCluster} from '../../src/cluster/bootstrap.js'
import {Store} from '../../src/store/sqlite-store.js'
import {reconcileAll} from '../../src/controllers/keys.js'

/** A clock tests move by hand. */
export class FakeClock {
  /** the sum of the wall-clock steps so far: the monotonic reading is the wall time less these */
  stepped = 0
  constructor(public ms: number) {}
  now(): Date {
    return new Date(this.ms)
  }
  monotonicMs(): number {
    return this.ms - this.stepped
  }
  advance(ms: number): void {
    this.ms += ms
  }
  /** steps the wall clock alone (NTP, a manual change): the monotonic clock does not move */
  step(ms: number): void {
    this.ms += ms
    this.stepped += ms
  }
}

// objects from the reconciler's cache are frozen: freezing here too makes an accidental edit fail the test
function deepFreeze<T>(o: T): T {
  if (o && typeof o === 'object' && !Object.isFrozen(o)) {
    Object.freeze(o)
    for (const v of Object.values(o)) deepFreeze(v)
  }
  return o
}

/** An ObjectCache that reads through the Api each time (always current), handing out frozen objects. */
export class ApiCache implements ObjectCache {
  constructor(private readonly api: Api) {}
  list<K extends string>(kind: K, namespace?: string): ObjectOf<K>[] {
    const rt = allTypes().find((t) => t.kind === kind)
    return rt ? this.api.list(rt, namespace).items.map((o) => deepFreeze(o as ObjectOf<K>)) : []
  }
  get<K extends string>(kind: K, namespace: string, name: string): ObjectOf<K> | undefined {
    return deepFreeze(this.api.peek(kind, namespace, name) as ObjectOf<K> | undefined)
  }
  podsOnNode(node: string): ObjectOf<'Pod'>[] {
    return this.list('Pod').filter((p) => p.spec?.nodeName === node)
  }
  dependents(uid: string): KObject[] {
    return allTypes()
      .filter((t) => t.kind !== 'Event')
      .flatMap((t) => this.list(t.kind))
      .filter((o) => (o.metadata.ownerReferences ?? []).some((r) => r.uid === uid))
  }
  revision(): number {
    return this.api.store.revision()
  }
}

export const T0 = Date.parse('2026-07-01T10:00:00.000Z')

/** One test cluster: store, api, clock and a context for controllers. */
export interface TestCluster {
  store: Store
  api: Api
  clock: FakeClock
  ctx: ControllerContext
  profile: ClusterProfile
  logs: string[]
  /** reconciles every key of `c` once; `writes` counts store revisions it made */
  pass(c: Controller): ReconcileResult & {writes: number}
  /** runs passes of the controllers until a round writes nothing; returns the writes made */
  settle(...cs: Controller[]): number
  /** creates a pod in `default` */
  pod(name: string, spec: Record<string, unknown>, meta?: Record<string, unknown>): KObject
  get(name: string, namespace?: string): KObject | undefined
  /** events about an object, oldest first, as `Type Reason message` (count appended when > 1) */
  events(name: string): string[]
  close(): void
}

/** A fresh cluster (3 nodes: ksim-control-plane tainted, ksim-worker, ksim-worker2) at T0. */
export function testCluster(overrides: Partial<ClusterProfile> = {}): TestCluster {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ksim-ctrl-test-'))
  const store = Store.open(path.join(dir, 'state.db'))
  bootstrapCluster(store, {...defaultProfile, name: 'ksim', ...overrides}, new Date(T0))
  // as stored: with the CA bootstrap made
  const profile: ClusterProfile = readProfile(store)!
  const clock = new FakeClock(T0)
  const api = new Api(store, {clock, settings: apiSettingsOf(profile)})
  const logs: string[] = []
  const ctx: ControllerContext = {api, cache: new ApiCache(api), recorder: new EventRecorder(api), clock, profile, log: (m) => logs.push(m)}
  const tc: TestCluster = {
    store,
    api,
    clock,
    ctx,
    profile,
    logs,
    pass(c) {
      const before = store.revision()
      const r = reconcileAll(c, ctx)
      return {...r, writes: store.revision() - before}
    },
    settle(...cs) {
      let total = 0
      for (let round = 0; round < 20; round++) {
        let writes = 0
        for (const c of cs) writes += tc.pass(c).writes
        total += writes
        if (writes === 0) return total
      }
      throw new Error('controllers did not settle in 20 rounds')
    },
    pod(name, spec, meta = {}) {
      return api.create({apiVersion: 'v1', kind: 'Pod', metadata: {name, namespace: 'default', ...meta}, spec}).object
    },
    get: (name, namespace = 'default') => api.peek('Pod', namespace, name),
    events(name) {
      const rt = allTypes().find((t) => t.kind === 'Event')!
      return api
        .list(rt, undefined)
        .items.filter((e) => (e.involvedObject as {name?: string}).name === name)
        .sort((a, b) => String(a.firstTimestamp).localeCompare(String(b.firstTimestamp)) || Number(a.metadata.resourceVersion) - Number(b.metadata.resourceVersion))
        .map((e) => `${e.type} ${e.reason} ${e.message}${(e.count as number) > 1 ? ` (x${e.count})` : ''}`)
    },
    close() {
      store.close()
      fs.rmSync(dir, {recursive: true, force: true})
    },
  }
  return tc
}

/** `Type=Status[/Reason]` for each condition, in stored order. */
export function conditions(pod: KObject | undefined): string[] {
  const list = ((pod?.status as {conditions?: {type: string; status: string; reason?: string}[]} | undefined)?.conditions ?? [])
  return list.map((c) => `${c.type}=${c.status}${c.reason ? `/${c.reason}` : ''}`)
}

/** The state of a container as `waiting:Reason`, `running`, `terminated:Reason:code`. */
export function stateOf(pod: KObject | undefined, name: string, init = false): string {
  const status = pod?.status as {containerStatuses?: Record<string, any>[]; initContainerStatuses?: Record<string, any>[]} | undefined
  const s = (init ? status?.initContainerStatuses : status?.containerStatuses)?.find((c) => c.name === name)
  if (!s) return 'none'
  if (s.state?.running) return 'running'
  if (s.state?.terminated) return `terminated:${s.state.terminated.reason}:${s.state.terminated.exitCode}`
  return `waiting:${s.state?.waiting?.reason ?? ''}`
}

/** A container status of the pod. */
export function containerStatus(pod: KObject | undefined, name: string, init = false): Record<string, any> | undefined {
  const status = pod?.status as {containerStatuses?: Record<string, any>[]; initContainerStatuses?: Record<string, any>[]} | undefined
  return (init ? status?.initContainerStatuses : status?.containerStatuses)?.find((c) => c.name === name)
}

export const phaseOf = (pod: KObject | undefined): string | undefined => (pod?.status as {phase?: string} | undefined)?.phase

/** The status volumeMount the kubelet reports for the ServiceAccount admission's token volume of `pod`. */
export function tokenMountStatus(pod: KObject | undefined): Record<string, unknown> {
  const volume = ((pod?.spec as {volumes?: {name: string}[]} | undefined)?.volumes ?? []).find((v) => v.name.startsWith('kube-api-access-'))
  return {mountPath: '/var/run/secrets/kubernetes.io/serviceaccount', name: volume?.name, readOnly: true, recursiveReadOnly: 'Disabled'}
}
