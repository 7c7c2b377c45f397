// Fault test (npm run test:faults): 20 ksim processes at once create, label, annotate, apply, scale and
// delete against a live reconciler that is writing the same pods. Every write is accounted for: each
// object exists with its labels or was deleted by its own process, no update is lost (a label once
// added to the shared pod never disappears), the change log holds every revision exactly once, and a
// write that loses a compare-and-swap (`label --resource-version`) is reported as kubectl reports it.
import Database from 'better-sqlite3'
import {expect} from 'chai'
import fs from 'node:fs'
import path from 'node:path'

import {Sandbox, type RunResult} from '../helpers/cli.js'

const WORKERS = 20
const CONFLICT = (name: string) =>
  `Error from server (Conflict): Operation cannot be fulfilled on pods "${name}": the object has been modified; please apply your changes to the latest version and try again\n`

interface Step {
  worker: number
  args: string[]
  result: RunResult
}

interface ChangeRow {
  rev: number
  type: 'ADDED' | 'MODIFIED' | 'DELETED'
  kind: string
  namespace: string
  name: string
  create_rev: number
  data: string
}

interface Meta {
  labels?: Record<string, string>
  annotations?: Record<string, string>
}

const podYaml = (w: string, labels: Record<string, string>) =>
  `apiVersion: v1\nkind: Pod\nmetadata:\n  name: p-${w}\n  labels:\n${Object.entries(labels)
    .map(([k, v]) => `    ${k}: ${v}\n`)
    .join('')}spec:\n  terminationGracePeriodSeconds: 1\n  containers:\n  - name: app\n    image: nginx\n`

const meta = (row: ChangeRow): Meta => (JSON.parse(row.data) as {metadata: Meta}).metadata

