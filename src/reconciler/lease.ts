// The reconciler's lock: a Lease object (kube-system/ksim-reconciler) naming the one live reconciler of a
// cluster. Taking it is a compare-and-swap on resourceVersion, so of two racing processes only one wins;
// a holder whose process is gone, or who stopped renewing, loses it to the next one that asks.
import fs from 'node:fs'
import os from 'node:os'

import {isStatusError} from '../api/errors.js'
import {leaseType, microTime, type LeaseSpec} from '../api/kinds/lease.js'
import type {Api} from '../api/server.js'
import {hostMonotonicMs, type KObject} from '../api/types.js'
import type {Backend} from '../store/backend.js'

export const LEASE_NAMESPACE = 'kube-system'
export const LEASE_NAME = 'ksim-reconciler'
/** a holder that has not renewed for this long has lost the lease */
export const LEASE_DURATION_SECONDS = 5
/** how often the holder renews */
export const LEASE_RENEW_MS = 2000

/** `<hostname>_<pid>`: who holds the lease, and how another process on the same host checks it is alive. */
export function holderIdentity(host = os.hostname(), pid = process.pid): string {
  return `${host}_${pid}`
}

/** Splits a holder identity into host and pid (undefined for a form we did not write). */
export function parseHolder(id: string | undefined): {host: string; pid: number} | undefined {
  const at = id?.lastIndexOf('_') ?? -1
  if (!id || at <= 0) return undefined
  const pid = Number(id.slice(at + 1))
  return Number.isInteger(pid) && pid > 0 ? {host: id.slice(0, at), pid} : undefined
}

/** Whether a local process exists (signal 0: EPERM means it exists but belongs to someone else). */
export function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
  // a zombie (exited, not yet reaped by its parent) still answers signal 0
  try {
    return !/^\d+ \(.*\) Z /.test(fs.readFileSync(`/proc/${pid}/stat`, 'utf8'))
  } catch {
    return true
  }
}

/**
 * The holder's renewal on the host's monotonic clock, `<boot id>/<ms>`: a process on the same host (and
 * boot) judges expiry by it, so a step of the wall clock (a laptop waking up) expires no live lease.
 */
export const RENEW_MONOTONIC_ANNOTATION = 'ksim.io/renew-monotonic'

let bootIdCache: string | undefined | null = null
/** This boot's id (Linux); undefined elsewhere, where expiry falls back to the wall clock. */
export function bootId(): string | undefined {
  if (bootIdCache === null) {
    try {
      bootIdCache = fs.readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim() || undefined
    } catch {
      bootIdCache = undefined
    }
  }
  return bootIdCache
}

/** When the holder last renewed on this host's monotonic clock, if it said so and this is its boot. */
function renewedMonotonic(annotations: Record<string, string> | undefined): number | undefined {
  const v = annotations?.[RENEW_MONOTONIC_ANNOTATION]
  const at = v?.lastIndexOf('/') ?? -1
  const boot = bootId()
  if (!v || at <= 0 || !boot || v.slice(0, at) !== boot) return undefined
  const ms = Number(v.slice(at + 1))
  return Number.isFinite(ms) ? ms : undefined
}

/** Where a vacancy check reads the time: the wall clock and, when it has one, the host's monotonic clock. */
export interface LeaseTime {
  now: Date
  monotonicMs?: number
}

/** Why a lease can be taken: nobody holds it, its holder's process is gone, or it expired. */
export function leaseVacancy(spec: LeaseSpec, time: Date | LeaseTime, host = os.hostname(), annotations?: Record<string, string>): 'free' | 'dead' | 'expired' | undefined {
  const t = time instanceof Date ? {now: time} : time
  if (!spec.holderIdentity) return 'free'
  const holder = parseHolder(spec.holderIdentity)
  if (holder && holder.host === host && !pidAlive(holder.pid)) return 'dead'
  const duration = (spec.leaseDurationSeconds ?? LEASE_DURATION_SECONDS) * 1000
  const mono = holder && holder.host === host && t.monotonicMs !== undefined ? renewedMonotonic(annotations) : undefined
  if (mono !== undefined) return mono + duration < t.monotonicMs! ? 'expired' : undefined
  const renewed = spec.renewTime ? Date.parse(spec.renewTime) : Number.NaN
  if (Number.isNaN(renewed) || renewed + duration < t.now.getTime()) return 'expired'
  return undefined
}

