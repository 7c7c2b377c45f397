// `config set` and `config unset`: a dot-separated property of the kubeconfig (current-context, or
// clusters|users|contexts.NAME.FIELD), with kubectl's parsing of booleans and base64 data and its errors.
import type {Entry, Kubeconfig} from '../../config/kubeconfig.js'
import {CliError} from '../errors.js'

const MAPS = {clusters: 'Cluster', users: 'AuthInfo', contexts: 'Context'} as const
type MapKey = keyof typeof MAPS

const STRING_FIELDS: Record<MapKey, readonly string[]> = {
  clusters: ['server', 'tls-server-name', 'certificate-authority', 'proxy-url'],
  users: ['client-certificate', 'client-key', 'token', 'tokenFile', 'as', 'as-uid', 'username', 'password'],
  contexts: ['cluster', 'user', 'namespace'],
}
const BOOL_FIELDS: Record<MapKey, readonly string[]> = {clusters: ['insecure-skip-tls-verify', 'disable-compression'], users: [], contexts: []}
const DATA_FIELDS: Record<MapKey, readonly string[]> = {clusters: ['certificate-authority-data'], users: ['client-certificate-data', 'client-key-data'], contexts: []}

const isMap = (s: string): s is MapKey => s === 'clusters' || s === 'users' || s === 'contexts'

/** Go's strconv.ParseBool. */
function parseBool(v: string): boolean {
  if (['1', 't', 'T', 'TRUE', 'true', 'True'].includes(v)) return true
  if (['0', 'f', 'F', 'FALSE', 'false', 'False'].includes(v)) return false
  throw new CliError(`strconv.ParseBool: parsing ${JSON.stringify(v)}: invalid syntax`)
}

/** Go's base64.StdEncoding.DecodeString: '\r' and '\n' are skipped anywhere, the error names the byte
 *  offset of the first illegal input in the original string. Returns the canonical encoding kubectl writes. */
function decodeBase64(v: string): string {
  const at: number[] = []
  let s = ''
  for (let i = 0; i < v.length; i++) if (v[i] !== '\r' && v[i] !== '\n') {
    at.push(i)
    s += v[i]
  }
  const bad = s.search(/[^A-Za-z0-9+/=]/)
  const pad = s.indexOf('=')
  let i = bad >= 0 ? bad : -1
  if (i < 0 && pad >= 0 && /[^=]/.test(s.slice(pad))) i = pad
  if (i < 0 && s.length % 4 !== 0) i = s.length - (s.length % 4)
  if (i >= 0) throw new CliError(`error decoding input value: illegal base64 data at input byte ${at[i] ?? v.length}`)
  return Buffer.from(s, 'base64').toString('base64')
}

function newEntry(map: MapKey): Entry {
  return map === 'contexts' ? {cluster: '', user: ''} : map === 'clusters' ? {server: ''} : {}
}

function parse(prop: string): string[] {
  const tokens = prop.split('.')
  if (tokens[0] !== 'current-context' && !isMap(tokens[0]!)) throw new CliError(`unable to parse ${tokens[0]} after [] at api.Config`)
  return tokens
}

export function setProperty(cfg: Kubeconfig, prop: string, value: string, rawBytes: boolean): void {
  const [first, name, fieldName, ...more] = parse(prop)
  if (first === 'current-context') {
    if (name !== undefined) throw new CliError(`unable to parse ${prop} after [] at api.Config`)
    cfg.currentContext = value
    return
  }
  const map = first as MapKey
  if (name === undefined || fieldName === undefined) throw new CliError("can't set a map to a value: map[]")
  const strings = STRING_FIELDS[map]
  const bools = BOOL_FIELDS[map]
  const datas = DATA_FIELDS[map]
  if (more.length > 0 || ![...strings, ...bools, ...datas].includes(fieldName)) throw new CliError("can't set a map to a value: map[]")
  const entry = {...(cfg[map].get(name) ?? newEntry(map))}
  if (bools.includes(fieldName)) entry[fieldName] = parseBool(value)
  else if (datas.includes(fieldName)) {
    if (rawBytes) entry[fieldName] = Buffer.from(value).toString('base64')
    else entry[fieldName] = decodeBase64(value)
  } else entry[fieldName] = value
  cfg[map].set(name, entry)
}

export function unsetProperty(cfg: Kubeconfig, prop: string): void {
  const [first, name, fieldName] = parse(prop)
  if (first === 'current-context') {
    cfg.currentContext = ''
    return
  }
  const map = first as MapKey
  if (name === undefined) {
    cfg[map].clear()
    return
  }
  const entry = cfg[map].get(name)
  if (!entry) return
  if (fieldName === undefined) {
    cfg[map].delete(name)
    return
  }
  const copy = {...entry}
  if (map === 'contexts' && (fieldName === 'cluster' || fieldName === 'user')) copy[fieldName] = ''
  else if (map === 'clusters' && fieldName === 'server') copy.server = ''
  else delete copy[fieldName]
  cfg[map].set(name, copy)
}
