// The process runtime's probe handlers against real sockets and processes on this machine (no
// namespaces: a pod in the host's network): HTTP status codes and Go's error texts, TCP connects, exec
// probes with their output, exit code and timeout, and ports named by the container.
import type {Server} from 'node:http'
import type {ProcessSpec} from '../../../src/controllers/kubelet/process/layout.js'

import {expect} from 'chai'
import http from 'node:http'
import type {AddressInfo} from 'node:net'

import {resolvePort, runProbe} from '../../../src/controllers/kubelet/process/probe-run.js'

const spec: ProcessSpec = {podUID: 'u', argv: [], env: {PATH: process.env.PATH ?? '/usr/bin:/bin', GREETING: 'hi'}, cwd: '/tmp', logMaxBytes: 1024}
const c = {name: 'web', ports: [{name: 'http', containerPort: 8080}]}

describe('process runtime: probe handlers', function () {
  this.timeout(20_000)
  let server: Server
  let port: number
  let freePort: number
  before(async () => {
    server = http.createServer((req, res) => {
      res.statusCode = req.url === '/bad' ? 503 : req.url === '/moved' ? 302 : 200
      res.end(req.headers['user-agent'] === 'kube-probe/1.35' && req.headers['x-probe'] === 'yes' ? 'seen' : 'ok')
    })
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
    port = (server.address() as AddressInfo).port
    // a port nothing listens on: one that was just free
    const spare = http.createServer()
    await new Promise<void>((r) => spare.listen(0, '127.0.0.1', r))
    freePort = (spare.address() as AddressInfo).port
    await new Promise((r) => spare.close(r))
  })
  after(() => server.close())

  it('httpGet: 200-399 succeed, others fail with the status code, a closed port with Go\'s dial error', async () => {
    const get = (path: string, p = port) => runProbe({httpGet: {path, port: p, httpHeaders: [{name: 'X-Probe', value: 'yes'}]}}, c, spec, '10.244.1.7')
    expect(await get('/')).to.deep.equal({ok: true, output: ''})
    expect(await get('/moved')).to.deep.equal({ok: true, output: ''})
    expect(await get('/bad')).to.deep.equal({ok: false, output: 'HTTP probe failed with statuscode: 503'})
    expect(await get('/healthz', freePort)).to.deep.equal({ok: false, output: `Get "http://10.244.1.7:${freePort}/healthz": dial tcp 10.244.1.7:${freePort}: connect: connection refused`})
  })

  it('tcpSocket: a connect, or the refused dial', async () => {
    expect(await runProbe({tcpSocket: {port}}, c, spec, '10.244.1.7')).to.deep.equal({ok: true, output: ''})
    expect(await runProbe({tcpSocket: {port: freePort}}, c, spec, '10.244.1.7')).to.deep.equal({ok: false, output: `dial tcp 10.244.1.7:${freePort}: connect: connection refused`})
  })

  it('exec: exit 0 succeeds; otherwise the output is the failure; a missing command is the runtime\'s exec error', async () => {
    expect(await runProbe({exec: {command: ['sh', '-c', 'echo $GREETING from $(pwd)']}}, c, spec, '')).to.deep.equal({ok: true, output: 'hi from /tmp\n'})
    expect(await runProbe({exec: {command: ['sh', '-c', 'echo broken >&2; exit 3']}}, c, spec, '')).to.deep.equal({ok: false, output: 'broken\n'})
    // the program's own name is its argv[0], as in a container
    expect(await runProbe({exec: {command: ['cat', '/no/such/file']}}, c, spec, '')).to.deep.equal({ok: false, output: 'cat: /no/such/file: No such file or directory\n'})
    expect(await runProbe({exec: {command: ['no-such-check']}}, c, spec, '')).to.deep.equal({ok: false, output: 'OCI runtime exec failed: exec failed: unable to start container process: exec: "no-such-check": executable file not found in $PATH: unknown'})
  })

  it('exec: a command still running at timeoutSeconds is killed and the run fails as timed out', async () => {
    const t0 = Date.now()
    expect(await runProbe({exec: {command: ['sh', '-c', 'sleep 30']}, timeoutSeconds: 1}, c, spec, '')).to.deep.equal({ok: false, output: 'command "sh -c sleep 30" timed out'})
    expect(Date.now() - t0).to.be.lessThan(5000)
  })

  it('ports: a number, a named container port, a number as text; an unknown name errors as the kubelet\'s Atoi', () => {
    expect([resolvePort(80, c), resolvePort('http', c), resolvePort('9090', c)]).to.deep.equal([80, 8080, 9090])
    expect(resolvePort('metrics', c)).to.deep.equal({error: 'strconv.Atoi: parsing "metrics": invalid syntax'})
    return runProbe({grpc: {port: 9090}}, c, spec, '').then((a) => expect(a.errored).to.equal(true))
  })
})
