// The kubeconfig model: clusters, users (kubectl's AUTHINFO) and contexts by name, and the current
// context, as client-go's clientcmd api.Config holds them. A file is read from its v1 form (lists of
// named entries) and written back in it, lists sorted by name, unknown fields kept as they were.
// Names are the user's: entries live in Maps, never as keys of a plain object.
import yaml from 'js-yaml'

/** One cluster, user or context entry: its v1 fields (`server`, `token`, `cluster`, …) as the file has them. */
export type Entry = Record<string, unknown>

export interface Kubeconfig {
  /** '' when unset */
  currentContext: string
  clusters: Map<string, Entry>
  users: Map<string, Entry>
  contexts: Map<string, Entry>
  /** top-level fields kept as they were (preferences, extensions) */
  rest: Entry
}

export function emptyKubeconfig(): Kubeconfig {
  return {currentContext: '', clusters: new Map(), users: new Map(), contexts: new Map(), rest: {}}
}

/** A string field of an entry, '' when absent. */
export function field(entry: Entry | undefined, name: string): string {
  const v = entry?.[name]
  return typeof v === 'string' ? v : ''
}

/** A file that is not a kubeconfig, with client-go's words. */
export class KubeconfigLoadError extends Error {
  override name = 'KubeconfigLoadError'
  constructor(file: string, detail: string) {
    super(`error loading config file "${file}": ${detail}`)
  }
}

const LISTS = {clusters: 'cluster', users: 'user', contexts: 'context'} as const
type ListKey = keyof typeof LISTS

function readList(file: string, data: Entry, key: ListKey): Map<string, Entry> {
  const out = new Map<string, Entry>()
  const list = data[key]
  if (list === undefined || list === null) return out
  if (!Array.isArray(list)) throw new KubeconfigLoadError(file, `${key}: expected a list of named ${LISTS[key]} entries`)
  for (const item of list as unknown[]) {
    if (typeof item !== 'object' || item === null || Array.isArray(item)) throw new KubeconfigLoadError(file, `${key}: an entry is not an object`)
    const {name, [LISTS[key]]: body} = item as Entry
    if (typeof name !== 'string') throw new KubeconfigLoadError(file, `${key}: an entry has no name`)
    if (body !== undefined && body !== null && (typeof body !== 'object' || Array.isArray(body))) {
      throw new KubeconfigLoadError(file, `${key}: entry ${JSON.stringify(name)} has a ${LISTS[key]} that is not an object`)
    }
    // as client-go: a name given twice keeps its first entry
    if (!out.has(name)) out.set(name, {...((body as Entry | null | undefined) ?? {})})
  }
  return out
}

/** Parses a kubeconfig file's text (an empty file is an empty config). */
export function parseKubeconfig(file: string, text: string): Kubeconfig {
  let data: unknown
  try {
    data = text.trim() === '' ? {} : yaml.load(text)
  } catch (error) {
    const reason = (error as {reason?: string}).reason ?? (error as Error).message
    const line = (error as {mark?: {line: number}}).mark?.line
    throw new KubeconfigLoadError(file, `yaml: ${line === undefined ? '' : `line ${line + 1}: `}${reason}`)
  }
  if (data === null || data === undefined) data = {}
  if (typeof data !== 'object' || Array.isArray(data)) throw new KubeconfigLoadError(file, 'not a YAML or JSON object')
  const d = data as Entry
  // client-go decodes the file with its scheme, which knows only v1 Config
  const [apiVersion, kind] = [d.apiVersion, d.kind]
  if (typeof kind === 'string' && kind !== '' && typeof apiVersion === 'string' && apiVersion !== '' && (apiVersion !== 'v1' || kind !== 'Config')) {
    throw new KubeconfigLoadError(file, `no kind ${JSON.stringify(kind)} is registered for version ${JSON.stringify(apiVersion)} in scheme "k8s.io/client-go/tools/clientcmd/api/latest/latest.go:50"`)
  }
  const current = d['current-context']
  if (current !== undefined && current !== null && typeof current !== 'string') throw new KubeconfigLoadError(file, 'current-context is not a string')
  const rest: Entry = {}
  for (const [k, v] of Object.entries(d)) if (!['clusters', 'users', 'contexts', 'current-context', 'apiVersion', 'kind'].includes(k)) rest[k] = v
  return {currentContext: current ?? '', clusters: readList(file, d, 'clusters'), users: readList(file, d, 'users'), contexts: readList(file, d, 'contexts'), rest}
}

const byName = ([a]: [string, Entry], [b]: [string, Entry]): number => (a < b ? -1 : a > b ? 1 : 0)

/** The v1 Config object of `cfg`: lists sorted by name; null for an empty list, as client-go writes. */
export function toV1(cfg: Kubeconfig): Entry {
  const list = (m: Map<string, Entry>, key: ListKey): Entry[] | null =>
    m.size === 0 ? null : [...m].sort(byName).map(([name, body]) => ({name, [LISTS[key]]: body}))
  return {
    apiVersion: 'v1',
    kind: 'Config',
    ...cfg.rest,
    clusters: list(cfg.clusters, 'clusters'),
    users: list(cfg.users, 'users'),
    contexts: list(cfg.contexts, 'contexts'),
    'current-context': cfg.currentContext,
  }
}

/** The file's text: the v1 form as YAML, keys sorted. */
export function serialiseKubeconfig(cfg: Kubeconfig): string {
  return yaml.dump(toV1(cfg), {sortKeys: true, lineWidth: -1, noRefs: true, noArrayIndent: true, quotingType: '"'})
}

/** A deep copy (a change made on it leaves `cfg` as it was). */
export function cloneKubeconfig(cfg: Kubeconfig): Kubeconfig {
  const copy = (m: Map<string, Entry>) => new Map([...m].map(([k, v]) => [k, structuredClone(v)]))
  return {currentContext: cfg.currentContext, clusters: copy(cfg.clusters), users: copy(cfg.users), contexts: copy(cfg.contexts), rest: structuredClone(cfg.rest)}
}
