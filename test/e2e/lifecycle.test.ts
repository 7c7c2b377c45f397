// The pod lifecycle as a user sees it from outside: the real CLI and a real background reconciler.
// Grace periods are a few seconds; timings are asserted loosely (the benchmarks measure them).
import {expect} from 'chai'
import {spawn} from 'node:child_process'

import {BIN, Sandbox} from '../helpers/cli.js'

const pod = (name: string, opts: {grace?: number; annotations?: Record<string, string>; preStopSleep?: number; cpu?: string} = {}) =>
  JSON.stringify({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {name, annotations: opts.annotations ?? {}},
    spec: {
      terminationGracePeriodSeconds: opts.grace ?? 30,
      containers: [
        {
          name: 'app',
          image: 'busybox:1.36',
          ...(opts.preStopSleep === undefined ? {} : {lifecycle: {preStop: {sleep: {seconds: opts.preStopSleep}}}}),
          ...(opts.cpu ? {resources: {requests: {cpu: opts.cpu}}} : {}),
        },
      ],
    },
  })

const IGNORE_TERM = {'ksim.io/ignore-sigterm': 'true'}

describe('pod lifecycle end to end (real reconciler)', function () {
  this.timeout(180_000)
  let sb: Sandbox
  beforeEach(() => {
    sb = new Sandbox()
  })
  afterEach(() => sb.cleanup())

  const create = (text: string) => expect(sb.run(['create', '-f', '-'], {input: text}).code).to.equal(0)
  const status = (name: string) => sb.run(['get', 'pod', name, '--no-headers']).stdout.split(/\s+/)[2]

  /** Watches one pod's events and resolves with every (type, exit code) line until it is deleted. */
  function watchExit(name: string): Promise<string[]> {
    return new Promise((resolve) => {
      const child = spawn(process.execPath, [BIN, 'get', 'pod', name, '-w', '--output-watch-events', '-o', 'jsonpath={.type} {.object.status.containerStatuses[0].state.terminated.exitCode}{"\\n"}'], {
        env: sb.env(),
      })
      let out = ''
      child.stdout.on('data', (d) => {
        out += d
        if (out.includes('DELETED')) child.kill('SIGINT')
      })
      child.on('close', () => resolve(out.trim().split('\n')))
    })
  }

  it('runs a pod to Running and Ready, then deletes it promptly when it exits on SIGTERM', () => {
    create(pod('web'))
    expect(sb.run(['wait', '--for=condition=Ready', 'pod/web', '--timeout=60s'])).to.deep.include({stdout: 'pod/web condition met\n', code: 0})
    expect(sb.run(['get', 'pod', 'web', '--no-headers']).stdout).to.match(/^web +1\/1 +Running +0 +\d+s\n$/)
    const reasons = sb.run(['get', 'events', '--field-selector', 'involvedObject.name=web', '-o', 'jsonpath={.items[*].reason}']).stdout
    expect(reasons).to.equal('Scheduled Pulling Pulled Created Started')
    const t0 = Date.now()
    expect(sb.run(['delete', 'pod', 'web'])).to.deep.equal({stdout: 'pod "web" deleted from default namespace\n', stderr: '', code: 0})
    expect(Date.now() - t0).to.be.below(10_000)
    expect(sb.run(['get', 'pod', 'web']).stderr).to.equal('Error from server (NotFound): pods "web" not found\n')
  })

  it('shows Terminating for the grace period and SIGKILLs a process that ignores SIGTERM (137)', async () => {
    create(pod('stubborn', {grace: 3, annotations: IGNORE_TERM}))
    sb.run(['wait', '--for=condition=Ready', 'pod/stubborn', '--timeout=60s'])
    const exits = watchExit('stubborn')
    const t0 = Date.now()
    sb.run(['delete', 'pod', 'stubborn', '--wait=false'])
    expect(status('stubborn')).to.equal('Terminating')
    expect(sb.run(['describe', 'pod', 'stubborn']).stdout).to.match(/\nStatus:\s+Terminating \(lasts [^)]+\)\nTermination Grace Period:\s+3s\n/)
    expect(sb.run(['wait', '--for=delete', 'pod/stubborn', '--timeout=60s']).code).to.equal(0)
    const elapsed = Date.now() - t0
    expect(elapsed).to.be.within(2_500, 20_000)
    const lines = await exits
    expect(lines.at(-1)).to.equal('DELETED 137')
  })

  it('gives a preStop hook that overruns the grace period 2 more seconds, then kills', () => {
    create(pod('hook', {grace: 2, preStopSleep: 30, annotations: IGNORE_TERM}))
    sb.run(['wait', '--for=condition=Ready', 'pod/hook', '--timeout=60s'])
    const t0 = Date.now()
    expect(sb.run(['delete', 'pod', 'hook']).code).to.equal(0)
    expect(Date.now() - t0).to.be.within(3_500, 20_000)
  })

  it('lets a second delete shorten the grace period, never lengthen it', () => {
    create(pod('long', {grace: 60, annotations: IGNORE_TERM}))
    sb.run(['wait', '--for=condition=Ready', 'pod/long', '--timeout=60s'])
    sb.run(['delete', 'pod', 'long', '--wait=false'])
    sb.run(['delete', 'pod', 'long', '--wait=false', '--grace-period=120'])
    expect(sb.run(['get', 'pod', 'long', '-o', 'jsonpath={.metadata.deletionGracePeriodSeconds}']).stdout).to.equal('60')
    const t0 = Date.now()
    expect(sb.run(['delete', 'pod', 'long', '--grace-period=2']).code).to.equal(0)
    expect(Date.now() - t0).to.be.within(1_000, 20_000)
  })

  it('restarts a termination with the full grace period when the reconciler restarts', () => {
    create(pod('again', {grace: 4, annotations: IGNORE_TERM}))
    sb.run(['wait', '--for=condition=Ready', 'pod/again', '--timeout=60s'])
    sb.run(['delete', 'pod', 'again', '--wait=false'])
    const t0 = Date.now()
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 2_500)
    expect(sb.run(['cluster', 'stop']).code).to.equal(0)
    expect(status('again')).to.equal('Terminating')
    expect(sb.run(['cluster', 'start']).code).to.equal(0)
    const restarted = Date.now()
    expect(sb.run(['wait', '--for=delete', 'pod/again', '--timeout=60s']).code).to.equal(0)
    // a fresh 4 s from the restart, not the 1.5 s that was left
    expect(Date.now() - restarted).to.be.above(3_000)
    expect(Date.now() - t0).to.be.above(5_500)
  })

  it('keeps a pod that fits nowhere Pending with the scheduler\'s reason', () => {
    create(pod('huge', {cpu: '64'}))
    sb.run(['wait', '--for=condition=PodScheduled=false', 'pod/huge', '--timeout=60s'])
    expect(status('huge')).to.equal('Pending')
    const msg = sb.run(['get', 'pod', 'huge', '-o', 'jsonpath={.status.conditions[?(@.type=="PodScheduled")].message}']).stdout
    expect(msg).to.equal(
      // more cpu than any node has at all: unresolvable, so preemption cannot help anywhere
      '0/3 nodes are available: 1 node(s) had untolerated taint(s), 2 Insufficient cpu. preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.',
    )
    expect(sb.run(['describe', 'pod', 'huge']).stdout).to.contain(`Warning  FailedScheduling  `)
  })
})