describe('20 concurrent CLI processes against a live reconciler', function () {
  this.timeout(300_000)
  let sb: Sandbox
  before(() => {
    sb = new Sandbox('ksim-concurrent-')
  })
  after(() => sb.cleanup())

  it('loses no write, logs every revision once, and reports each lost compare-and-swap as kubectl does', async () => {
    // the shared objects every worker writes to, with the reconciler running the pod and the deployment
    expect(sb.run(['create', 'configmap', 'shared-cm', '--from-literal=a=b']).code).to.equal(0)
    expect(sb.run(['apply', '-f', sb.write('shared.yaml', podYaml('x', {app: 'shared'}).replace('p-x', 'shared'))]).stdout).to.equal('pod/shared created\n')
    const cmYaml = (w: string) => `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: shared-apply\ndata:\n  owner: ${w}\n`
    expect(sb.run(['apply', '-f', sb.write('shared-apply.yaml', cmYaml('nobody'))]).stdout).to.equal('configmap/shared-apply created\n')
    expect(sb.run(['create', 'deployment', 'web', '--image=nginx', '--replicas=2']).stdout).to.equal('deployment.apps/web created\n')
    const status = sb.run(['cluster', 'status']).stdout
    const pid = /Reconciler:\s+running \(pid (\d+)/.exec(status)?.[1]
    expect(pid, status).to.be.a('string')

    const steps: Step[] = []
    const casWon = new Set<number>()
    let failed = false
    const worker = async (i: number) => {
      const w = `w${i}`
      const run = async (args: string[]) => {
        // after one worker fails the others stop at their next command
        if (failed) throw new Error(`${w} stopped: another worker failed`)
        const result = await sb.runAsync(args)
        steps.push({worker: i, args, result})
        return result
      }
      const expectOk = async (args: string[], stdout: string) => {
        const r = await run(args)
        expect(r, `${w}: ksim ${args.join(' ')}`).to.deep.equal({stdout, stderr: '', code: 0})
      }
      const v1 = sb.write(`${w}-v1.yaml`, podYaml(w, {owner: w}))
      const v2 = sb.write(`${w}-v2.yaml`, podYaml(w, {owner: w, applied: 'two'}))
      await expectOk(['create', 'configmap', `cm-${w}`, `--from-literal=k=${w}`], `configmap/cm-${w} created\n`)
      await expectOk(['apply', '-f', v1], `pod/p-${w} created\n`)
      await expectOk(['label', 'pod', 'shared', `${w}=yes`], 'pod/shared labeled\n')
      // every worker applies its own version of one config map: each apply lands, none conflicts
      const mine = sb.write(`${w}-cm.yaml`, cmYaml(w))
      for (let n = 0; n < 2; n++) {
        const r = await run(['apply', '-f', mine])
        expect(r.stderr, `${w}: apply shared-apply`).to.equal('')
        expect(['configmap/shared-apply configured\n', 'configmap/shared-apply unchanged\n']).to.include(r.stdout)
      }
      await expectOk(['label', 'pod', 'shared', `${w}-again=yes`], 'pod/shared labeled\n')
      await expectOk(['annotate', 'configmap', 'shared-cm', `note-${w}=$(touch x); \`id\` ${i}`], 'configmap/shared-cm annotated\n')
      await expectOk(['label', 'configmap', `cm-${w}`, 'step=one'], `configmap/cm-${w} labeled\n`)
      await expectOk(['label', 'pod', `p-${w}`, 'step=one'], `pod/p-${w} labeled\n`)
      // client-side apply sends a patch without resourceVersion: it never conflicts with the kubelet
      await expectOk(['apply', '-f', v2], `pod/p-${w} configured\n`)
      await expectOk(['scale', 'deployment', 'web', `--replicas=${1 + (i % 3)}`], 'deployment.apps/web scaled\n')
      // an explicit compare-and-swap: it wins, or it is reported with kubectl's Conflict and exit 1
      const rv = (await run(['get', 'pod', 'shared', '-o', 'jsonpath={.metadata.resourceVersion}'])).stdout
      expect(rv).to.match(/^\d+$/)
      const cas = await run(['label', 'pod', 'shared', `cas-${w}=yes`, `--resource-version=${rv}`])
      if (cas.code === 0) {
        expect(cas).to.deep.equal({stdout: 'pod/shared labeled\n', stderr: '', code: 0})
        casWon.add(i)
      } else {
        expect(cas).to.deep.equal({stdout: '', stderr: CONFLICT('shared'), code: 1})
      }
      await expectOk(['label', 'configmap', `cm-${w}`, '--overwrite', 'step=two'], `configmap/cm-${w} labeled\n`)
      if (i % 2 === 0) {
        await expectOk(['delete', 'configmap', `cm-${w}`], `configmap "cm-${w}" deleted from default namespace\n`)
        await expectOk(['delete', 'pod', `p-${w}`], `pod "p-${w}" deleted from default namespace\n`)
      }
    }
    const outcomes = await Promise.allSettled(
      Array.from({length: WORKERS}, (_, i) =>
        worker(i).catch((error: unknown) => {
          failed = true
          throw error
        }),
      ),
    )
    const firstFailure = outcomes.find((o) => o.status === 'rejected' && !String(o.reason).includes('another worker failed'))
    if (firstFailure) throw (firstFailure as PromiseRejectedResult).reason
    expect(steps.length).to.be.at.least(WORKERS * 11)

    // what users see: each object exists with its labels, or was deleted by its own process
    const items = (kind: string) =>
      (JSON.parse(sb.run(['get', kind, '-o', 'json']).stdout) as {items: {metadata: Meta & {name: string; resourceVersion: string}}[]}).items
    const pods = new Map(items('pods').map((p) => [p.metadata.name, p.metadata]))
    const cms = new Map(items('configmaps').map((c) => [c.metadata.name, c.metadata]))
    for (let i = 0; i < WORKERS; i++) {
      const w = `w${i}`
      if (i % 2 === 0) {
        expect(pods.has(`p-${w}`), `p-${w}`).to.equal(false)
        expect(cms.has(`cm-${w}`), `cm-${w}`).to.equal(false)
      } else {
        expect(pods.get(`p-${w}`)?.labels, `p-${w}`).to.deep.equal({applied: 'two', owner: w, step: 'one'})
        expect(cms.get(`cm-${w}`)?.labels, `cm-${w}`).to.deep.equal({step: 'two'})
      }
    }
    const expectedShared: Record<string, string> = {app: 'shared'}
    for (let i = 0; i < WORKERS; i++) expectedShared[`w${i}`] = expectedShared[`w${i}-again`] = 'yes'
    for (const i of casWon) expectedShared[`cas-w${i}`] = 'yes'
    expect(pods.get('shared')?.labels).to.deep.equal(expectedShared)
    expect(casWon.size, 'at least the first compare-and-swap on an idle object wins').to.be.at.least(1)
    const notes = cms.get('shared-cm')?.annotations ?? {}
    expect(Object.keys(notes).sort()).to.deep.equal(Array.from({length: WORKERS}, (_, i) => `note-w${i}`).sort())
    for (let i = 0; i < WORKERS; i++) expect(notes[`note-w${i}`]).to.equal(`$(touch x); \`id\` ${i}`)
    expect(fs.existsSync(path.join(sb.home, 'x')), 'an annotation value was run by a shell').to.equal(false)
    expect(Array.from({length: WORKERS}, (_, i) => `w${i}`)).to.include(
      (JSON.parse(sb.run(['get', 'configmap', 'shared-apply', '-o', 'json']).stdout) as {data: {owner: string}}).data.owner,
    )
    const web = JSON.parse(sb.run(['get', 'deployment', 'web', '-o', 'json']).stdout) as {spec: {replicas: number}}
    expect([1, 2, 3]).to.include(web.spec.replicas)

    // the store's own record: read it in one snapshot while the reconciler keeps writing
    const db = new Database(path.join(sb.home, 'clusters', 'ksim', 'state.db'), {readonly: true, fileMustExist: true})
    try {
      db.pragma('busy_timeout = 10000')
      const read = db.transaction(() => ({
        revision: Number((db.prepare(`SELECT value FROM meta WHERE key = 'revision'`).get() as {value: string}).value),
        compacted: Number((db.prepare(`SELECT value FROM meta WHERE key = 'compacted'`).get() as {value: string}).value),
        changes: db.prepare('SELECT * FROM changes ORDER BY rev').all() as ChangeRow[],
        objects: db.prepare('SELECT kind, namespace, name, rev, create_rev FROM objects').all() as {kind: string; namespace: string; name: string; rev: number; create_rev: number}[],
      }))
      const {revision, compacted, changes, objects} = read.deferred()
      // every revision from the oldest kept to the newest is in the log exactly once
      expect(changes.length).to.equal(revision - compacted)
      changes.forEach((c, n) => expect(c.rev, `change #${n}`).to.equal(compacted + n + 1))
      const byKey = new Map<string, ChangeRow[]>()
      for (const c of changes) {
        const k = `${c.kind} ${c.namespace}/${c.name}`
        byKey.set(k, [...(byKey.get(k) ?? []), c])
      }
      // each key's life reads ADDED, MODIFIED..., DELETED; a live object is at its last logged revision
      const seenRevs = new Set<number>()
      for (const o of objects) {
        expect(seenRevs.has(o.rev), `two objects at revision ${o.rev}`).to.equal(false)
        seenRevs.add(o.rev)
        const log = byKey.get(`${o.kind} ${o.namespace}/${o.name}`)
        if (!log) continue // written before the oldest kept change
        expect(log.at(-1)!.rev, `${o.kind} ${o.name}`).to.equal(o.rev)
        expect(log.at(-1)!.type).to.not.equal('DELETED')
      }
      for (const [k, log] of byKey) {
        for (let n = 1; n < log.length; n++) {
          const prev = log[n - 1].type
          const ok = log[n].type === 'ADDED' ? prev === 'DELETED' : prev !== 'DELETED'
          expect(ok, `${k}: ${prev} then ${log[n].type} at ${log[n].rev}`).to.equal(true)
          if (log[n].type !== 'ADDED') expect(log[n].create_rev, k).to.equal(log[n - 1].type === 'ADDED' ? log[n - 1].rev : log[n - 1].create_rev)
        }
      }
      // exactly the users' writes to the config maps, in order
      for (let i = 0; i < WORKERS; i++) {
        const log = byKey.get(`ConfigMap default/cm-w${i}`)!
        const expected = [
          ['ADDED', undefined],
          ['MODIFIED', {step: 'one'}],
          ['MODIFIED', {step: 'two'}],
          ...(i % 2 === 0 ? [['DELETED', {step: 'two'}]] : []),
        ]
        expect(log.map((c) => [c.type, meta(c).labels]), `cm-w${i}`).to.deep.equal(expected)
      }
      const sharedCm = byKey.get('ConfigMap default/shared-cm')!
      expect(sharedCm.map((c) => Object.keys(meta(c).annotations ?? {}).length)).to.deep.equal(Array.from({length: WORKERS + 1}, (_, n) => n))
      // no write to the shared pod ever dropped a label someone else had added
      const sharedPod = byKey.get('Pod default/shared')!
      for (let n = 1; n < sharedPod.length; n++) {
        const before = Object.keys(meta(sharedPod[n - 1]).labels ?? {})
        const after = meta(sharedPod[n]).labels ?? {}
        for (const l of before) expect(after, `label ${l} lost at revision ${sharedPod[n].rev}`).to.have.property(l)
      }
      for (let i = 1; i < WORKERS; i += 2) {
        const log = byKey.get(`Pod default/p-w${i}`)!
        let had = false
        for (const c of log) {
          const step = meta(c).labels?.step
          if (had) expect(step, `p-w${i} lost its label at revision ${c.rev}`).to.equal('one')
          had ||= step !== undefined
        }
      }
    } finally {
      db.close()
    }

    // the same reconciler ran throughout, and logged no failure and no lost lease
    expect(sb.run(['cluster', 'status']).stdout).to.contain(`running (pid ${pid},`)
    const log = fs.readFileSync(path.join(sb.home, 'clusters', 'ksim', 'reconciler.log'), 'utf8')
    // (a slow pass on a loaded machine is worth a warning, not a failure)
    expect(log.split('\n').filter((l) => / (error|warn) /.test(l) && !/ warn \S+: reconcile of \d+ keys? took \d+ms$/.test(l))).to.deep.equal([])
  })
})
