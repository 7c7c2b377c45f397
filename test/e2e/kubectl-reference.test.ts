// ksim against the real kubectl 1.35: each command of the script runs through kubectl (pointed at a fixture
// API server that serves the objects of a ksim cluster) and through ksim's bin/run.js on the same state, and
// both must print the same bytes on stdout and stderr and exit with the same code. Only what kubectl prints
// client-side is compared (describe; get -o yaml|json|name|jsonpath|custom-columns): kubectl's tables come
// from the server, so serving them would compare ksim with itself.
import {expect} from 'chai'
import {execFile} from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import {apiSettingsOf, readProfile} from '../../src/api/cluster-profile.js'
import {mustLookupResource} from '../../src/api/registry.js'
import {Api} from '../../src/api/server.js'
import {Store} from '../../src/store/sqlite-store.js'
import {Sandbox, type RunResult} from '../helpers/cli.js'
import {lineDiff} from '../helpers/line-diff.js'
import {startFixtureServer, type FixtureServer} from '../helpers/fixture-server.js'
import {referenceBinaries} from '../helpers/kubectl-ref.js'
import {buildPinnedCluster} from '../helpers/pinned-cluster.js'
import {REFERENCE_SCRIPT, type Names} from './fixtures/kubectl-reference-script.js'

function runKubectl(kubectl: string, args: string[], env: NodeJS.ProcessEnv): Promise<RunResult> {
  return new Promise((resolve) => {
    execFile(kubectl, args, {env, encoding: 'utf8', timeout: 30_000}, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0
      // cobra's usage hint names the program: `See 'kubectl get --help' for usage.` is ksim's `See 'ksim get ...`
      resolve({stdout, stderr: stderr.replaceAll(/^See 'kubectl /gm, "See 'ksim "), code})
    })
  })
}

function namesOf(api: Api, manifest: string): Names {
  const names = (plural: string, ns: string, label?: string): string[] =>
    api
      .list(mustLookupResource(plural), ns, label ? {labelSelector: label} : {})
      .items.map((o) => o.metadata.name!)
      .sort()
  const rs = api.list(mustLookupResource('replicasets'), 'default', {labelSelector: 'app=web'}).items
  const byReplicas = (n: number): string => rs.find((r) => (r.spec as {replicas: number}).replicas === n)!.metadata.name!
  return {
    webPod: names('pods', 'default', 'app=web')[0],
    oldRS: byReplicas(0),
    newRS: byReplicas(2),
    event: names('events', 'default')[0],
    apiSlice: names('endpointslices', 'default', 'kubernetes.io/service-name=api')[0],
    manifest,
  }
}

describe('ksim and the real kubectl 1.35 print the same bytes', function () {
  this.timeout(600_000)
  let sb: Sandbox
  let server: FixtureServer
  let store: Store
  let kubectl: string
  let kenv: NodeJS.ProcessEnv
  let names: Names
  let kdir: string

  before(async function () {
    const ref = await referenceBinaries()
    if (!ref.ok) {
      console.log(`      skipped: the reference kubectl is unavailable: ${ref.reason}`)
      this.skip()
    }
    kubectl = ref.bins.kubectl
    sb = new Sandbox('ksim-kref-', {KSIM_NO_RECONCILER: '1'})
    await buildPinnedCluster(sb.home)
    store = Store.open(path.join(sb.home, 'clusters', 'ksim', 'state.db'), {mustExist: true})
    const api = new Api(store, {settings: apiSettingsOf(readProfile(store))})
    names = namesOf(api, sb.write('fresh.yaml', 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: fresh\nspec:\n  containers:\n  - name: app\n    image: nginx:1.27\n'))
    server = await startFixtureServer(api)
    kdir = fs.mkdtempSync(path.join(os.tmpdir(), 'ksim-kref-kube-'))
    kenv = {PATH: process.env.PATH, HOME: kdir, KUBECONFIG: server.kubeconfig, KUBECACHEDIR: path.join(kdir, 'cache')}
  })

  after(async () => {
    await server?.close()
    store?.close()
    sb?.cleanup()
    if (kdir) fs.rmSync(kdir, {recursive: true, force: true})
  })

  it(`runs a script of ${REFERENCE_SCRIPT.length} commands with identical stdout, stderr and exit codes`, async () => {
    const diffs: string[] = []
    for (const make of REFERENCE_SCRIPT) {
      const args = make(names)
      const want = await runKubectl(kubectl, args, kenv)
      const got = sb.run(args)
      if (want.stdout !== got.stdout || want.stderr !== got.stderr || want.code !== got.code) {
        const show = (r: RunResult): string => `exit ${r.code}\n[stdout]\n${r.stdout}\n[stderr]\n${r.stderr}`
        diffs.push(`$ kubectl ${args.join(' ')}    (- kubectl 1.35, + ksim)\n${lineDiff(show(want), show(got))}`)
      }
    }
    if (diffs.length > 0) expect.fail(`${diffs.length} of ${REFERENCE_SCRIPT.length} commands differ:\n${diffs.join('\n')}`)
  })
})
