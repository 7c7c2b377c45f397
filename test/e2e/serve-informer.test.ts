// A @kubernetes/client-node informer (list, then watch from the list's resourceVersion, its own object
// cache) against `ksim serve --port 0` (a child process, with the reconciler): it sees pods added,
// changed and deleted by ksim's own CLI, and its cache ends as `ksim get` shows the cluster.
import {CoreV1Api, KubeConfig, makeInformer, type Informer, type ObjectCache, type V1Pod} from '@kubernetes/client-node'
import {expect} from 'chai'

import {Sandbox} from '../helpers/cli.js'
import {until} from '../serve/serve-client.js'
import {startServe, type ServeChild} from './serve-helpers.js'

type Seen = [verb: string, name: string, tier: string | undefined]

describe('a @kubernetes/client-node informer against ksim serve', function () {
  this.timeout(120_000)
  let sb: Sandbox
  let serve: ServeChild
  let informer: (Informer<V1Pod> & ObjectCache<V1Pod>) | undefined

  before(async () => {
    sb = new Sandbox('ksim-serve-informer-')
    expect(sb.run(['cluster', 'create', 'demo']).code).to.equal(0)
    serve = await startServe(sb)
  })

  after(async () => {
    await informer?.stop()
    if (serve) expect(await serve.stop()).to.equal(0)
    sb?.cleanup()
  })

  it('sees every add, update and delete made through the ksim CLI, in order, and its cache agrees with ksim get', async () => {
    expect(sb.run(['run', 'before', '--image', 'nginx']).code).to.equal(0)
    const kc = new KubeConfig()
    kc.loadFromFile(serve.kubeconfig)
    const core = kc.makeApiClient(CoreV1Api)
    informer = makeInformer(kc, '/api/v1/namespaces/default/pods', () => core.listNamespacedPod({namespace: 'default'}))
    const seen: Seen[] = []
    const errors: unknown[] = []
    for (const verb of ['add', 'update', 'delete'] as const) informer.on(verb, (p) => seen.push([verb, p.metadata!.name!, p.metadata!.labels?.tier]))
    informer.on('error', (e) => errors.push(e))
    await informer.start()
    // the initial list: what was there before the informer started is an add
    await until(() => seen.some(([v, n]) => v === 'add' && n === 'before'), 10_000)

    expect(sb.run(['run', 'web', '--image', 'nginx']).code).to.equal(0)
    await until(() => seen.some(([v, n]) => v === 'add' && n === 'web'), 10_000)
    expect(sb.run(['label', 'pod', 'web', 'tier=front']).stdout).to.equal('pod/web labeled\n')
    await until(() => informer!.get('web', 'default')?.metadata?.labels?.tier === 'front', 10_000)
    const rv = sb.run(['get', 'pod', 'web', '-o', 'jsonpath={.metadata.resourceVersion}']).stdout
    await until(() => informer!.get('web', 'default')?.metadata?.resourceVersion === rv, 10_000)
    expect(seen).to.deep.include(['update', 'web', 'front'])

    expect(sb.run(['delete', 'pod', 'web', '--now']).stdout).to.equal('pod "web" deleted from default namespace\n')
    await until(() => seen.some(([v, n]) => v === 'delete' && n === 'web'), 30_000)
    expect(informer.get('web', 'default')).to.equal(undefined)

    const webEvents = seen.filter(([, n]) => n === 'web').map(([v]) => v)
    expect(webEvents[0]).to.equal('add')
    expect(webEvents.at(-1)).to.equal('delete')
    expect(webEvents.slice(1, -1).every((v) => v === 'update')).to.equal(true)
    expect(errors).to.deep.equal([])
    const names = sb.run(['get', 'pods', '-o', 'jsonpath={.items[*].metadata.name}']).stdout
    expect(informer.list('default').map((p) => p.metadata!.name).join(' ')).to.equal(names)
  })
})
