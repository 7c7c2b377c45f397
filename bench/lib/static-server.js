// The baseline of bench/serve-get.js: a minimal HTTPS server that answers recorded bytes. Run as
// `node static-server.js CLUSTER UPSTREAM_URL TOKEN`, with KSIM_HOME set. It serves with a certificate from
// the same cluster CA as `ksim serve` (same TLS work, and the same kubeconfig works with its URL swapped).
// While recording it forwards each request it has not seen to UPSTREAM (ksim serve) and keeps the answer;
// a line `replay` on stdin stops forwarding: from then on it only answers what it recorded (anything else
// gets 404 and is counted). It prints `listening at URL`, and `misses N` on a line `misses`.
import https from 'node:https'
import path from 'node:path'
import readline from 'node:readline'
import {pathToFileURL} from 'node:url'

import {ROOT} from './harness.js'

const [cluster, upstream, token] = process.argv.slice(2)
const ca = await import(pathToFileURL(path.join(ROOT, 'dist', 'src', 'cluster', 'cluster-ca.js')).href)
const now = new Date()
const tls = ca.servingCertificate(ca.clusterCA(cluster, now), ['localhost', '127.0.0.1', '::1'], now)
const upstreamCa = ca.clusterCA(cluster, now).cert

const records = new Map()
let recording = true
let misses = 0
const SKIP = new Set(['content-length', 'transfer-encoding', 'connection', 'keep-alive', 'date'])
const keyOf = (req) => `${req.method} ${req.url} ${req.headers.accept ?? ''}`

function forward(req) {
  return new Promise((resolve, reject) => {
    const headers = {authorization: `Bearer ${token}`, accept: req.headers.accept ?? '*/*', 'user-agent': req.headers['user-agent'] ?? ''}
    const r = https.request(new URL(req.url, upstream), {method: req.method, headers, ca: upstreamCa}, (res) => {
      const chunks = []
      res.on('data', (c) => chunks.push(c))
      res.on('end', () => {
        const kept = Object.entries(res.headers).filter(([k]) => !SKIP.has(k))
        resolve({status: res.statusCode, headers: Object.fromEntries(kept), body: Buffer.concat(chunks)})
      })
    })
    r.on('error', reject)
    r.end()
  })
}

const server = https.createServer({cert: tls.cert, key: tls.key}, (req, res) => {
  req.resume()
  req.on('end', async () => {
    const key = keyOf(req)
    let rec = records.get(key)
    if (!rec && recording) {
      rec = await forward(req)
      records.set(key, rec)
    }
    if (!rec) {
      misses++
      res.writeHead(404).end()
      return
    }
    res.writeHead(rec.status, {...rec.headers, 'content-length': rec.body.length}).end(rec.body)
  })
})
server.listen(0, '127.0.0.1', () => console.log(`listening at https://127.0.0.1:${server.address().port}`))

readline.createInterface({input: process.stdin}).on('line', (line) => {
  if (line === 'replay') recording = false
  if (line === 'misses') console.log(`misses ${misses} recorded ${records.size}`)
})
process.on('SIGTERM', () => process.exit(0))