/** Thrown by the lease's write fence: another reconciler holds the lease now; nothing was written. */
export class LeaseLostError extends Error {
  override name = 'LeaseLostError'
}

export function isLeaseLost(e: unknown): boolean {
  return e instanceof Error && e.name === 'LeaseLostError'
}

/** What `cluster status` and the CLI's auto-start need to know about the running reconciler. */
export interface ReconcilerStatus {
  holder?: string
  pid?: number
  host?: string
  acquireTime?: string
  renewTime?: string
  leaseDurationSeconds?: number
  /** milliseconds since the last renewal */
  renewAgeMs?: number
  /** a live process holds a current lease */
  alive: boolean
}

/** Reads the reconciler's lease from the store without writing anything. */
export function readReconcilerStatus(store: Backend, now = new Date()): ReconcilerStatus {
  const sv = store.get<KObject>({kind: 'Lease', namespace: LEASE_NAMESPACE, name: LEASE_NAME})
  const spec = (sv?.value.spec ?? {}) as LeaseSpec
  if (!spec.holderIdentity) return {alive: false, renewTime: spec.renewTime}
  const holder = parseHolder(spec.holderIdentity)
  const renewed = spec.renewTime ? Date.parse(spec.renewTime) : Number.NaN
  return {
    holder: spec.holderIdentity,
    pid: holder?.pid,
    host: holder?.host,
    acquireTime: spec.acquireTime,
    renewTime: spec.renewTime,
    leaseDurationSeconds: spec.leaseDurationSeconds,
    renewAgeMs: Number.isNaN(renewed) ? undefined : now.getTime() - renewed,
    alive: leaseVacancy(spec, {now, monotonicMs: hostMonotonicMs()}, undefined, sv?.value.metadata.annotations) === undefined,
  }
}

/** The outcome of asking for the lease: ours (and from whom it came), or someone else's. */
export type AcquireResult = {acquired: true; previous?: string; reason?: 'free' | 'dead' | 'expired'} | {acquired: false; holder: string}

/** One process's handle on the lease: acquire, renew, release, each a compare-and-swap through the API. */
export class ReconcilerLease {
  // leaseTransitions when we took the lease: with our identity, the token every fenced write checks
  #epoch?: number
  #renewedAt = -Infinity

  constructor(
    readonly api: Api,
    readonly identity = holderIdentity(),
    readonly durationSeconds = LEASE_DURATION_SECONDS,
    /** the host's monotonic clock (ms); a test passes a fake */
    readonly monotonicMs: () => number = hostMonotonicMs,
  ) {}

  /** Takes the lease if it is free, dead or expired (or already ours); never waits. */
  acquire(now: Date): AcquireResult {
    const current = this.api.peek('Lease', LEASE_NAMESPACE, LEASE_NAME)
    if (!current) return this.create(now)
    const spec = (current.spec ?? {}) as LeaseSpec
    if (spec.holderIdentity === this.identity) {
      this.#epoch = spec.leaseTransitions ?? 0
      return this.renew(now) ? {acquired: true} : this.lostTo()
    }
    const reason = leaseVacancy(spec, {now, monotonicMs: this.monotonicMs()}, undefined, current.metadata.annotations)
    if (!reason) return {acquired: false, holder: spec.holderIdentity ?? ''}
    const next: LeaseSpec = {
      ...spec,
      holderIdentity: this.identity,
      leaseDurationSeconds: this.durationSeconds,
      acquireTime: microTime(now),
      renewTime: microTime(now),
      leaseTransitions: (spec.leaseTransitions ?? 0) + 1,
    }
    if (!this.write(current, next)) return this.lostTo()
    this.#epoch = next.leaseTransitions
    return spec.holderIdentity ? {acquired: true, previous: spec.holderIdentity, reason} : {acquired: true, reason}
  }

