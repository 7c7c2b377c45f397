// Probes and port-forward against real processes, through the real CLI and reconciler: an httpGet
// readiness probe makes the pod Ready (and its Service's endpoint) only once the program answers, from
// inside the pod's network namespace; a failing exec liveness probe restarts the container with the
// kubelet's events; an exec probe that overruns timeoutSeconds fails as timed out; port-forward fetches
// a page from a pod with its own network namespace. Nothing is left in the process table.
import {expect} from 'chai'
import {spawn} from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'

import {BIN, ROOT, Sandbox} from '../helpers/cli.js'

const node = process.execPath
const sleepMs = (ms: number): void => void Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms)

/** Live processes whose command line mentions `text`. */
function processesMentioning(text: string): string[] {
  const out: string[] = []
  for (const name of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(name) || Number(name) === process.pid) continue
    try {
      const cmd = fs.readFileSync(`/proc/${name}/cmdline`, 'utf8').replaceAll('\0', ' ')
      const stat = fs.readFileSync(`/proc/${name}/stat`, 'utf8')
      if (cmd.includes(text) && stat.slice(stat.lastIndexOf(')') + 2)[0] !== 'Z') out.push(`${name}: ${cmd}`)
    } catch {
      // gone meanwhile
    }
  }
  return out
}

