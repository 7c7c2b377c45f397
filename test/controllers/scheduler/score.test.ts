import {expect} from 'chai'

import {nodeType} from '../../../src/api/kinds/node.js'
import {Scheduler} from '../../../src/controllers/scheduler/scheduler.js'
import {testCluster, type TestCluster} from '../helpers.js'

const spec = (extra: Record<string, unknown> = {}, requests?: Record<string, string>): Record<string, unknown> => ({
  containers: [{name: 'c', image: 'nginx', ...(requests ? {resources: {requests}} : {})}],
  ...extra,
})
const nodeOf = (tc: TestCluster, name: string): string | undefined => (tc.get(name)?.spec as {nodeName?: string}).nodeName
const on = (node: string, extra: Record<string, unknown> = {}) => spec({nodeName: node, ...extra})

describe('scheduler: scoring the feasible nodes with the default plugin weights', () => {
  let tc: TestCluster
  let s: Scheduler
  beforeEach(() => {
    tc = testCluster()
    s = new Scheduler()
    // ksim-worker2 is busier: least allocated alone would pick ksim-worker
    tc.pod('busy', on('ksim-worker2'))
  })
  afterEach(() => tc.close())

  it('follows preferred node affinity over least allocated', () => {
    tc.api.modify(nodeType, '', 'ksim-worker2', (n) => void (n.metadata.labels = {...n.metadata.labels, disk: 'ssd'}))
    tc.pod('plain', spec())
    tc.pod('pref', spec({affinity: {nodeAffinity: {preferredDuringSchedulingIgnoredDuringExecution: [{weight: 1, preference: {matchExpressions: [{key: 'disk', operator: 'In', values: ['ssd']}]}}]}}}))
    tc.pass(s)
    expect(nodeOf(tc, 'plain')).to.equal('ksim-worker')
    expect(nodeOf(tc, 'pref')).to.equal('ksim-worker2')
  })

  it('avoids a PreferNoSchedule taint the pod does not tolerate, and not one it tolerates', () => {
    tc.api.modify(nodeType, '', 'ksim-worker', (n) => void ((n.spec as Record<string, unknown>).taints = [{key: 'soft', effect: 'PreferNoSchedule'}]))
    tc.pod('avoid', spec())
    tc.pod('tolerate', spec({tolerations: [{key: 'soft', operator: 'Exists', effect: 'PreferNoSchedule'}]}))
    tc.pass(s)
    expect(nodeOf(tc, 'avoid')).to.equal('ksim-worker2')
    // ksim-worker2 now holds two pods
    expect(nodeOf(tc, 'tolerate')).to.equal('ksim-worker')
  })

  it('keeps away from pods a preferred anti-affinity term names, and goes next to those a preferred affinity term names', () => {
    tc.pod('web', on('ksim-worker'), {labels: {app: 'web'}})
    tc.pod('web2', on('ksim-worker'), {labels: {app: 'web'}})
    const term = {weight: 50, podAffinityTerm: {labelSelector: {matchLabels: {app: 'web'}}, topologyKey: 'kubernetes.io/hostname'}}
    tc.pod('apart', spec({affinity: {podAntiAffinity: {preferredDuringSchedulingIgnoredDuringExecution: [term]}}}))
    tc.pass(s)
    expect(nodeOf(tc, 'apart')).to.equal('ksim-worker2')
    tc.pod('near', spec({affinity: {podAffinity: {preferredDuringSchedulingIgnoredDuringExecution: [term]}}}))
    tc.pass(s)
    expect(nodeOf(tc, 'near')).to.equal('ksim-worker')
  })

  it("spreads a Service's pods by the system default constraints, and ScheduleAnyway constraints alike", () => {
    for (const b of ['b2', 'b3', 'b4']) tc.pod(b, on('ksim-worker2'))
    tc.pod('web', on('ksim-worker'), {labels: {app: 'web'}})
    tc.pod('web2', on('ksim-worker'), {labels: {app: 'web'}})
    tc.pod('loose', spec(), {labels: {app: 'web'}})
    tc.pass(s)
    // without a Service selecting them, least allocated decides (2 pods against 4)
    expect(nodeOf(tc, 'loose')).to.equal('ksim-worker')
    tc.api.create({apiVersion: 'v1', kind: 'Service', metadata: {name: 'web', namespace: 'default'}, spec: {selector: {app: 'web'}, ports: [{port: 80}]}})
    tc.pod('served', spec(), {labels: {app: 'web'}})
    const anyway = {topologySpreadConstraints: [{maxSkew: 1, topologyKey: 'kubernetes.io/hostname', whenUnsatisfiable: 'ScheduleAnyway', labelSelector: {matchLabels: {app: 'web'}}}]}
    tc.pod('anyway', spec(anyway), {labels: {app: 'other'}})
    tc.pass(s)
    expect(nodeOf(tc, 'served')).to.equal('ksim-worker2')
    expect(nodeOf(tc, 'anyway')).to.equal('ksim-worker2')
  })

  it('balances cpu against memory for a pod that requests them', () => {
    tc.api.delete(tc.api.typeOf(tc.get('busy')!), 'default', 'busy', {gracePeriodSeconds: 0})
    tc.pod('mem-heavy', spec({nodeName: 'ksim-worker'}, {memory: '4Gi'}))
    tc.pod('cpu-heavy', spec({nodeName: 'ksim-worker2'}, {cpu: '2'}))
    tc.pod('cpu', spec({}, {cpu: '1'}))
    tc.pass(s)
    // least allocated alone gives ksim-worker2 60 against 59; balance gives ksim-worker 87 against 62
    expect(nodeOf(tc, 'cpu')).to.equal('ksim-worker')
  })
})
