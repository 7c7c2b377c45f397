// `get` output formats as kubectl 1.35 prints them: nothing on stdout for one missing name, templates,
// jsonpath-as-json, managedFields, and `-f URL`. Expected texts were checked against kubectl 1.35.2.
import {expect} from 'chai'
import http from 'node:http'
import type {AddressInfo} from 'node:net'

import {Sandbox} from '../helpers/cli.js'

const POD = `apiVersion: v1
kind: Pod
metadata:
  name: web
  labels:
    app: web
  managedFields:
  - apiVersion: v1
    fieldsType: FieldsV1
    fieldsV1:
      f:metadata: {}
    manager: kubectl-client-side-apply
    operation: Update
    time: "2026-01-01T00:00:00Z"
spec:
  containers:
  - name: c
    image: nginx:1.27
    livenessProbe:
      grpc:
        port: 9000
`

describe('ksim get output formats', function () {
  this.timeout(120_000)
  let sb: Sandbox
  before(() => {
    sb = new Sandbox('ksim-test-', {KSIM_NO_RECONCILER: '1'})
    expect(sb.run(['create', '-f', sb.write('pod.yaml', POD)]).code).to.equal(0)
  })
  after(() => sb.cleanup())

  const notFound = (n: string) => `Error from server (NotFound): pods "${n}" not found\n`

  it('prints nothing on stdout for one missing name, whatever the format', () => {
    for (const o of ['yaml', 'json', 'name', 'jsonpath={.metadata.name}', 'go-template={{.metadata.name}}', 'custom-columns=N:.metadata.name']) {
      const r = sb.run(['get', 'pod', 'missing', '-o', o])
      expect([r.stdout, r.stderr, r.code], o).to.deep.equal(['', notFound('missing'), 1])
    }
  })

  it('prints the found objects (as a List) and then the errors for several names', () => {
    const r = sb.run(['get', 'pod', 'web', 'missing', '-o', 'name'])
    expect([r.stdout, r.stderr, r.code]).to.deep.equal(['pod/web\n', notFound('missing'), 1])
    const none = sb.run(['get', 'pod', 'm1', 'm2', '-o', 'json'])
    expect(none.stdout).to.equal('{\n    "apiVersion": "v1",\n    "items": [],\n    "kind": "List",\n    "metadata": {\n        "resourceVersion": ""\n    }\n}\n')
    expect(none.stderr).to.equal(notFound('m1') + notFound('m2'))
  })

  it('prints what a failing custom-columns printer had printed (its header, the rows before) before its error', () => {
    // kubectl's CustomColumnsPrinter flushes its tabwriter on the way out, error or not
    const bad = sb.run(['get', 'pod', 'web', '-o', 'custom-columns=A:.metadata.name,B:.metadata.name['])
    expect([bad.stdout, bad.stderr, bad.code]).to.deep.equal(['A     B\n', 'error: unterminated array\n', 1])
    const late = sb.run(['get', 'pod', 'web', '-o', 'custom-columns=NAME:.metadata.name,X:.spec.containers[1].name'])
    expect([late.stdout, late.stderr, late.code]).to.deep.equal(['NAME   X\n', 'error: array index out of bounds: index 1, length 1\n', 1])
  })

  it('prints -o jsonpath-as-json as one indented JSON array per template action', () => {
    const r = sb.run(['get', 'pod', 'web', '-o', 'jsonpath-as-json={.metadata.name}{.spec.containers[*].name}'])
    expect(r.stdout).to.equal('[\n    "web"\n]\n[\n    "c"\n]\n')
    expect(sb.run(['get', 'pods', '-o', 'jsonpath-as-json={.items[*].metadata.labels}']).stdout).to.equal('[\n    {\n        "app": "web"\n    }\n]\n')
  })

  it('runs Go templates from -o go-template=, -o template --template, --template alone and a file', () => {
    expect(sb.run(['get', 'pods', '-o', 'go-template={{range .items}}{{.metadata.name}} {{index .metadata.labels "app"}}{{"\\n"}}{{end}}']).stdout).to.equal('web web\n')
    expect(sb.run(['get', '-o', 'template', 'pod/web', '--template={{.status.phase}}']).stdout).to.equal('Pending')
    expect(sb.run(['get', 'pod', 'web', '--template={{.kind}} {{.metadata.nope}}']).stdout).to.equal('Pod <no value>')
    const file = sb.write('t.tpl', '{{with .spec.containers}}{{len .}} {{(index . 0).image}}{{end}}\n')
    expect(sb.run(['get', 'pod', 'web', '-o', `go-template-file=${file}`]).stdout).to.equal('1 nginx:1.27\n')
    expect(sb.run(['get', 'pod', 'web', '-o', 'templatefile', '--template', file]).stdout).to.equal('1 nginx:1.27\n')
  })

  it("fails on a bad template in kubectl's words, exit 1", () => {
    const parse = sb.run(['get', 'pod', 'web', '-o', 'go-template={{.metadata.name'])
    expect([parse.stdout, parse.stderr, parse.code]).to.deep.equal(['', 'error: error parsing template {{.metadata.name, template: output:1: unclosed action\n', 1])
    const exec = sb.run(['get', 'pod', 'web', '-o', 'go-template={{.metadata.name}}:{{index .metadata 3}}'])
    const why = 'template: output:1:21: executing "output" at <index .metadata 3>: error calling index: value has type int; should be string'
    expect(exec.stdout).to.match(new RegExp(`^web:Error executing template: ${why.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\. Printing more information for debugging the template:\n\ttemplate was:\n`))
    expect(exec.stderr).to.equal(`error: error executing template "{{.metadata.name}}:{{index .metadata 3}}": ${why}\n`)
    expect(exec.code).to.equal(1)
    const missing = sb.run(['get', 'pod', 'web', '-o', 'go-template-file=/no/such.tpl'])
    expect([missing.stderr, missing.code]).to.deep.equal(['error: error reading --template /no/such.tpl, open /no/such.tpl: no such file or directory\n', 1])
  })

  it('strips managedFields from yaml and json unless --show-managed-fields', () => {
    expect(sb.run(['get', 'pod', 'web', '-o', 'yaml']).stdout).not.to.include('managedFields')
    expect(JSON.parse(sb.run(['get', 'pods', '-o', 'json']).stdout).items[0].metadata).not.to.have.property('managedFields')
    const kept = sb.run(['get', 'pod', 'web', '-o', 'yaml', '--show-managed-fields']).stdout
    expect(kept).to.include('  managedFields:\n  - apiVersion: v1\n    fieldsType: FieldsV1\n    fieldsV1:\n      f:metadata: {}\n    manager: kubectl-client-side-apply\n')
    // templates see the object as the server sent it
    expect(sb.run(['get', 'pod', 'web', '-o', 'jsonpath={.metadata.managedFields[0].manager}']).stdout).to.equal('kubectl-client-side-apply')
  })

  it('stores a gRPC probe with the default service "" and shows it as kubectl does', () => {
    expect(sb.run(['get', 'pod', 'web', '-o', 'yaml']).stdout).to.include('    livenessProbe:\n      failureThreshold: 3\n      grpc:\n        port: 9000\n        service: ""\n')
    expect(sb.run(['describe', 'pod', 'web']).stdout).to.include('    Liveness:     grpc <pod>:9000  delay=0s timeout=1s period=10s #success=1 #failure=3\n')
  })
})