describe('process runtime: probes and port-forward (real processes, real reconciler)', function () {
  this.timeout(240_000)
  let sb: Sandbox

  beforeEach(() => {
    sb = new Sandbox('ksim-procnet-')
    expect(sb.run(['cluster', 'create', 'lab', '--nodes', '1', '--runtime', 'process']).code).to.equal(0)
  })
  afterEach(() => {
    sb.cleanup()
    // every program here names a file under the sandbox: none may outlive the cluster
    expect(processesMentioning(sb.home), 'processes left behind').to.deep.equal([])
    // nor a connection's pipe or a network probe (this checkout's helpers)
    for (const helper of ['port-forward-pipe.js', 'netprobe-main.js']) expect(processesMentioning(path.join(ROOT, 'dist') + '/').filter((p) => p.includes(helper))).to.deep.equal([])
  })

  const apply = (docs: object[]): void => {
    expect(sb.run(['apply', '-f', '-'], {input: docs.map((d) => JSON.stringify(d)).join('\n---\n')}).code).to.equal(0)
  }
  const get = (what: string, jsonpath: string): string => sb.run(['get', what, '-o', `jsonpath=${jsonpath}`]).stdout
  const events = (pod: string): string[] => sb.run(['get', 'events', '--field-selector', `involvedObject.name=${pod}`, '-o', 'jsonpath={range .items[*]}{.reason}: {.message}{"\\n"}{end}']).stdout.split('\n').filter(Boolean)
  const until = (what: string, ok: () => boolean, ms = 90_000): void => {
    const end = Date.now() + ms
    while (!ok()) {
      if (Date.now() > end) throw new Error(`timed out waiting for ${what}`)
      sleepMs(300)
    }
  }
  // an HTTP server that starts listening on 8080 `delay` seconds after its start, and says so in a file
  const server = (marker: string, delay: number): string[] => [node, '-e', `setTimeout(() => require('http').createServer((q, s) => s.end('hello from ' + require('os').hostname() + '\\n')).listen(8080, () => require('fs').writeFileSync(${JSON.stringify(marker)}, 'up')), ${delay * 1000})`]

  it('an httpGet readiness probe makes the pod Ready, and its endpoint ready, only once the program answers', () => {
    const marker = path.join(sb.home, 'listening')
    apply([
      {apiVersion: 'v1', kind: 'Pod', metadata: {name: 'web', labels: {app: 'web'}}, spec: {containers: [{name: 'web', image: 'node', command: server(marker, 4), ports: [{containerPort: 8080}], readinessProbe: {httpGet: {path: '/', port: 8080}, periodSeconds: 1}}]}},
      {apiVersion: 'v1', kind: 'Service', metadata: {name: 'web'}, spec: {selector: {app: 'web'}, ports: [{port: 80, targetPort: 8080}]}},
    ])
    until('running', () => get('pod/web', '{.status.phase}') === 'Running')
    until('Ready', () => {
      const ready = get('pod/web', '{.status.conditions[?(@.type=="Ready")].status}') === 'True'
      if (ready) expect(fs.existsSync(marker), 'Ready only once the server listens').to.equal(true)
      return ready
    })
    const ip = get('pod/web', '{.status.podIP}')
    const refused = `Unhealthy: Readiness probe failed: Get "http://${ip}:8080/": dial tcp ${ip}:8080: connect: connection refused`
    expect(events('web')).to.include(refused)
    until('the endpoint', () => get('endpoints/web', '{.subsets[0].addresses[0].ip}') === ip)
  })

  it('a failing exec liveness probe restarts the container with the kubelet\'s events; an overrunning exec probe times out', () => {
    const healthy = path.join(sb.home, 'healthy')
    const check = ['sh', '-c', `test -f ${healthy} || { printf 'no %s' ${healthy}; exit 1; }`]
    apply([
      {apiVersion: 'v1', kind: 'Pod', metadata: {name: 'live'}, spec: {containers: [{name: 'app', image: 'busybox', command: ['sh', '-c', `touch ${healthy}; sleep 2; rm ${healthy}; sleep 600`], livenessProbe: {exec: {command: check}, periodSeconds: 1, failureThreshold: 2, timeoutSeconds: 10}}]}},
      {apiVersion: 'v1', kind: 'Pod', metadata: {name: 'slow'}, spec: {containers: [{name: 'app', image: 'busybox', command: ['sleep', '600'], readinessProbe: {exec: {command: ['sh', '-c', `sleep 5 # ${sb.home}`]}, timeoutSeconds: 1, periodSeconds: 2}}]}},
    ])
    until('a restart', () => Number(get('pod/live', '{.status.containerStatuses[0].restartCount}') || 0) >= 1)
    // the events follow the status write
    // (a generous timeoutSeconds: on a loaded machine a 1 s run can time out, which is a failure of its own wording)
    until('the events', () => events('live').includes('Killing: Container app failed liveness probe, will be restarted'), 30_000)
    expect(events('live')).to.include(`Unhealthy: Liveness probe failed: no ${healthy}`)
    // killed by SIGTERM (sh has no handler): 143
    expect(get('pod/live', '{.status.containerStatuses[0].lastState.terminated.exitCode}')).to.equal('143')
    until('a timed-out run', () => events('slow').includes(`Unhealthy: Readiness probe failed: command "sh -c sleep 5 # ${sb.home}" timed out`))
    expect(get('pod/slow', '{.status.containerStatuses[0].ready}')).to.equal('false')
  })

  it('port-forward reaches a pod\'s port inside its own network namespace; a port nothing listens on ends it', async () => {
    const marker = path.join(sb.home, 'listening')
    apply([{apiVersion: 'v1', kind: 'Pod', metadata: {name: 'web'}, spec: {containers: [{name: 'web', image: 'node', command: server(marker, 0), readinessProbe: {tcpSocket: {port: 8080}, periodSeconds: 1}}]}}])
    expect(sb.run(['wait', '--for=condition=Ready', 'pod/web', '--timeout=90s']).code).to.equal(0)
    const local = 20000 + (process.pid % 20000)
    const forward = spawn(node, [BIN, 'port-forward', 'pod/web', `${local}:8080`], {env: sb.env()})
    let out = ''
    forward.stdout.on('data', (d) => (out += d))
    const exited = new Promise<number | null>((resolve) => forward.on('exit', (code) => resolve(code)))
    try {
      for (let i = 0; i < 300 && !out.includes('[::1]'); i++) await new Promise((r) => setTimeout(r, 100))
      expect(out).to.equal(`Forwarding from 127.0.0.1:${local} -> 8080\nForwarding from [::1]:${local} -> 8080\n`)
      const page = await (await fetch(`http://127.0.0.1:${local}/`)).text()
      expect(page).to.equal('hello from web\n')
      // the port is taken now: a second forward says so
      const again = sb.run(['port-forward', 'web', `${local}:8080`])
      expect(again.code).to.equal(1)
      expect(again.stderr).to.equal(`Unable to listen on port ${local}: Listeners failed to create with the following errors: [unable to create listener: Error listen tcp4 127.0.0.1:${local}: bind: address already in use unable to create listener: Error listen tcp6 [::1]:${local}: bind: address already in use]\nerror: unable to listen on any of the requested ports: [{${local} 8080}]\n`)
    } finally {
      forward.kill('SIGINT')
    }
    expect(await exited, 'Ctrl-C ends it quietly').to.equal(0)
    expect(out).to.equal(`Forwarding from 127.0.0.1:${local} -> 8080\nForwarding from [::1]:${local} -> 8080\nHandling connection for ${local}\n`)

    // nothing listens on 9999 in the pod: the connection fails and the forward ends
    const refused = sb.runAsync(['port-forward', 'web', `${local + 1}:9999`])
    let answered = false
    for (let i = 0; i < 300 && !answered; i++) {
      await new Promise((r) => setTimeout(r, 100))
      answered = await fetch(`http://127.0.0.1:${local + 1}/`).then(() => true, (e: Error) => !String(e.cause ?? e).includes('ECONNREFUSED'))
    }
    const r = await refused
    expect(r.code).to.equal(1)
    expect(r.stderr).to.match(/^E\d{4} [\d:.]+ +\d+ portforward\.go:424\] "Unhandled Error" err="an error occurred forwarding \d+ -> 9999: error forwarding port 9999 to pod [0-9a-f]{64}, uid : failed to execute portforward in network namespace \\"\/proc\/\d+\/ns\/net\\": failed to connect to localhost:9999 inside namespace \\"[0-9a-f]{64}\\", IPv4: dial tcp4 127\.0\.0\.1:9999: connect: connection refused IPv6 dial tcp6 \[::1\]:9999: connect: connection refused "\nerror: lost connection to pod\n$/)
    // a pod that is not running cannot be forwarded to
    apply([{apiVersion: 'v1', kind: 'Pod', metadata: {name: 'nowhere'}, spec: {nodeSelector: {none: 'x'}, containers: [{name: 'a', image: 'busybox', command: ['sleep', '1']}]}}])
    expect(sb.run(['port-forward', 'nowhere', '80'])).to.deep.equal({stdout: '', stderr: 'error: unable to forward port because pod is not running. Current status=Pending\n', code: 1})
  })

  it('an exec preStop hook that exits non-zero is recorded as FailedPreStopHook, and the container still stops', () => {
    const hook = ['sh', '-c', `echo cleaning; echo cannot clean ${sb.home} >&2; exit 3`]
    apply([{apiVersion: 'v1', kind: 'Pod', metadata: {name: 'hooked'}, spec: {terminationGracePeriodSeconds: 30, containers: [{name: 'app', image: 'busybox', command: ['sh', '-c', `trap 'exit 0' TERM; while true; do sleep 0.1; done # ${sb.home}`], lifecycle: {preStop: {exec: {command: hook}}}}]}}])
    expect(sb.run(['wait', '--for=condition=Ready', 'pod/hooked', '--timeout=90s']).code).to.equal(0)
    const uid = get('pod/hooked', '{.metadata.uid}')
    const t0 = Date.now()
    expect(sb.run(['delete', 'pod', 'hooked']).code).to.equal(0)
    expect(Date.now() - t0, 'the failed hook does not hold the stop until the grace period ends').to.be.lessThan(15_000)
    const message = `Exec lifecycle hook ([${hook.join(' ')}]) for Container "app" in Pod "hooked_default(${uid})" failed - error: command '${hook.join(' ')}' exited with 3: cannot clean ${sb.home}\n, message: "cleaning\\ncannot clean ${sb.home}\\n"`
    expect(events('hooked')).to.include(`FailedPreStopHook: ${message.split('\n')[0]}`)
    expect(sb.run(['get', 'events', '--field-selector', 'reason=FailedPreStopHook', '-o', 'jsonpath={.items[0].message}']).stdout).to.equal(message)
  })
})
