// A test-only HTTP API server that serves the real kubectl the objects a ksim cluster holds, read through
// ksim's own Api: /version, legacy discovery (/api, /apis, /api/v1, /apis/<g>/<v>), GET of one object and of
// lists (label and field selectors), as plain JSON, and Status errors. It answers no Table: tests compare
// only what kubectl prints client-side (-o yaml|json|name|jsonpath|custom-columns|go-template, describe).
import fs from 'node:fs'
import http from 'node:http'
import type {AddressInfo} from 'node:net'
import os from 'node:os'
import path from 'node:path'

import type {Api} from '../../src/api/server.js'
import {servedGroupVersions, servedResources} from '../../src/api/discovery.js'
import {apiErrors, isStatusError} from '../../src/api/errors.js'
import {allTypes, apiVersionOf, type ResourceType} from '../../src/api/registry.js'
// the server's version.Info as ksim reports it: `kubectl version` then compares the client part and the layout
import {versionInfo} from '../../src/cli/verbs/version.js'


function resourceList(groupVersion: string): Record<string, unknown> {
  const resources = servedResources()
    .filter((r) => r.groupVersion === groupVersion)
    .map((r) => ({
      name: r.name,
      singularName: allTypes().find((t) => t.plural === r.name && apiVersionOf(t) === groupVersion)?.singular ?? '',
      namespaced: r.namespaced,
      kind: r.kind,
      verbs: r.verbs,
      ...(r.shortNames.length > 0 ? {shortNames: r.shortNames} : {}),
      ...(r.categories.length > 0 ? {categories: r.categories} : {}),
    }))
  return {kind: 'APIResourceList', apiVersion: 'v1', groupVersion, resources}
}

function groupList(): Record<string, unknown> {
  const groups = servedGroupVersions()
    .filter((gv) => gv.includes('/'))
    .map((gv) => {
      const [name, version] = gv.split('/')
      const v = {groupVersion: gv, version}
      return {name, versions: [v], preferredVersion: v}
    })
  return {kind: 'APIGroupList', apiVersion: 'v1', groups}
}

interface Route {
  rt: ResourceType
  namespace?: string
  name?: string
}

/** `/api/v1/namespaces/ns/pods/x`, `/apis/apps/v1/deployments`, `/api/v1/namespaces/ns` → the request's target. */
function route(pathname: string): Route | undefined {
  const parts = pathname.split('/').filter(Boolean)
  let gv: string
  let rest: string[]
  if (parts[0] === 'api' && parts.length >= 2) [gv, rest] = [parts[1], parts.slice(2)]
  else if (parts[0] === 'apis' && parts.length >= 3) [gv, rest] = [`${parts[1]}/${parts[2]}`, parts.slice(3)]
  else return undefined
  let namespace: string | undefined
  if (rest[0] === 'namespaces' && rest.length >= 3) {
    namespace = rest[1]
    rest = rest.slice(2)
  }
  if (rest.length < 1 || rest.length > 2) return undefined
  const rt = allTypes().find((t) => apiVersionOf(t) === gv && t.plural === rest[0])
  return rt ? {rt, namespace, name: rest[1]} : undefined
}

function answer(api: Api, url: URL): {code: number; body: unknown} {
  const p = url.pathname
  if (p === '/version') return {code: 200, body: versionInfo(true)}
  if (p === '/api') return {code: 200, body: {kind: 'APIVersions', versions: ['v1'], serverAddressByClientCIDRs: [{clientCIDR: '0.0.0.0/0', serverAddress: url.host}]}}
  if (p === '/apis') return {code: 200, body: groupList()}
  const gvMatch = /^\/(?:api\/(v1)|apis\/([^/]+\/[^/]+))$/.exec(p)
  if (gvMatch) {
    const gv = gvMatch[1] ?? gvMatch[2]
    if (servedGroupVersions().includes(gv)) return {code: 200, body: resourceList(gv)}
    return {code: 404, body: {}}
  }
  // describe namespace lists these; a real API server serves them, and a ksim cluster holds none
  const empty = /^\/api\/v1\/namespaces\/[^/]+\/(resourcequotas|limitranges)$/.exec(p)
  if (empty) {
    const kind = empty[1] === 'resourcequotas' ? 'ResourceQuotaList' : 'LimitRangeList'
    return {code: 200, body: {kind, apiVersion: 'v1', metadata: {resourceVersion: String(api.store.revision())}, items: []}}
  }
  const r = route(p)
  if (!r) return {code: 404, body: {}}
  try {
    if (r.name) return {code: 200, body: api.get(r.rt, r.namespace ?? '', r.name)}
    const opts = {labelSelector: url.searchParams.get('labelSelector') ?? undefined, fieldSelector: url.searchParams.get('fieldSelector') ?? undefined}
    return {code: 200, body: api.list(r.rt, r.namespace, opts)}
  } catch (error) {
    if (isStatusError(error)) return {code: error.code, body: error.toStatus()}
    return {code: 500, body: apiErrors.badRequest((error as Error).message).toStatus()}
  }
}

export interface FixtureServer {
  url: string
  /** a kubeconfig that points kubectl at this server, in namespace `default` */
  kubeconfig: string
  /** every request kubectl made, `METHOD path?query` */
  requests: string[]
  close(): Promise<void>
}

/** Serves `api`'s objects on 127.0.0.1 (a free port) for kubectl; GET only. */
export async function startFixtureServer(api: Api): Promise<FixtureServer> {
  const requests: string[] = []
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', `http://${req.headers.host}`)
    requests.push(`${req.method} ${req.url}`)
    // the warnings the request earned (a deprecated resource), as the API server's Warning headers
    const warnings: string[] = []
    api.onWarning = (message) => warnings.push(`299 - ${JSON.stringify(message)}`)
    const {code, body} = req.method === 'GET' ? answer(api, url) : {code: 405, body: apiErrors.badRequest('read-only fixture server').toStatus()}
    api.onWarning = undefined
    res.writeHead(code, {'Content-Type': 'application/json', ...(warnings.length > 0 ? {Warning: warnings} : {})})
    res.end(JSON.stringify(body))
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ksim-kubeconfig-'))
  const kubeconfig = path.join(dir, 'config')
  fs.writeFileSync(
    kubeconfig,
    `apiVersion: v1\nkind: Config\nclusters:\n- name: ksim\n  cluster:\n    server: ${url}\ncontexts:\n- name: ksim\n  context:\n    cluster: ksim\n    namespace: default\n    user: ksim\ncurrent-context: ksim\nusers:\n- name: ksim\n  user: {}\n`,
  )
  return {
    url,
    kubeconfig,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
        fs.rmSync(dir, {recursive: true, force: true})
      }),
  }
}
