// The real kubectl 1.35 and Helm 4 against `ksim serve --port 0` (a child process, with the reconciler)
// in a temp KSIM_HOME: the kubeconfig serve writes, then create, apply, get in each format, describe,
// label, patch, scale, rollout status, wait, delete --grace-period, a `get -w` that sees a change made
// by ksim's own CLI, 401 without the token, and helm install/uninstall of a tiny chart.
import {expect} from 'chai'
import fs from 'node:fs'
import https from 'node:https'
import os from 'node:os'
import path from 'node:path'

import {ROOT, Sandbox} from '../helpers/cli.js'
import {referenceBinaries, type RefBinaries} from '../helpers/kubectl-ref.js'
import {kubectlEnv, runBinary, startServe, type ServeChild} from './serve-helpers.js'

const DEPLOYMENT = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: 2
  selector:
    matchLabels: {app: web}
  template:
    metadata:
      labels: {app: web}
    spec:
      containers:
      - name: nginx
        image: nginx:1.27
`

describe('kubectl 1.35 and helm 4 against ksim serve', function () {
  this.timeout(600_000)
  let sb: Sandbox
  let serve: ServeChild
  let bins: RefBinaries
  let kdir: string
  const kubectl = (...args: string[]) => runBinary(bins.kubectl, args, kubectlEnv(serve.kubeconfig, kdir))
  const ok = async (args: string[], stdout: string | RegExp): Promise<void> => {
    const r = await kubectl(...args)
    expect(r.stderr, args.join(' ')).to.equal('')
    expect(r.code, args.join(' ')).to.equal(0)
    if (typeof stdout === 'string') expect(r.stdout, args.join(' ')).to.equal(stdout)
    else expect(r.stdout, args.join(' ')).to.match(stdout)
  }

  before(async function () {
    const ref = await referenceBinaries()
    if (!ref.ok) {
      console.log(`      skipped: the reference kubectl is unavailable: ${ref.reason}`)
      this.skip()
    }
    bins = ref.bins
    sb = new Sandbox('ksim-serve-e2e-')
    sb.run(['cluster', 'create', 'demo'])
    serve = await startServe(sb)
    kdir = fs.mkdtempSync(path.join(os.tmpdir(), 'ksim-serve-kube-'))
  })

  after(async () => {
    if (serve) expect(await serve.stop()).to.equal(0)
    sb?.cleanup()
    if (kdir) fs.rmSync(kdir, {recursive: true, force: true})
  })

  it('writes a 0600 kubeconfig with the CA and a token, prints the export line, and refuses requests without the token', async () => {
    const file = path.join(sb.home, 'clusters', 'demo', 'kubeconfig')
    expect(serve.kubeconfig).to.equal(file)
    expect(fs.statSync(file).mode & 0o777).to.equal(0o600)
    expect(serve.stdout).to.match(new RegExp(`^Serving cluster "demo" at https://127\\.0\\.0\\.1:\\d+\\nKubeconfig written to ${file}\\nexport KUBECONFIG=${file}\\n$`))
    const text = fs.readFileSync(file, 'utf8')
    const ca = Buffer.from(/certificate-authority-data: (\S+)/.exec(text)![1]!, 'base64').toString()
    const code = await new Promise<number>((resolve, reject) => {
      https.get(`${serve.url}/api/v1/pods`, {ca}, (res) => resolve(res.statusCode ?? 0)).on('error', reject)
    })
    expect(code).to.equal(401)
    await ok(['version'], 'Client Version: v1.35.2\nKustomize Version: v5.7.1\nServer Version: v1.35.2\n')
  })

  it('creates, applies, labels, patches, scales, waits for and describes a deployment', async () => {
    const file = sb.write('web.yaml', DEPLOYMENT)
    await ok(['create', '-f', file], 'deployment.apps/web created\n')
    const again = await kubectl('create', '-f', file)
    expect([again.code, again.stderr]).to.deep.equal([1, `Error from server (AlreadyExists): error when creating "${file}": deployments.apps "web" already exists\n`])
    await ok(['rollout', 'status', 'deployment/web', '--timeout=60s'], /deployment "web" successfully rolled out\n$/)
    sb.write('web.yaml', DEPLOYMENT.replace('nginx:1.27', 'nginx:1.28'))
    const applied = await kubectl('apply', '-f', file)
    expect([applied.code, applied.stdout]).to.deep.equal([0, 'deployment.apps/web configured\n'])
    await ok(['apply', '-f', file], 'deployment.apps/web unchanged\n')
    await ok(['label', 'deployment', 'web', 'tier=front'], 'deployment.apps/web labeled\n')
    await ok(['patch', 'deployment', 'web', '--type=merge', '-p', '{"metadata":{"annotations":{"a":"b"}}}'], 'deployment.apps/web patched\n')
    await ok(['patch', 'deployment', 'web', '--type=json', '-p', '[{"op":"add","path":"/metadata/annotations/c","value":"d"}]'], 'deployment.apps/web patched\n')
    await ok(['scale', 'deployment', 'web', '--replicas=3'], 'deployment.apps/web scaled\n')
    await ok(['rollout', 'status', 'deployment/web', '--timeout=60s'], /deployment "web" successfully rolled out\n$/)
    await ok(['wait', '--for=condition=Available', 'deployment/web', '--timeout=60s'], 'deployment.apps/web condition met\n')
    await ok(['get', 'deployment', 'web', '-o', 'jsonpath={.spec.replicas} {.metadata.labels.tier} {.metadata.annotations.c} {.spec.template.spec.containers[0].image}'], '3 front d nginx:1.28')
    await ok(['get', 'deployment', 'web', '-o', 'name'], 'deployment.apps/web\n')
    await ok(['get', 'deployment', 'web'], /^NAME {3}READY {3}UP-TO-DATE {3}AVAILABLE {3}AGE\nweb {4}3\/3 {5}3 {12}3 {11}\d+s\n$/)
    await ok(['get', 'deployment', 'web', '-o', 'wide'], /CONTAINERS {3}IMAGES {7}SELECTOR\nweb .* nginx {8}nginx:1\.28 {3}app=web\n$/)
    await ok(['get', 'deployment', 'web', '-o', 'yaml'], /^apiVersion: apps\/v1\nkind: Deployment\n/)
    await ok(['get', 'deployment', 'web', '-o', 'json'], /^\{\n {4}"apiVersion": "apps\/v1",\n/)
    await ok(['describe', 'deployment', 'web'], /^Name: +web\nNamespace: +default\n/)
    const ksim = sb.run(['describe', 'deployment', 'web'])
    const theirs = await kubectl('describe', 'deployment', 'web')
    // the two describes run seconds apart: an age may cross 9s -> 10s and widen its column
    const ages = (text: string): string => text.replaceAll(/\d+s +/g, 'Ns ').replaceAll(/\d+s/g, 'Ns')
    expect(ages(theirs.stdout)).to.equal(ages(ksim.stdout))
  })

  it('deletes with a grace period and waits until the pod is gone; get -w shows a change made by the ksim CLI', async () => {
    await ok(['run', 'p', '--image=nginx'], 'pod/p created\n')
    await ok(['wait', '--for=condition=Ready', 'pod/p', '--timeout=60s'], 'pod/p condition met\n')
    const watch = runBinary(bins.kubectl, ['get', 'pod', 'p', '-w', '--request-timeout=8s', '-o', 'jsonpath={.metadata.labels.from}{"\\n"}'], kubectlEnv(serve.kubeconfig, kdir))
    await new Promise((r) => setTimeout(r, 1500))
    expect(sb.run(['label', 'pod', 'p', 'from=cli']).stdout).to.equal('pod/p labeled\n')
    const seen = await watch
    expect(seen.stdout.split('\n')).to.include('cli')
    await ok(['delete', 'pod', 'p', '--grace-period=1'], 'pod "p" deleted from default namespace\n')
    const gone = await kubectl('get', 'pod', 'p')
    expect([gone.code, gone.stderr]).to.deep.equal([1, 'Error from server (NotFound): pods "p" not found\n'])
  })

  it("runs kubectl's generators, whose typed clients send protobuf", async () => {
    await ok(['create', 'deployment', 'gen', '--image=nginx:1.27', '--replicas=0', '--port=80'], 'deployment.apps/gen created\n')
    await ok(['create', 'service', 'nodeport', 'gen', '--tcp=80:8080'], 'service/gen created\n')
    await ok(['create', 'namespace', 'gen'], 'namespace/gen created\n')
    await ok(['create', 'serviceaccount', 'bot', '-n', 'gen'], 'serviceaccount/bot created\n')
    await ok(['create', 'configmap', 'gen', '--from-literal=a=b'], 'configmap/gen created\n')
    await ok(['create', 'secret', 'generic', 'gen', '--from-literal=a=b'], 'secret/gen created\n')
    const get = (args: string[]) => sb.run(['get', ...args]).stdout
    expect(get(['deploy', 'gen', '-o', 'jsonpath={.spec.replicas} {.spec.selector.matchLabels.app} {.spec.template.spec.containers[0].image} {.spec.template.spec.containers[0].ports[0].containerPort}'])).to.equal('0 gen nginx:1.27 80')
    expect(get(['svc', 'gen', '-o', 'jsonpath={.spec.type} {.spec.ports[0].port} {.spec.ports[0].targetPort} {.spec.selector.app}'])).to.equal('NodePort 80 8080 gen')
    expect(get(['sa', 'bot', '-n', 'gen', '-o', 'name'])).to.equal('serviceaccount/bot\n')
    expect(get(['cm', 'gen', '-o', 'jsonpath={.data.a}'])).to.equal('b')
    expect(get(['secret', 'gen', '-o', 'jsonpath={.data.a}'])).to.equal('Yg==')
  })

  it('creates a PodDisruptionBudget with its generator (protobuf) and drains through the Eviction API, stopped by the budget', async () => {
    await ok(['create', 'deployment', 'guarded', '--image=nginx', '--replicas=2'], 'deployment.apps/guarded created\n')
    await ok(['create', 'pdb', 'guarded', '--selector=app=guarded', '--min-available=2'], 'poddisruptionbudget.policy/guarded created\n')
    await ok(['rollout', 'status', 'deployment/guarded', '--timeout=60s'], /successfully rolled out\n$/)
    expect(sb.run(['get', 'pdb', 'guarded', '-o', 'jsonpath={.spec}']).stdout).to.equal('{"minAvailable":2,"selector":{"matchLabels":{"app":"guarded"}}}')
    for (let i = 0; i < 120 && sb.run(['get', 'pdb', 'guarded', '-o', 'jsonpath={.status.currentHealthy}/{.status.expectedPods}']).stdout !== '2/2'; i++) await new Promise((r) => setTimeout(r, 250))
    const pods = sb.run(['get', 'pods', '-l', 'app=guarded', '-o', 'jsonpath={range .items[*]}{.metadata.name} {.spec.nodeName}{"\\n"}{end}']).stdout.trim().split('\n').map((l) => l.split(' '))
    const node = pods[0]![1]!
    const drain = await kubectl('drain', node, '--pod-selector=app=guarded', '--timeout=6s')
    await ok(['uncordon', node], `node/${node} uncordoned\n`)
    expect(drain.code).to.equal(1)
    const onNode = pods.filter(([, n]) => n === node).map(([p]) => p!)
    for (const p of onNode) {
      expect(drain.stderr).to.contain(`error when evicting pods/"${p}" -n "default" (will retry after 5s): Cannot evict pod as it would violate the pod's disruption budget.\n`)
      expect(drain.stderr).to.contain(`error when evicting pods/"${p}" -n "default": global timeout reached: 6s`)
    }
    expect(sb.run(['get', 'pods', '-l', 'app=guarded', '-o', 'jsonpath={.items[*].metadata.deletionTimestamp}']).stdout).to.equal('')
  })

  it('explains kinds and fields from the OpenAPI v3 documents, with their descriptions', async () => {
    await ok(
      ['explain', 'deployment.spec.replicas'],
      'GROUP:      apps\nKIND:       Deployment\nVERSION:    v1\n\nFIELD: replicas <integer>\n\n\nDESCRIPTION:\n    Number of desired pods. This is a pointer to distinguish between explicit\n    zero and not specified. Defaults to 1.\n    \n\n',
    )
    await ok(['explain', 'pods.spec.containers.ports'], /^KIND: {7}Pod\nVERSION: {4}v1\n\nFIELD: ports <\[\]ContainerPort>\n[^]*\n {2}containerPort\t<integer> -required-\n/)
  })

  it('explains from the Swagger 2.0 document in protobuf (/openapi/v2), and client-side apply still validates and patches', async () => {
    const v2 = await kubectl('explain', 'pods.spec.containers.ports', '--output', 'plaintext-openapiv2')
    expect(v2.code).to.equal(0)
    expect(v2.stdout).to.match(/^KIND: {5}Pod\nVERSION: {2}v1\n\nRESOURCE: ports <\[\]Object>\n\nDESCRIPTION:\n {5}List of ports to expose from the container\./)
    expect(v2.stdout).to.include('\nFIELDS:\n   containerPort\t<integer> -required-\n     Number of port to expose on the pod\'s IP address.')
    expect(v2.stdout).to.include('\n   protocol\t<string>\n     Protocol for port. Must be UDP, TCP, or SCTP. Defaults to "TCP".\n\n')
    const manifest = (labels: string) => `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: v2\n  labels: {${labels}}\ndata: {a: b}\n`
    const apply = (text: string, ...flags: string[]) => runBinary(bins.kubectl, ['apply', '-f', '-', ...flags], kubectlEnv(serve.kubeconfig, kdir), text)
    expect(await apply(manifest('first: one'), '--validate=strict')).to.deep.equal({stdout: 'configmap/v2 created\n', stderr: '', code: 0})
    expect(await apply(manifest('second: two'))).to.deep.equal({stdout: 'configmap/v2 configured\n', stderr: '', code: 0})
    expect(sb.run(['get', 'cm', 'v2', '-o', 'jsonpath={.metadata.labels}']).stdout).to.equal('{"second":"two"}')
    const bad = await apply(manifest('first: one').replace('name: v2', 'name: v2-bad').replace('\ndata:', '\ndataa:'), '--validate=strict')
    expect([bad.code, bad.stderr]).to.deep.equal([1, 'Error from server (BadRequest): error when creating "STDIN": ConfigMap in version "v1" cannot be handled as a ConfigMap: strict decoding error: unknown field "dataa"\n'])
  })

  it('installs and uninstalls a small chart with helm 4 (client-side apply)', async () => {
    const env = {...kubectlEnv(serve.kubeconfig, kdir), HELM_CACHE_HOME: path.join(kdir, 'helm-cache'), HELM_CONFIG_HOME: path.join(kdir, 'helm-config'), HELM_DATA_HOME: path.join(kdir, 'helm-data')}
    const chart = path.join(ROOT, 'test', 'fixtures', 'serve-chart')
    const install = await runBinary(bins.helm, ['install', 'tiny', chart, '--server-side=false', '--wait', '--timeout=60s'], env)
    expect(install.stderr).to.equal('')
    expect(install.stdout).to.match(/^NAME: tiny\n.*STATUS: deployed\n/s)
    expect(sb.run(['get', 'configmap', 'tiny-config', '-o', 'jsonpath={.data.greeting}']).stdout).to.equal('hello')
    expect((await runBinary(bins.helm, ['list', '-q'], env)).stdout).to.equal('tiny\n')
    const uninstall = await runBinary(bins.helm, ['uninstall', 'tiny'], env)
    expect([uninstall.code, uninstall.stdout, uninstall.stderr]).to.deep.equal([0, 'release "tiny" uninstalled\n', ''])
    expect(sb.run(['get', 'deploy', 'tiny-web']).stderr).to.equal('Error from server (NotFound): deployments.apps "tiny-web" not found\n')
  })
  it('installs a chart with helm 4 in its default mode (server-side apply), and kubectl apply --server-side works', async () => {
    const env = {...kubectlEnv(serve.kubeconfig, kdir), HELM_CACHE_HOME: path.join(kdir, 'helm-cache'), HELM_CONFIG_HOME: path.join(kdir, 'helm-config'), HELM_DATA_HOME: path.join(kdir, 'helm-data')}
    const chart = path.join(ROOT, 'test', 'fixtures', 'serve-chart')
    const install = await runBinary(bins.helm, ['install', 'ssa', chart, '--wait', '--timeout=60s'], env)
    expect([install.code, install.stderr]).to.deep.equal([0, ''])
    expect((await runBinary(bins.helm, ['uninstall', 'ssa'], env)).code).to.equal(0)
    const cm = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ssa-cm\ndata: {a: b}\n'
    const apply = (text: string, ...flags: string[]) => runBinary(bins.kubectl, ['apply', '--server-side', '-f', '-', ...flags], kubectlEnv(serve.kubeconfig, kdir), text)
    expect(await apply(cm)).to.deep.equal({stdout: 'configmap/ssa-cm serverside-applied\n', stderr: '', code: 0})
    expect(sb.run(['get', 'cm', 'ssa-cm', '-o', 'jsonpath={.metadata.managedFields[0].manager}/{.metadata.managedFields[0].operation}']).stdout).to.equal('kubectl/Apply')
    // another manager's change to a field it applied is a conflict, as the API server words it
    expect(sb.run(['patch', 'cm', 'ssa-cm', '-p', '{"data":{"a":"c"}}']).code).to.equal(0)
    const conflict = await apply(cm)
    expect(conflict.code).to.equal(1)
    expect(conflict.stderr.split('\n')[0]).to.equal('error: Apply failed with 1 conflict: conflict with "kubectl-patch" using v1: .data.a')
  })
})
