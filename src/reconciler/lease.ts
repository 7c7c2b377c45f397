// The reconciler's lock: a Lease object (kube-system/ksim-reconciler) naming the one live reconciler of a
// cluster. Taking it is a compare-and-swap on resourceVersion, so of two racing processes only one wins;
// a holder whose process is gone, or who stopped renewing, loses it to the next one that asks.
import fs from 'node:fs'
import os from 'node:os'

import {isStatusError} from '../api/errors.js'
import {leaseType, microTime, type LeaseSpec} from '../api/kinds/lease.js'
import type {Api} from '../api/server.js'
import type {KObject} from '../api/types.js'
import type {Store} from '../store/sqlite-store.js'

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

/** Why a lease can be taken: nobody holds it, its holder's process is gone, or it expired. */
export function leaseVacancy(spec: LeaseSpec, now: Date, host = os.hostname()): 'free' | 'dead' | 'expired' | undefined {
  if (!spec.holderIdentity) return 'free'
  const holder = parseHolder(spec.holderIdentity)
  if (holder && holder.host === host && !pidAlive(holder.pid)) return 'dead'
  const renewed = spec.renewTime ? Date.parse(spec.renewTime) : Number.NaN
  const duration = (spec.leaseDurationSeconds ?? LEASE_DURATION_SECONDS) * 1000
  if (Number.isNaN(renewed) || renewed + duration < now.getTime()) return 'expired'
  return undefined
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
export function readReconcilerStatus(store: Store, now = new Date()): ReconcilerStatus {
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
    alive: leaseVacancy(spec, now) === undefined,
  }
}

/** The outcome of asking for the lease: ours (and from whom it came), or someone else's. */
export type AcquireResult = {acquired: true; previous?: string; reason?: 'free' | 'dead' | 'expired'} | {acquired: false; holder: string}

/** One process's handle on the lease: acquire, renew, release, each a compare-and-swap through the API. */
export class ReconcilerLease {
  constructor(
    readonly api: Api,
    readonly identity = holderIdentity(),
    readonly durationSeconds = LEASE_DURATION_SECONDS,
  ) {}

  /** Takes the lease if it is free, dead or expired (or already ours); never waits. */
  acquire(now: Date): AcquireResult {
    const current = this.api.peek('Lease', LEASE_NAMESPACE, LEASE_NAME)
    if (!current) return this.create(now)
    const spec = (current.spec ?? {}) as LeaseSpec
    if (spec.holderIdentity === this.identity) return this.renew(now) ? {acquired: true} : this.lostTo()
    const reason = leaseVacancy(spec, now)
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
    return spec.holderIdentity ? {acquired: true, previous: spec.holderIdentity, reason} : {acquired: true, reason}
  }

  /** Renews a lease we hold; false when it is no longer ours (taken over, or deleted and taken). */
  renew(now: Date): boolean {
    for (let attempt = 0; attempt < 3; attempt++) {
      const current = this.api.peek('Lease', LEASE_NAMESPACE, LEASE_NAME)
      if (!current) return this.create(now).acquired
      const spec = (current.spec ?? {}) as LeaseSpec
      if (spec.holderIdentity !== this.identity) return false
      if (this.write(current, {...spec, renewTime: microTime(now), leaseDurationSeconds: this.durationSeconds})) return true
    }
    return false
  }

  /** Gives the lease up (clears holderIdentity) if we still hold it, so the next process need not wait. */
  release(now: Date): void {
    const current = this.api.peek('Lease', LEASE_NAMESPACE, LEASE_NAME)
    const spec = (current?.spec ?? {}) as LeaseSpec
    if (!current || spec.holderIdentity !== this.identity) return
    const next: LeaseSpec = {...spec, renewTime: microTime(now)}
    delete next.holderIdentity
    this.write(current, next)
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
      this.api.create({apiVersion: 'coordination.k8s.io/v1', kind: leaseType.kind, metadata: {name: LEASE_NAME, namespace: LEASE_NAMESPACE}, spec})
      return {acquired: true, reason: 'free'}
    } catch (error) {
      if (isStatusError(error, 'AlreadyExists')) return this.lostTo()
      throw error
    }
  }

  // a compare-and-swap on the resourceVersion read with `current`: false when someone wrote in between
  private write(current: KObject, spec: LeaseSpec): boolean {
    try {
      this.api.update({...current, spec})
      return true
    } catch (error) {
      if (isStatusError(error, 'Conflict') || isStatusError(error, 'NotFound')) return false
      throw error
    }
  }

  private lostTo(): AcquireResult {
    const spec = (this.api.peek('Lease', LEASE_NAMESPACE, LEASE_NAME)?.spec ?? {}) as LeaseSpec
    return {acquired: false, holder: spec.holderIdentity ?? ''}
  }
}
