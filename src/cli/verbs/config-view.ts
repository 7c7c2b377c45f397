// `config view`: the merged kubeconfig as kubectl 1.35 prints it. The v1 structs' fields in their Go order
// (which -o json keeps; -o yaml sorts them), fields no struct has dropped, `--minify` down to the current
// context, `--flatten` with the files read into the -data fields, and unless `--raw` the secrets shortened
// (client-go's ShortenConfig: certificate data DATA+OMITTED, token and password REDACTED).
import fs from 'node:fs'
import path from 'node:path'

import {field, type Entry, type Kubeconfig} from '../../config/kubeconfig.js'
import type {Loaded} from '../../config/kubeconfig-files.js'
import {CliError} from '../errors.js'

const CLUSTER_FIELDS = ['server', 'tls-server-name', 'insecure-skip-tls-verify', 'certificate-authority', 'certificate-authority-data', 'proxy-url', 'disable-compression', 'extensions']
const USER_FIELDS = ['client-certificate', 'client-certificate-data', 'client-key', 'client-key-data', 'token', 'tokenFile', 'as', 'as-uid', 'as-groups', 'as-user-extra', 'username', 'password', 'auth-provider', 'exec', 'extensions']
const CONTEXT_FIELDS = ['cluster', 'user', 'namespace', 'extensions']
/** fields Go writes even when empty */
const ALWAYS: Record<string, readonly string[]> = {cluster: ['server'], user: [], context: ['cluster', 'user']}

const DATA_OMITTED = 'DATA+OMITTED'
const REDACTED = 'REDACTED'

function isEmpty(v: unknown): boolean {
  return v === undefined || v === null || v === '' || v === false || (Array.isArray(v) && v.length === 0) || (typeof v === 'object' && Object.keys(v as object).length === 0)
}

function ordered(entry: Entry, fields: readonly string[], always: readonly string[]): Entry {
  const out: Entry = {}
  for (const f of fields) {
    const v = entry[f]
    if (always.includes(f)) out[f] = v ?? ''
    else if (!isEmpty(v)) out[f] = v
  }
  return out
}

/** client-go's MinifyConfig: the current context (or --context), its cluster and its user, nothing else. */
function minify(cfg: Kubeconfig, context: string | undefined): void {
  if (context) cfg.currentContext = context
  if (cfg.currentContext === '') throw new CliError('current-context must exist in order to minify')
  const ctx = cfg.contexts.get(cfg.currentContext)
  if (!ctx) throw new CliError(`cannot locate context ${cfg.currentContext}`)
  const cluster = field(ctx, 'cluster')
  const user = field(ctx, 'user')
  if (cluster !== '' && !cfg.clusters.has(cluster)) throw new CliError(`cannot locate cluster ${cluster}`)
  if (user !== '' && !cfg.users.has(user)) throw new CliError(`cannot locate user ${user}`)
  const keep = <T>(m: Map<string, T>, name: string) => new Map(name !== '' && m.has(name) ? [[name, m.get(name)!]] : [])
  cfg.clusters = keep(cfg.clusters, cluster)
  cfg.users = keep(cfg.users, user)
  cfg.contexts = new Map([[cfg.currentContext, ctx]])
}

/** client-go's FlattenConfig: each certificate file's bytes base64 in its -data field. */
function flatten(cfg: Kubeconfig, loaded: Loaded): void {
  const read = (file: string, origin: string | undefined) => {
    const full = path.isAbsolute(file) || !origin ? file : path.join(path.dirname(origin), file)
    try {
      return fs.readFileSync(full).toString('base64')
    } catch {
      throw new CliError(`open ${full}: no such file or directory`)
    }
  }
  const embed = (entry: Entry, from: string, to: string, origin: string | undefined) => {
    const file = field(entry, from)
    if (file === '') return
    entry[to] = read(file, origin)
    delete entry[from]
  }
  for (const [name, c] of cfg.clusters) embed(c, 'certificate-authority', 'certificate-authority-data', loaded.origin.get(`clusters/${name}`))
  for (const [name, u] of cfg.users) {
    embed(u, 'client-certificate', 'client-certificate-data', loaded.origin.get(`users/${name}`))
    embed(u, 'client-key', 'client-key-data', loaded.origin.get(`users/${name}`))
  }
}

function shorten(cfg: Kubeconfig): void {
  for (const c of cfg.clusters.values()) if (!isEmpty(c['certificate-authority-data'])) c['certificate-authority-data'] = DATA_OMITTED
  for (const u of cfg.users.values()) {
    for (const f of ['client-certificate-data', 'client-key-data']) if (!isEmpty(u[f])) u[f] = DATA_OMITTED
    for (const f of ['token', 'password']) if (!isEmpty(u[f])) u[f] = REDACTED
  }
}

export interface ViewOptions {
  minify: boolean
  raw: boolean
  flatten: boolean
  context?: string
}

/** The v1 Config object `config view` prints (its keys in Go's field order). `cfg` is changed. */
export function viewObject(cfg: Kubeconfig, loaded: Loaded, opts: ViewOptions): Entry {
  if (opts.minify) minify(cfg, opts.context)
  if (opts.flatten) flatten(cfg, loaded)
  if (!opts.raw) shorten(cfg)
  const sorted = (m: Map<string, Entry>) => [...m].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
  const list = (m: Map<string, Entry>, key: 'cluster' | 'user' | 'context', fields: readonly string[]) =>
    m.size === 0 ? null : sorted(m).map(([name, e]) => ({name, [key]: ordered(e, fields, ALWAYS[key]!)}))
  const out: Entry = {kind: 'Config', apiVersion: 'v1'}
  if (!isEmpty(cfg.rest.preferences)) out.preferences = cfg.rest.preferences
  out.clusters = list(cfg.clusters, 'cluster', CLUSTER_FIELDS)
  out.users = list(cfg.users, 'user', USER_FIELDS)
  out.contexts = list(cfg.contexts, 'context', CONTEXT_FIELDS)
  out['current-context'] = cfg.currentContext
  if (!isEmpty(cfg.rest.extensions)) out.extensions = cfg.rest.extensions
  return out
}
