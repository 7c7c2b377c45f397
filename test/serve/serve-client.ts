// Test helper: ksim's API server started in-process on a free port over a bootstrapped temp store, and
// a small HTTPS client that trusts the cluster CA.
import https from 'node:https'

import {Api} from '../../src/api/server.js'
import {defaultProfile} from '../../src/api/cluster-profile.js'
import {bootstrapCluster} from '../../src/cluster/bootstrap.js'
import {servingCertificate} from '../../src/cluster/cluster-ca.js'
import {generateRootCAPair} from '../../src/cluster/root-ca.js'
import {startServer, type RunningServer} from '../../src/serve/server.js'
import type {Store} from '../../src/store/sqlite-store.js'

export const TOKEN = 'test-token'

export interface Answer {
  code: number
  headers: Record<string, string | string[] | undefined>
  text: string
  json: any // eslint-disable-line @typescript-eslint/no-explicit-any -- a test reads what it expects
}

export interface TestServer {
  api: Api
  server: RunningServer
  ca: string
  call(method: string, path: string, o?: {body?: string | object; headers?: Record<string, string>; token?: string | null}): Promise<Answer>
  /** opens a watch and collects its events until it ends or `stop` is called */
  watch(path: string, headers?: Record<string, string>): {events: any[]; ended: Promise<void>; stop(): void} // eslint-disable-line @typescript-eslint/no-explicit-any
}

export async function startTestServer(store: Store): Promise<TestServer> {
  const now = new Date()
  const ca = generateRootCAPair(now)
  bootstrapCluster(store, {...defaultProfile, name: 'test', nodes: 1, rootCACert: ca.cert}, now)
  const api = new Api(store)
  const tls = servingCertificate(ca, ['localhost', '127.0.0.1', '::1'], now)
  const server = await startServer({api, host: '127.0.0.1', port: 0, token: TOKEN, cert: tls.cert, key: tls.key, version: {major: '1', minor: '35'}})
  const request = (method: string, path: string, headers: Record<string, string>) =>
    https.request({host: '127.0.0.1', port: server.port, method, path, headers, ca: ca.cert, agent: false})
  const auth = (token: string | null | undefined): Record<string, string> => (token === null ? {} : {Authorization: `Bearer ${token ?? TOKEN}`})
  return {
    api,
    server,
    ca: ca.cert,
    call: (method, path, o = {}) =>
      new Promise((resolve, reject) => {
        const body = o.body === undefined ? undefined : typeof o.body === 'string' ? o.body : JSON.stringify(o.body)
        const headers = {...auth(o.token), ...(body !== undefined ? {'Content-Type': 'application/json', 'Content-Length': String(Buffer.byteLength(body))} : {}), ...o.headers}
        const req = request(method, path, headers)
        req.on('response', (res) => {
          let text = ''
          res.setEncoding('utf8')
          res.on('data', (d: string) => (text += d))
          res.on('end', () => {
            let json
            try {
              json = JSON.parse(text)
            } catch {
              json = undefined
            }
            resolve({code: res.statusCode ?? 0, headers: res.headers, text, json})
          })
        })
        req.on('error', reject)
        req.end(body)
      }),
    watch(path, headers = {}) {
      const events: any[] = [] // eslint-disable-line @typescript-eslint/no-explicit-any
      const req = request('GET', path, {...auth(undefined), ...headers})
      let buffer = ''
      const ended = new Promise<void>((resolve) => {
        req.on('response', (res) => {
          res.setEncoding('utf8')
          res.on('data', (d: string) => {
            buffer += d
            let i
            while ((i = buffer.indexOf('\n')) >= 0) {
              events.push(JSON.parse(buffer.slice(0, i)))
              buffer = buffer.slice(i + 1)
            }
          })
          res.on('end', resolve)
          res.on('close', resolve)
        })
        req.on('error', () => resolve())
      })
      req.end()
      return {events, ended, stop: () => req.destroy()}
    },
  }
}

/** Waits until `check` holds (polling every 10 ms), or fails after `ms`. */
export async function until(check: () => boolean, ms = 3000): Promise<void> {
  const deadline = Date.now() + ms
  while (!check()) {
    if (Date.now() > deadline) throw new Error('timed out waiting')
    await new Promise((r) => setTimeout(r, 10))
  }
}