describe('ksim -f URL', function () {
  this.timeout(120_000)
  let sb: Sandbox
  let server: http.Server
  let base: string
  before(async () => {
    sb = new Sandbox('ksim-test-', {KSIM_NO_RECONCILER: '1'})
    server = http.createServer((req, res) => {
      if (req.url === '/pod.yaml') res.end(POD.replace('name: web', 'name: from-url'))
      else if (req.url === '/broken') res.writeHead(500).end('oops')
      else res.writeHead(404).end('not here')
    })
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  })
  after(() => {
    server.close()
    sb.cleanup()
  })

  it('reads a manifest from an http URL, naming the URL as its source', async () => {
    const r = await sb.runAsync(['create', '-f', `${base}/pod.yaml`])
    expect([r.stdout, r.stderr, r.code]).to.deep.equal(['pod/from-url created\n', '', 0])
    const g = await sb.runAsync(['get', '-f', `${base}/pod.yaml`, '-o', 'name'])
    expect(g.stdout).to.equal('pod/from-url\n')
  })

  it("fails with kubectl's messages for an error status, a refused connection and a bad URL", async () => {
    const nf = await sb.runAsync(['apply', '-f', `${base}/nope.yaml`])
    expect([nf.stderr, nf.code]).to.deep.equal([`error: unable to read URL "${base}/nope.yaml", server reported 404 Not Found, status code=404\n`, 1])
    const five = await sb.runAsync(['create', '-f', `${base}/broken`], {env: {KSIM_URL_RETRY_MS: '1'}})
    expect(five.stderr).to.equal(`error: unable to read URL "${base}/broken", server reported 500 Internal Server Error, status code=500\n`)
    // a port nothing listens on: one the system just gave out and took back
    const closed = http.createServer()
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve))
    const port = (closed.address() as AddressInfo).port
    await new Promise((resolve) => closed.close(resolve))
    const refused = await sb.runAsync(['create', '-f', `http://127.0.0.1:${port}/x.yaml`], {env: {KSIM_URL_RETRY_MS: '1'}})
    expect([refused.stderr, refused.code]).to.deep.equal([`The connection to the server 127.0.0.1:${port} was refused - did you specify the right host or port?\n`, 1])
    const bad = await sb.runAsync(['create', '-f', 'http://[::1'])
    expect([bad.stderr, bad.code]).to.deep.equal(['error: the URL passed to filename "http://[::1" is not valid: parse "http://[::1": invalid URL\n', 1])
  })
})
