import {expect} from 'chai'

import {leaseType} from '../../../src/api/kinds/lease.js'
import {microTime, parseMicroTime} from '../../../src/api/micro-time.js'
import {lookupResource} from '../../../src/api/registry.js'
import type {KObject} from '../../../src/api/types.js'
import {useKindApi} from './kind-api.js'

const FIXED = new Date('2026-01-02T03:04:05Z')

function lease(spec: Record<string, unknown>): KObject {
  return {apiVersion: 'coordination.k8s.io/v1', kind: 'Lease', metadata: {name: 'l', namespace: 'default'}, spec}
}

describe('Lease kind', () => {
  const {stores, api, failure} = useKindApi(FIXED)

  it('is registered as leases, lease in coordination.k8s.io/v1, namespaced, without short names', () => {
    expect(lookupResource('leases')).to.equal(leaseType)
    expect(lookupResource('lease.coordination.k8s.io')).to.equal(leaseType)
    expect([leaseType.group, leaseType.version, leaseType.namespaced, leaseType.shortNames]).to.deep.equal(['coordination.k8s.io', 'v1', true, []])
  })

  it('stores MicroTimes in UTC with six digits, and drops the fields of a disabled feature gate', () => {
    const created = api().create(
      lease({holderIdentity: 'a', leaseDurationSeconds: 40, renewTime: '2026-01-02T05:04:05.123456+02:00', acquireTime: null, strategy: 'OldestEmulationVersion', preferredHolder: 'b'}),
    ).object
    expect(created.spec).to.deep.equal({holderIdentity: 'a', leaseDurationSeconds: 40, renewTime: '2026-01-02T03:04:05.123456Z'})
  })

  it('rejects durations below 1 and negative transitions with the API server\'s messages', () => {
    expect(failure(() => api().create(lease({leaseDurationSeconds: 0, leaseTransitions: -1})))).to.equal(
      'The Lease "l" is invalid: \n* spec.leaseDurationSeconds: Invalid value: 0: must be greater than 0\n* spec.leaseTransitions: Invalid value: -1: must be greater than or equal to 0',
    )
  })

  it('rejects a time that is not RFC3339Micro with Go\'s parse error', () => {
    expect(failure(() => api().create(lease({renewTime: '2026-01-02T03:04:05Z'})))).to.equal(
      'Error from server (BadRequest): Lease in version "v1" cannot be handled as a Lease: parsing time "2026-01-02T03:04:05Z" as "2006-01-02T15:04:05.000000Z07:00": cannot parse "Z" as ".000000"',
    )
  })

  it('parses MicroTimes as Go\'s time.Parse does with RFC3339Micro', () => {
    const err = (v: string) => (parseMicroTime(v) as {error: string}).error
    expect(parseMicroTime('2026-01-02T03:04:05.000001Z')).to.deep.equal({time: '2026-01-02T03:04:05.000001Z'})
    expect(parseMicroTime('2026-01-02T3:04:05.000001-01:30')).to.deep.equal({time: '2026-01-02T04:34:05.000001Z'})
    expect(err('2026-01-02T03:04:05.123Z')).to.equal('parsing time "2026-01-02T03:04:05.123Z" as "2006-01-02T15:04:05.000000Z07:00": cannot parse ".123Z" as ".000000"')
    expect(err('yesterday')).to.equal('parsing time "yesterday" as "2006-01-02T15:04:05.000000Z07:00": cannot parse "yesterday" as "2006"')
    expect(err('2026-1-02T03:04:05.000000Z')).to.equal('parsing time "2026-1-02T03:04:05.000000Z" as "2006-01-02T15:04:05.000000Z07:00": cannot parse "1-02T03:04:05.000000Z" as "01"')
    expect(err('2026-01-02 03:04:05.000000Z')).to.equal('parsing time "2026-01-02 03:04:05.000000Z" as "2006-01-02T15:04:05.000000Z07:00": cannot parse " 03:04:05.000000Z" as "T"')
    expect(err('2026-01-02T03:04:05.000000')).to.equal('parsing time "2026-01-02T03:04:05.000000" as "2006-01-02T15:04:05.000000Z07:00": cannot parse "" as "Z07:00"')
    expect(err('2026-13-02T03:04:05.000000Z')).to.equal('parsing time "2026-13-02T03:04:05.000000Z": month out of range')
    expect(err('2026-02-30T03:04:05.000000Z')).to.equal('parsing time "2026-02-30T03:04:05.000000Z": day out of range')
    expect(err('2026-01-02T24:04:05.000000Z')).to.equal('parsing time "2026-01-02T24:04:05.000000Z": hour out of range')
    expect(err('2026-01-02T03:04:05.000000Zjunk')).to.equal('parsing time "2026-01-02T03:04:05.000000Zjunk": extra text: "junk"')
    expect(microTime(new Date(Date.UTC(2026, 0, 2, 3, 4, 5, 7)))).to.equal('2026-01-02T03:04:05.007000Z')
  })
})
