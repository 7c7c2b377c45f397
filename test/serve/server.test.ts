// ksim's API server over HTTPS, in-process on a free port: authentication, discovery, the verbs and
// their errors (each rejected request leaves the store as it was), subresources, Tables and watches.
import {expect} from 'chai'

import {mustLookupResource} from '../../src/api/registry.js'
import {Api} from '../../src/api/server.js'
import {useTempStores} from '../store/temp-store.js'
import {startTestServer, until, type TestServer} from './serve-client.js'

const CM = '/api/v1/namespaces/default/configmaps'
const cm = (name: string, labels: Record<string, string> = {}) => ({apiVersion: 'v1', kind: 'ConfigMap', metadata: {name, labels}, data: {k: 'v'}})
const pod = (name: string) => ({apiVersion: 'v1', kind: 'Pod', metadata: {name, labels: {app: 'web'}}, spec: {containers: [{name: 'c', image: 'nginx'}]}})
const TABLE = {Accept: 'application/json;as=Table;v=v1;g=meta.k8s.io,application/json;as=Table;v=v1beta1;g=meta.k8s.io,application/json'}

describe('ksim serve: the HTTP API', function () {
  this.timeout(30_000)
  const t = useTempStores()
  let s: TestServer

  beforeEach(async () => {
    s = await startTestServer(t.open())
  })
  afterEach(async () => {
    await s.server.close()
  })

  it('answers 401 Unauthorized without a valid token, and health and version without any', async () => {
    for (const token of [null, 'wrong']) {
      const r = await s.call('GET', '/api/v1/pods', {token})
      expect(r.code).to.equal(401)
      expect(r.json).to.deep.equal({kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message: 'Unauthorized', reason: 'Unauthorized', code: 401})
    }
    expect((await s.call('GET', '/healthz', {token: null})).text).to.equal('ok')
    expect((await s.call('GET', '/readyz', {token: null})).code).to.equal(200)
    expect((await s.call('GET', '/version', {token: null})).json).to.deep.equal({major: '1', minor: '35'})
  })

  it('serves aggregated discovery when asked for it, with subresources and categories, and the legacy documents otherwise', async () => {
    const accept = 'application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList,application/json'
    const apis = await s.call('GET', '/apis', {headers: {Accept: accept}})
    expect(apis.headers['content-type']).to.equal('application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList')
    const apps = apis.json.items.find((g: {metadata: {name: string}}) => g.metadata.name === 'apps')
    const deploy = apps.versions[0].resources.find((r: {resource: string}) => r.resource === 'deployments')
    expect(deploy.categories).to.deep.equal(['all'])
    expect(deploy.subresources.map((x: {subresource: string}) => x.subresource)).to.deep.equal(['scale', 'status'])
    expect(deploy.subresources[0].responseKind).to.deep.equal({group: 'autoscaling', version: 'v1', kind: 'Scale'})
    const core = await s.call('GET', '/api', {headers: {Accept: accept}})
    expect(core.json.items[0].versions[0].resources.map((r: {resource: string}) => r.resource)).to.include.members(['pods', 'nodes', 'namespaces'])
    expect((await s.call('GET', '/api')).json.versions).to.deep.equal(['v1'])
    const v1 = await s.call('GET', '/api/v1')
    expect(v1.json.resources.map((r: {name: string}) => r.name)).to.include.members(['pods', 'pods/status', 'pods/binding', 'pods/eviction'])
    expect((await s.call('GET', '/apis')).json.groups.map((g: {name: string}) => g.name)).to.include('apps')
    expect((await s.call('GET', '/apis/nothere/v1')).code).to.equal(404)
  })

  it('serves OpenAPI v3: a root with hashed URLs, and documents with fieldValidation, schemas and patch tags, immutable under their hash', async () => {
    const root = await s.call('GET', '/openapi/v3')
    const url: string = root.json.paths['apis/apps/v1'].serverRelativeURL
    expect(url).to.match(/^\/openapi\/v3\/apis\/apps\/v1\?hash=[0-9A-F]{128}$/)
    const doc = await s.call('GET', url)
    expect(doc.headers['cache-control']).to.equal('public, immutable')
    const patch = doc.json.paths['/apis/apps/v1/namespaces/{namespace}/deployments/{name}'].patch
    expect(patch.parameters).to.deep.include({name: 'fieldValidation', in: 'query', schema: {type: 'string', uniqueItems: true}})
    expect(patch['x-kubernetes-group-version-kind']).to.deep.equal({group: 'apps', version: 'v1', kind: 'Deployment'})
    const core = (await s.call('GET', '/openapi/v3/api/v1')).json.components.schemas
    expect(core['io.k8s.api.core.v1.Pod']['x-kubernetes-group-version-kind']).to.deep.equal([{group: '', kind: 'Pod', version: 'v1'}])
    expect(core['io.k8s.api.core.v1.PodSpec'].properties.containers).to.deep.include({'x-kubernetes-patch-strategy': 'merge', 'x-kubernetes-patch-merge-key': 'name'})
    expect((await s.call('GET', '/openapi/v3/apis/nothere/v1')).code).to.equal(404)
  })

  it('serves /openapi/v2, a Swagger 2.0 document from the same schema, as JSON or protobuf as the Accept header asks, else 406', async () => {
    const v2 = await s.call('GET', '/openapi/v2', {headers: {Accept: 'application/json'}})
    expect([v2.code, v2.headers['content-type'], v2.json.swagger]).to.deep.equal([200, 'application/json', '2.0'])
    const defs = v2.json.definitions
    expect(defs['io.k8s.api.apps.v1.Deployment']['x-kubernetes-group-version-kind']).to.deep.equal([{group: 'apps', kind: 'Deployment', version: 'v1'}])
    // Swagger 2.0 keeps a described struct field a plain $ref, its description beside it (kube-openapi's v2)
    expect(defs['io.k8s.api.core.v1.Pod'].properties.metadata).to.deep.equal({
      description: "Standard object's metadata. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#metadata",
      $ref: '#/definitions/io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta',
    })
    expect(defs['io.k8s.api.core.v1.PodSpec'].properties.containers).to.deep.equal({
      description: 'List of containers belonging to the pod. Containers cannot currently be added or removed. There must be at least one container in a Pod. Cannot be updated.',
      type: 'array',
      items: {$ref: '#/definitions/io.k8s.api.core.v1.Container'},
      'x-kubernetes-patch-strategy': 'merge',
      'x-kubernetes-patch-merge-key': 'name',
    })
    const patch = v2.json.paths['/api/v1/namespaces/{namespace}/pods/{name}'].patch
    expect(patch.parameters).to.deep.equal([{uniqueItems: true, type: 'string', name: 'fieldValidation', in: 'query'}])
    expect(JSON.stringify(v2.json)).not.to.include('#/components/')
    // what client-go asks for: gnostic's openapi.v2.Document, field 1 (swagger) first
    const pb = await s.call('GET', '/openapi/v2', {headers: {Accept: 'application/com.github.proto-openapi.spec.v2@v1.0+protobuf'}})
    expect([pb.code, pb.headers['content-type'], pb.text.slice(0, 5)]).to.deep.equal([200, 'application/octet-stream', '\n\x032.0'])
    expect((await s.call('GET', '/openapi/v2', {headers: {Accept: 'text/html'}})).code).to.equal(406)
  })

  it('lists with selectors, pages with limit and continue, and refuses a resourceVersion from the future', async () => {
    for (const n of ['a', 'b', 'c']) expect((await s.call('POST', CM, {body: cm(n, {tier: n === 'b' ? 'x' : 'y'})})).code).to.equal(201)
    const names = (r: {json: {items: {metadata: {name: string}}[]}}) => r.json.items.map((i) => i.metadata.name)
    expect(names(await s.call('GET', `${CM}?labelSelector=tier%3Dy`))).to.deep.equal(['a', 'c'])
    expect(names(await s.call('GET', `${CM}?fieldSelector=metadata.name%3Db`))).to.deep.equal(['b'])
    const page1 = await s.call('GET', `${CM}?limit=2`)
    expect(names(page1)).to.deep.equal(['a', 'b'])
    expect(page1.json.metadata.remainingItemCount).to.equal(2)
    const page2 = await s.call('GET', `${CM}?limit=2&continue=${encodeURIComponent(page1.json.metadata.continue)}`)
    expect(names(page2)).to.deep.equal(['c', 'kube-root-ca.crt'])
    expect(page2.json.metadata.continue).to.equal(undefined)
    expect(page2.json.metadata.resourceVersion).to.equal(page1.json.metadata.resourceVersion)
    const future = await s.call('GET', `${CM}?resourceVersion=999999`)
    expect([future.code, future.json.reason]).to.deep.equal([504, 'Timeout'])
    const bad = await s.call('GET', `${CM}?labelSelector=a%3D%3D%3Db`)
    expect([bad.code, bad.json.reason]).to.deep.equal([400, 'BadRequest'])
  })

  it('answers a repeated list from its decoded objects only while nothing was written, by it or by another connection', async () => {
    await s.call('POST', CM, {body: cm('a')})
    const names = async (): Promise<string[]> => (await s.call('GET', CM)).json.items.map((i: {metadata: {name: string}}) => i.metadata.name)
    expect(await names()).to.deep.equal(['a', 'kube-root-ca.crt'])
    expect(await names()).to.deep.equal(['a', 'kube-root-ca.crt'])
    // another process's write (a second connection to the same file, as ksim's CLI is)
    const other = new Api(t.open())
    other.create(cm('b') as never)
    expect(await names()).to.deep.equal(['a', 'b', 'kube-root-ca.crt'])
    const rv = (await s.call('GET', CM)).json.metadata.resourceVersion
    expect(rv).to.equal(String(other.revision()))
    // the server's own write
    await s.call('DELETE', `${CM}/a`)
    expect(await names()).to.deep.equal(['b', 'kube-root-ca.crt'])
    const table = await s.call('GET', CM, {headers: TABLE})
    expect(table.json.rows.map((r: {cells: string[]}) => r.cells[0])).to.deep.equal(['b', 'kube-root-ca.crt'])
  })

  it("answers Tables built by ksim's printers, with the object's metadata, the whole object or none", async () => {
    await s.call('POST', CM, {body: cm('a')})
    const list = await s.call('GET', CM, {headers: TABLE})
    expect(list.json.kind).to.equal('Table')
    expect(list.json.columnDefinitions.map((c: {name: string}) => c.name)).to.deep.equal(['Name', 'Data', 'Age'])
    expect(list.json.rows[0].cells.slice(0, 2)).to.deep.equal(['a', '1'])
    expect(list.json.rows[0].object.kind).to.equal('PartialObjectMetadata')
    expect(list.json.rows[0].object.metadata.labels).to.deep.equal({})
    expect((await s.call('GET', `${CM}/a?includeObject=Object`, {headers: TABLE})).json.rows[0].object.data).to.deep.equal({k: 'v'})
    expect((await s.call('GET', `${CM}/a?includeObject=None`, {headers: TABLE})).json.rows[0].object).to.equal(undefined)
    expect((await s.call('GET', `${CM}/a?includeObject=Bogus`, {headers: TABLE})).code).to.equal(400)
    const nodes = await s.call('GET', '/api/v1/nodes', {headers: TABLE})
    expect(nodes.json.columnDefinitions.filter((c: {priority: number}) => c.priority === 0).map((c: {name: string}) => c.name)).to.deep.equal(['Name', 'Status', 'Roles', 'Age', 'Version'])
  })

  it('rejects bad bodies with the API server Status and leaves the store unchanged', async () => {
    const rev = s.api.revision()
    const cases: [string, {body: string | object; headers?: Record<string, string>}, number, string, RegExp][] = [
      ['POST', {body: cm('x'), headers: {'Content-Type': 'text/plain'}}, 415, 'UnsupportedMediaType', /^the body of the request was in an unknown format - accepted media types include: application\/json, application\/yaml/],
      ['POST', {body: '{"kind": '}, 400, 'BadRequest', /^the object provided is unrecognized \(must be of type ConfigMap\): couldn't get version\/kind; json parse error: unexpected end of JSON input \(\{"kind": \)$/],
      ['POST', {body: {...cm('x'), foo: 1}}, 400, 'BadRequest', /^ConfigMap in version "v1" cannot be handled as a ConfigMap: strict decoding error: unknown field "foo"$/],
      ['POST', {body: {...cm('x'), metadata: {name: 'x', namespace: 'other'}}}, 400, 'BadRequest', /^the namespace of the provided object does not match the namespace sent on the request$/],
      ['POST', {body: {...cm('x'), data: {k: 'x'.repeat(3 * 1024 * 1024 + 1)}}}, 413, 'RequestEntityTooLarge', /^Request entity too large: limit is 3145728$/],
      ['POST', {body: {...cm('Bad_Name')}}, 422, 'Invalid', /^ConfigMap "Bad_Name" is invalid: metadata.name: Invalid value: "Bad_Name"/],
    ]
    for (const [method, o, code, reason, message] of cases) {
      const r = await s.call(method, `${CM}?fieldValidation=Strict`, o)
      expect([r.code, r.json.reason], JSON.stringify(o).slice(0, 80)).to.deep.equal([code, reason])
      expect(r.json.message).to.match(message)
    }
    // server-side apply needs a fieldManager: the API server's PatchOptions validation
    const noManager = await s.call('PATCH', `${CM}/kube-root-ca.crt`, {body: {}, headers: {'Content-Type': 'application/apply-patch+yaml'}})
    expect([noManager.code, noManager.json.message]).to.deep.equal([422, 'PatchOptions.meta.k8s.io "" is invalid: fieldManager: Required value: is required for apply patch'])
    expect((await s.call('PATCH', `${CM}/kube-root-ca.crt`, {body: {}, headers: {'Content-Type': 'application/json'}})).code).to.equal(415)
    expect((await s.call('PUT', `${CM}/kube-root-ca.crt`, {body: cm('other')})).code).to.equal(400)
    expect((await s.call('DELETE', `${CM}/kube-root-ca.crt`, {body: {preconditions: {uid: 'nope'}}})).json.reason).to.equal('Conflict')
    expect((await s.call('DELETE', `${CM}/kube-root-ca.crt?dryRun=All`)).code).to.equal(200)
    expect((await s.call('GET', '/api/v1/namespaces/default/nothings')).code).to.equal(404)
    expect(s.api.revision()).to.equal(rev)
  })

  it('warns of unknown fields under fieldValidation=Warn, the server default', async () => {
    const r = await s.call('POST', CM, {body: {...cm('w'), foo: 1}})
    expect(r.code).to.equal(201)
    expect(r.headers.warning).to.equal('299 - "unknown field \\"foo\\""')
  })

  it('patches with the three patch types, updates with PUT and answers deletes as the API server does', async () => {
    await s.call('POST', CM, {body: cm('p')})
    const merge = await s.call('PATCH', `${CM}/p`, {body: {data: {m: '1'}}, headers: {'Content-Type': 'application/merge-patch+json'}})
    expect(merge.json.data).to.deep.equal({k: 'v', m: '1'})
    const json = await s.call('PATCH', `${CM}/p`, {body: [{op: 'remove', path: '/data/k'}], headers: {'Content-Type': 'application/json-patch+json'}})
    expect(json.json.data).to.deep.equal({m: '1'})
    const smp = await s.call('PATCH', `${CM}/p`, {body: {metadata: {labels: {a: 'b'}}}, headers: {'Content-Type': 'application/strategic-merge-patch+json'}})
    expect(smp.json.metadata.labels).to.deep.equal({a: 'b'})
    const put = await s.call('PUT', `${CM}/p`, {body: {...smp.json, data: {z: '1'}}})
    expect([put.code, put.json.data]).to.deep.equal([200, {z: '1'}])
    expect((await s.call('PUT', `${CM}/p`, {body: {...smp.json, data: {z: '2'}}})).json.reason).to.equal('Conflict')
    const del = await s.call('DELETE', `${CM}/p`)
    expect(del.json).to.deep.equal({kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Success', details: {name: 'p', kind: 'configmaps', uid: put.json.metadata.uid}})
    // a pod is deleted gracefully and answered with itself
    await s.call('POST', '/api/v1/namespaces/default/pods', {body: pod('web')})
    s.api.bind('default', 'web', 'test-control-plane')
    const gone = await s.call('DELETE', '/api/v1/namespaces/default/pods/web', {body: {gracePeriodSeconds: 5}})
    expect([gone.json.kind, gone.json.metadata.deletionGracePeriodSeconds]).to.deep.equal(['Pod', 5])
  })

  it('deletes collections by selector', async () => {
    for (const n of ['a', 'b']) await s.call('POST', CM, {body: cm(n, {del: 'yes'})})
    const r = await s.call('DELETE', `${CM}?labelSelector=del%3Dyes`)
    expect(r.json.items.map((i: {metadata: {name: string}}) => i.metadata.name)).to.deep.equal(['a', 'b'])
    expect(s.api.list(mustLookupResource('configmaps'), 'default').items.map((i) => i.metadata.name)).to.deep.equal(['kube-root-ca.crt'])
  })

  it('serves the scale, status, binding and eviction subresources', async () => {
    const dep = {apiVersion: 'apps/v1', kind: 'Deployment', metadata: {name: 'd'}, spec: {replicas: 1, selector: {matchLabels: {app: 'd'}}, template: {metadata: {labels: {app: 'd'}}, spec: {containers: [{name: 'c', image: 'nginx'}]}}}}
    const base = '/apis/apps/v1/namespaces/default/deployments/d'
    await s.call('POST', '/apis/apps/v1/namespaces/default/deployments', {body: dep})
    const scale = await s.call('GET', `${base}/scale`)
    expect([scale.json.kind, scale.json.spec.replicas, scale.json.status.selector]).to.deep.equal(['Scale', 1, 'app=d'])
    const put = await s.call('PUT', `${base}/scale`, {body: {...scale.json, spec: {replicas: 4}}})
    expect(put.json.spec.replicas).to.equal(4)
    const patched = await s.call('PATCH', `${base}/scale`, {body: {spec: {replicas: 2}}, headers: {'Content-Type': 'application/merge-patch+json'}})
    expect(patched.json.spec.replicas).to.equal(2)
    const status = await s.call('PUT', `${base}/status`, {body: {...(await s.call('GET', base)).json, status: {replicas: 7}, spec: {replicas: 9}}})
    expect([status.json.status.replicas, status.json.spec.replicas]).to.deep.equal([7, 2])
    expect((await s.call('GET', '/api/v1/namespaces/default/configmaps/kube-root-ca.crt/scale')).code).to.equal(404)
    await s.call('POST', '/api/v1/namespaces/default/pods', {body: pod('b')})
    const bind = await s.call('POST', '/api/v1/namespaces/default/pods/b/binding', {body: {apiVersion: 'v1', kind: 'Binding', metadata: {name: 'b'}, target: {kind: 'Node', name: 'test-control-plane'}}})
    expect([bind.code, bind.json.status]).to.deep.equal([201, 'Success'])
    expect((s.api.peek('Pod', 'default', 'b')!.spec as {nodeName: string}).nodeName).to.equal('test-control-plane')
    const evict = await s.call('POST', '/api/v1/namespaces/default/pods/b/eviction', {body: {apiVersion: 'policy/v1', kind: 'Eviction', metadata: {name: 'b'}, deleteOptions: {gracePeriodSeconds: 0}}})
    expect(evict.code).to.equal(201)
    expect(s.api.peek('Pod', 'default', 'b')).to.equal(undefined)
  })

  it('answers an eviction a PodDisruptionBudget refuses with 429 and the DisruptionBudget cause, and serves pdb status', async () => {
    await s.call('POST', '/api/v1/namespaces/default/pods', {body: {...pod('g'), metadata: {name: 'g', labels: {app: 'g'}}}})
    const ready = s.api.peek('Pod', 'default', 'g')!
    s.api.updateStatus({...ready, status: {phase: 'Running', conditions: [{type: 'Ready', status: 'True'}]}})
    const pdbs = '/apis/policy/v1/namespaces/default/poddisruptionbudgets'
    const created = await s.call('POST', pdbs, {body: {apiVersion: 'policy/v1', kind: 'PodDisruptionBudget', metadata: {name: 'g'}, spec: {minAvailable: 1, selector: {matchLabels: {app: 'g'}}}}})
    expect(created.code).to.equal(201)
    const status = {currentHealthy: 1, desiredHealthy: 1, disruptionsAllowed: 0, expectedPods: 1, observedGeneration: 1}
    const put = await s.call('PUT', `${pdbs}/g/status`, {body: {...created.json, status}})
    expect(put.json.status).to.deep.equal(status)
    const refused = await s.call('POST', '/api/v1/namespaces/default/pods/g/eviction', {body: {apiVersion: 'policy/v1', kind: 'Eviction', metadata: {name: 'g'}}})
    expect([refused.code, refused.json.reason, refused.json.message]).to.deep.equal([429, 'TooManyRequests', "Cannot evict pod as it would violate the pod's disruption budget."])
    expect(refused.json.details).to.deep.equal({causes: [{reason: 'DisruptionBudget', message: 'The disruption budget g needs 1 healthy pods and has 1 currently'}]})
    expect(s.api.peek('Pod', 'default', 'g')!.metadata.deletionTimestamp).to.equal(undefined)
  })

  it('serves pods/log: an empty text log, the kubelet\'s refusal as a BadRequest Status, a followed log held until the instance ends', async () => {
    const LOG = '/api/v1/namespaces/default/pods/l/log'
    await s.call('POST', '/api/v1/namespaces/default/pods', {body: pod('l')})
    // on no node yet: an empty log
    const unscheduled = await s.call('GET', LOG)
    expect([unscheduled.code, unscheduled.text, unscheduled.headers['content-type']]).to.deep.equal([200, '', 'text/plain'])
    s.api.bind('default', 'l', 'test-control-plane')
    const setState = (state: Record<string, unknown>): void => {
      const cur = s.api.peek('Pod', 'default', 'l')!
      s.api.updateStatus({...cur, status: {phase: 'Pending', containerStatuses: [{name: 'c', image: 'nginx', imageID: '', ready: false, restartCount: 0, containerID: 'containerd://x', state}]}})
    }
    setState({waiting: {reason: 'ContainerCreating'}})
    const waiting = await s.call('GET', LOG)
    expect([waiting.code, waiting.json.reason, waiting.json.message]).to.deep.equal([400, 'BadRequest', 'container "c" in pod "l" is waiting to start: ContainerCreating'])
    expect((await s.call('GET', `${LOG}?container=zz`)).json.message).to.equal('container zz is not valid for pod l')
    setState({running: {startedAt: '2026-01-01T00:00:00Z'}})
    expect((await s.call('GET', LOG)).text).to.equal('')
    let answered = false
    const followed = s.call('GET', `${LOG}?follow=true`).then((r) => {
      answered = true
      return r
    })
    await new Promise((resolve) => setTimeout(resolve, 300))
    expect(answered).to.equal(false)
    setState({terminated: {exitCode: 0, reason: 'Completed', containerID: 'containerd://x'}})
    const done = await followed
    expect([done.code, done.text]).to.deep.equal([200, ''])
  })
})
