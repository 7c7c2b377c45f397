// `-f http(s)://...`: kubectl's resource builder downloads the manifest (visitor.go readHttpWithRetries:
// three attempts a second apart, retrying connection errors and 5xx answers, any other status fails at
// once). Manifest reading is synchronous, so one short-lived child process does the download.
import {spawnSync} from 'node:child_process'

import {CliError, PlainError} from '../errors.js'

export function isUrlSource(arg: string): boolean {
  return arg.startsWith('http://') || arg.startsWith('https://')
}

/** kubectl's check of the URL itself, before anything is read. */
export function checkUrl(arg: string): void {
  try {
    new URL(arg)
  } catch {
    throw new CliError(`the URL passed to filename "${arg}" is not valid: parse "${arg}": invalid URL`)
  }
}

type Outcome = {body: string} | {status: number; statusText: string} | {error: string; code?: string; host: string}

// runs in the child: prints one JSON outcome on stdout
const DOWNLOAD = `
const url = process.argv[1]
const sleep = (ms) => new Promise((r) => setTimeout(r, ms))
let last
for (let i = 0; i < 3; i++) {
  if (i > 0) await sleep(Number(process.env.KSIM_URL_RETRY_MS ?? 1000))
  try {
    const res = await fetch(url, {redirect: 'follow'})
    if (res.status === 200) {
      last = {body: await res.text()}
      break
    }
    last = {status: res.status, statusText: res.statusText}
    if (res.status < 500 || res.status >= 600) break
  } catch (e) {
    const c = e.cause ?? e
    last = {error: String(c.message ?? c), code: c.code, host: new URL(url).host}
  }
}
process.stdout.write(JSON.stringify(last))
`

/** Downloads a manifest as kubectl does, or throws kubectl's error for it. */
export function readUrl(url: string): string {
  checkUrl(url)
  const r = spawnSync(process.execPath, ['--input-type=module', '-e', DOWNLOAD, url], {encoding: 'utf8', maxBuffer: 256 * 1024 * 1024})
  let out: Outcome
  try {
    out = JSON.parse(r.stdout) as Outcome
  } catch {
    throw new CliError(`unable to read URL "${url}": ${r.stderr.trim() || 'download failed'}`)
  }
  if ('body' in out) return out.body
  if ('status' in out) {
    throw new CliError(`unable to read URL "${url}", server reported ${out.status} ${out.statusText}, status code=${out.status}`)
  }
  if (out.code === 'ECONNREFUSED') {
    // kubectl's CheckErr reads any refused connection as the API server's
    throw new PlainError(`The connection to the server ${out.host} was refused - did you specify the right host or port?`)
  }
  throw new PlainError(`Unable to connect to the server: ${out.error}`)
}
