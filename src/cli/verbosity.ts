// kubectl's -v/--v=N and --request-timeout, as ksim can honour them. ksim makes no HTTP requests, so at
// kubectl's request level (6 and up) it logs what it does instead, in klog's line format: each kubeconfig
// file it loads, and each call to the cluster's API in-process (verb, resource, namespace, name, the
// outcome and how long it took), never a URL or an HTTP status it did not get.
import type {Api} from '../api/server.js'
import {isStatusError} from '../api/errors.js'
import {CliError} from './errors.js'

/** The level at which kubectl logs each request (and ksim each API call). */
export const REQUEST_LEVEL = 6

const pad = (n: number, w = 2): string => String(n).padStart(w, '0')

/** klog's header: severity, MMDD hh:mm:ss.uuuuuu, the pid right-aligned in 7, the source. */
export function klogLine(source: string, message: string, micros = Math.floor((performance.timeOrigin + performance.now()) * 1000), severity: 'I' | 'W' = 'I'): string {
  const now = new Date(Math.floor(micros / 1000))
  const date = `${pad(now.getMonth() + 1)}${pad(now.getDate())}`
  const time = `${pad(now.getHours())}:${pad(now.getMinutes())}:${pad(now.getSeconds())}.${pad(micros % 1_000_000, 6)}`
  return `${severity}${date} ${time} ${String(process.pid).padStart(7)} ${source}] ${message}\n`
}

const ERR_INVALID_TIMEOUT =
  'Invalid timeout value. Timeout must be a single integer in seconds, or an integer followed by a corresponding time unit (e.g. 1s | 2m | 3h)'

const UNIT_MS: Record<string, number> = {ns: 1e-6, us: 1e-3, µs: 1e-3, ms: 1, s: 1000, m: 60_000, h: 3_600_000}

/** --request-timeout in ms as client-go reads it: whole seconds, or a Go duration; 0 means none. */
export function parseRequestTimeout(value: string | undefined): number {
  if (value === undefined || value === '') return 0
  if (/^\d+$/.test(value)) return Number(value) * 1000
  const m = /^([-+]?)((?:\d+(?:\.\d*)?|\.\d+)(?:ns|us|µs|ms|s|m|h))+$/.exec(value)
  if (!m && value !== '0') throw new CliError(ERR_INVALID_TIMEOUT)
  let total = 0
  for (const part of value.matchAll(/(\d+(?:\.\d*)?|\.\d+)(ns|us|µs|ms|s|m|h)/g)) total += Number(part[1]) * UNIT_MS[part[2]!]!
  return value.startsWith('-') ? -total : total
}

const LOGGED = new Set(['get', 'list', 'create', 'update', 'updateStatus', 'patch', 'delete', 'modify', 'bind', 'watch'])

function describeCall(method: string, args: unknown[]): string {
  const obj = args[0] as {kind?: string; metadata?: {namespace?: string; name?: string}} | undefined
  const q = (v: unknown): string => JSON.stringify(typeof v === 'string' ? v : '')
  // calls on an object name its kind; the others the resource (plural), as a request path would
  if (method === 'create' || method === 'update' || method === 'updateStatus') {
    return `verb="${method}" kind=${q(obj?.kind)} namespace=${q(obj?.metadata?.namespace)} name=${q(obj?.metadata?.name)}`
  }
  if (method === 'bind') return `verb="bind" resource="pods/binding" namespace=${q(args[0])} name=${q(args[1])}`
  if (method === 'watch') return `verb="watch" fromRevision=${JSON.stringify(args[0] ?? 0)}`
  const resource = (args[0] as {plural?: string} | undefined)?.plural
  return `verb="${method}" resource=${q(resource)} namespace=${q(args[1])}${method === 'list' ? '' : ` name=${q(args[2])}`}`
}

/** `api` with each call logged through `log` (the same object when nothing is logged). */
export function loggedApi(api: Api, log: (line: string) => void): Api {
  return new Proxy(api, {
    get(target, prop) {
      const value = Reflect.get(target, prop, target) as unknown
      if (typeof prop !== 'string' || typeof value !== 'function' || !LOGGED.has(prop)) return typeof value === 'function' ? value.bind(target) : value
      return (...args: unknown[]) => {
        const start = performance.now()
        const done = (result: string) => log(klogLine('api', `"API call" ${describeCall(prop, args)} result="${result}" milliseconds=${Math.round(performance.now() - start)}`))
        try {
          const out = (value as (...a: unknown[]) => unknown).apply(target, args)
          done('OK')
          return out
        } catch (error) {
          done(isStatusError(error) ? error.reason || 'Error' : 'Error')
          throw error
        }
      }
    },
    set(target, prop, value) {
      return Reflect.set(target, prop, value, target)
    },
  })
}