  /** Renews a lease we hold; false when it is no longer ours (taken over, or deleted and taken). */
  renew(now: Date): boolean {
    for (let attempt = 0; attempt < 3; attempt++) {
      const current = this.api.peek('Lease', LEASE_NAMESPACE, LEASE_NAME)
      if (!current) return this.create(now).acquired
      const spec = (current.spec ?? {}) as LeaseSpec
      if (!this.ours(spec)) return false
      if (this.write(current, {...spec, renewTime: microTime(now), leaseDurationSeconds: this.durationSeconds})) return true
    }
    return false
  }

  /**
   * The write fence of every reconciler write (Store.setFence): runs inside the write's transaction,
   * so it reads the lease as that transaction will commit. Throws LeaseLostError unless the lease still
   * names us with the epoch we took it at; renews it when `renewEveryMs` has passed, so a pass that
   * writes for longer than the lease lasts keeps it.
   */
  fence(renewEveryMs: number): void {
    const current = this.api.peek('Lease', LEASE_NAMESPACE, LEASE_NAME)
    const spec = (current?.spec ?? {}) as LeaseSpec
    if (!current || !this.ours(spec)) throw new LeaseLostError(`lost the lease: ${spec.holderIdentity ? `${spec.holderIdentity} holds it now` : 'it was released or deleted'}`)
    if (this.monotonicMs() - this.#renewedAt >= renewEveryMs && !this.renew(new Date())) throw new LeaseLostError('lost the lease while renewing it')
  }

  /** Gives the lease up (clears holderIdentity) if we still hold it, so the next process need not wait. */
  release(now: Date): void {
    const current = this.api.peek('Lease', LEASE_NAMESPACE, LEASE_NAME)
    const spec = (current?.spec ?? {}) as LeaseSpec
    if (!current || spec.holderIdentity !== this.identity) return
    const next: LeaseSpec = {...spec, renewTime: microTime(now)}
    delete next.holderIdentity
    this.write(current, next)
    this.#epoch = undefined
  }

  // the lease names us, at the epoch we took it (a lease lost and retaken in between is not ours)
  private ours(spec: LeaseSpec): boolean {
    return spec.holderIdentity === this.identity && (this.#epoch === undefined || (spec.leaseTransitions ?? 0) === this.#epoch)
  }

  private create(now: Date): AcquireResult {
    const spec: LeaseSpec = {
      holderIdentity: this.identity,
      leaseDurationSeconds: this.durationSeconds,
      acquireTime: microTime(now),
      renewTime: microTime(now),
      leaseTransitions: 0,
    }
    try {
      const mono = this.monotonicMs()
      this.api.create({apiVersion: 'coordination.k8s.io/v1', kind: leaseType.kind, metadata: {name: LEASE_NAME, namespace: LEASE_NAMESPACE, annotations: this.stamp(mono)}, spec})
      this.#epoch = 0
      this.#renewedAt = mono
      return {acquired: true, reason: 'free'}
    } catch (error) {
      if (isStatusError(error, 'AlreadyExists')) return this.lostTo()
      throw error
    }
  }

  private stamp(mono: number, annotations?: Record<string, string>): Record<string, string> | undefined {
    const boot = bootId()
    if (!boot) return annotations
    return {...annotations, [RENEW_MONOTONIC_ANNOTATION]: `${boot}/${Math.round(mono)}`}
  }

  // a compare-and-swap on the resourceVersion read with `current`: false when someone wrote in between
  private write(current: KObject, spec: LeaseSpec): boolean {
    const mono = this.monotonicMs()
    const before = this.#renewedAt
    // set first: the fence this write passes through must not renew again
    if (spec.holderIdentity === this.identity) this.#renewedAt = mono
    try {
      this.api.update({...current, metadata: {...current.metadata, annotations: this.stamp(mono, current.metadata.annotations)}, spec})
      return true
    } catch (error) {
      this.#renewedAt = before
      if (isStatusError(error, 'Conflict') || isStatusError(error, 'NotFound')) return false
      throw error
    }
  }

  private lostTo(): AcquireResult {
    const spec = (this.api.peek('Lease', LEASE_NAMESPACE, LEASE_NAME)?.spec ?? {}) as LeaseSpec
    return {acquired: false, holder: spec.holderIdentity ?? ''}
  }
}
