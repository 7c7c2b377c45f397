// The kubelet's network probe handlers (pkg/probe/http and pkg/probe/tcp) for the process runtime, with
// their outputs: an HTTP GET whose status 200-399 is success (`HTTP probe failed with statuscode: 503`
// otherwise), a TCP connect, and Go's error texts for what fails on the way (`Get "http://10.244.0.5:8080/":
// dial tcp 10.244.0.5:8080: connect: connection refused`). The address shown is the pod's IP, as the
// kubelet dials it; the address connected to is the pod's own loopback, which is where the pod's IP leads
// from inside its network namespace (netprobe-main.ts runs this there) or, for a pod in the host's
// network, on the host.
import http from 'node:http'
import https from 'node:https'
import net from 'node:net'

/** One run of a network probe. */
export interface NetProbeJob {
  type: 'http' | 'tcp'
  /** the host the kubelet would dial (the pod IP unless the probe names one): shown in messages */
  shownHost: string
  /** where the connection really goes */
  connectHost: string
  port: number
  scheme?: 'http' | 'https'
  path?: string
  headers?: Array<{name: string; value: string}>
  timeoutMs: number
}

/** A probe's result: success or failure with the prober's output. */
export interface NetProbeResult {
  ok: boolean
  output: string
}

/** net.JoinHostPort */
export const joinHostPort = (host: string, port: number): string => (host.includes(':') ? `[${host}]:${port}` : `${host}:${port}`)

// Go's net errors for a failed dial, after `dial tcp HOST:PORT: `
function dialError(error: NodeJS.ErrnoException): string {
  switch (error.code) {
    case 'ECONNREFUSED':
      return 'connect: connection refused'
    case 'EHOSTUNREACH':
      return 'connect: no route to host'
    case 'ENETUNREACH':
      return 'connect: network is unreachable'
    case 'ETIMEDOUT':
      return 'i/o timeout'
    default:
      return `connect: ${error.message}`
  }
}

export function tcpProbe(job: NetProbeJob): Promise<NetProbeResult> {
  const addr = `dial tcp ${joinHostPort(job.shownHost, job.port)}`
  return new Promise((resolve) => {
    const socket = net.connect({host: job.connectHost, port: job.port})
    const done = (r: NetProbeResult): void => {
      socket.destroy()
      resolve(r)
    }
    socket.setTimeout(job.timeoutMs, () => done({ok: false, output: `${addr}: i/o timeout`}))
    socket.once('connect', () => done({ok: true, output: ''}))
    socket.once('error', (error) => done({ok: false, output: `${addr}: ${dialError(error)}`}))
  })
}

export function httpProbe(job: NetProbeJob): Promise<NetProbeResult> {
  const scheme = job.scheme ?? 'http'
  const url = `${scheme}://${joinHostPort(job.shownHost, job.port)}${job.path ?? ''}`
  const headers: Record<string, string> = {}
  for (const h of job.headers ?? []) headers[h.name] = h.value
  const lower = new Set(Object.keys(headers).map((k) => k.toLowerCase()))
  if (!lower.has('user-agent')) headers['User-Agent'] = 'kube-probe/1.35'
  if (!lower.has('accept')) headers.Accept = '*/*'
  else if (Object.entries(headers).some(([k, v]) => k.toLowerCase() === 'accept' && v === '')) for (const k of Object.keys(headers)) if (k.toLowerCase() === 'accept') delete headers[k]
  const get = scheme === 'https' ? https.get : http.get
  return new Promise((resolve) => {
    let settled = false
    const done = (r: NetProbeResult): void => {
      if (settled) return
      settled = true
      clearTimeout(timer)
      req.destroy()
      resolve(r)
    }
    const req = get({host: job.connectHost, port: job.port, path: job.path || '/', headers, rejectUnauthorized: false, agent: false}, (res) => {
      res.resume()
      res.once('end', () => {
        const code = res.statusCode ?? 0
        done(code >= 200 && code < 400 ? {ok: true, output: ''} : {ok: false, output: `HTTP probe failed with statuscode: ${code}`})
      })
      res.once('error', () => done({ok: false, output: `Get "${url}": unexpected EOF`}))
    })
    const timer = setTimeout(() => done({ok: false, output: `Get "${url}": context deadline exceeded (Client.Timeout exceeded while awaiting headers)`}), job.timeoutMs)
    req.once('error', (error: NodeJS.ErrnoException) => {
      const connected = req.socket?.remoteAddress !== undefined && error.code !== 'ECONNREFUSED'
      if (!connected && error.syscall === 'connect') return done({ok: false, output: `Get "${url}": dial tcp ${joinHostPort(job.shownHost, job.port)}: ${dialError(error)}`})
      if (error.code === 'ECONNRESET' && error.message === 'socket hang up') return done({ok: false, output: `Get "${url}": EOF`})
      if (error.code === 'ECONNRESET') return done({ok: false, output: `Get "${url}": read tcp: read: connection reset by peer`})
      done({ok: false, output: `Get "${url}": ${error.message}`})
    })
  })
}

/** Runs one network probe. */
export const netProbe = (job: NetProbeJob): Promise<NetProbeResult> => (job.type === 'http' ? httpProbe(job) : tcpProbe(job))
