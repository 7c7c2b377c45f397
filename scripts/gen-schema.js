// Generates ksim's field schema (src/api/schema/generated.json) from the `kubernetes-types`
// declarations: for every struct reachable from the kinds ksim serves, its JSON field names, whether
// each is optional, and the shape of its value. The API server's strict decoding walks this schema;
// fields Kubernetes added after the package's version come from src/api/schema/overlay.ts.
//
//   node scripts/gen-schema.js [--out <file>]...     (default: src/api/schema/generated.json)
import fs from 'node:fs'
import path from 'node:path'
import {createRequire} from 'node:module'
import {fileURLToPath} from 'node:url'

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)))

/** The kinds ksim serves: [apiVersion, kind, declaration file, interface]. */
const ROOTS = [
  ['v1', 'Pod', 'core/v1', 'Pod'],
  ['v1', 'Namespace', 'core/v1', 'Namespace'],
  ['v1', 'Node', 'core/v1', 'Node'],
  ['v1', 'ConfigMap', 'core/v1', 'ConfigMap'],
  ['v1', 'Secret', 'core/v1', 'Secret'],
  ['v1', 'Event', 'core/v1', 'Event'],
  ['v1', 'Service', 'core/v1', 'Service'],
  ['v1', 'Endpoints', 'core/v1', 'Endpoints'],
  ['v1', 'ServiceAccount', 'core/v1', 'ServiceAccount'],
  ['coordination.k8s.io/v1', 'Lease', 'coordination/v1', 'Lease'],
  ['apps/v1', 'ReplicaSet', 'apps/v1', 'ReplicaSet'],
  ['apps/v1', 'Deployment', 'apps/v1', 'Deployment'],
  ['discovery.k8s.io/v1', 'EndpointSlice', 'discovery/v1', 'EndpointSlice'],
  ['batch/v1', 'Job', 'batch/v1', 'Job'],
  ['apps/v1', 'ControllerRevision', 'apps/v1', 'ControllerRevision'],
  ['apps/v1', 'StatefulSet', 'apps/v1', 'StatefulSet'],
  ['apps/v1', 'DaemonSet', 'apps/v1', 'DaemonSet'],
  ['policy/v1', 'PodDisruptionBudget', 'policy/v1', 'PodDisruptionBudget'],
  ['scheduling.k8s.io/v1', 'PriorityClass', 'scheduling/v1', 'PriorityClass'],
  ['node.k8s.io/v1', 'RuntimeClass', 'node/v1', 'RuntimeClass'],
  ['batch/v1', 'CronJob', 'batch/v1', 'CronJob'],
  ['storage.k8s.io/v1', 'StorageClass', 'storage/v1', 'StorageClass'],
  ['v1', 'PodTemplate', 'core/v1', 'PodTemplate'],
  ['v1', 'PersistentVolume', 'core/v1', 'PersistentVolume'],
  ['v1', 'PersistentVolumeClaim', 'core/v1', 'PersistentVolumeClaim'],
  ['rbac.authorization.k8s.io/v1', 'Role', 'rbac/v1', 'Role'],
  ['rbac.authorization.k8s.io/v1', 'ClusterRole', 'rbac/v1', 'ClusterRole'],
  ['rbac.authorization.k8s.io/v1', 'RoleBinding', 'rbac/v1', 'RoleBinding'],
  ['rbac.authorization.k8s.io/v1', 'ClusterRoleBinding', 'rbac/v1', 'ClusterRoleBinding'],
  ['v1', 'ReplicationController', 'core/v1', 'ReplicationController'],
]

/** Type aliases with their own JSON decoding (apimachinery's custom unmarshalers). */
const SCALAR_ALIASES = {'api/resource.Quantity': 'quantity', 'meta/v1.Time': 'time', 'meta/v1.MicroTime': 'micro-time'}

/** Splits a declaration file into tokens, dropping comments. */
function tokenize(text) {
  const tokens = []
  const re = /\s+|\/\*[\s\S]*?\*\/|\/\/[^\n]*|"(?:[^"\\]|\\.)*"|[A-Za-z_$][\w$]*|[{}[\]<>():;?|,=.]/y
  let m
  while (re.lastIndex < text.length) {
    const at = re.lastIndex
    m = re.exec(text)
    if (!m) throw new Error(`unexpected character ${JSON.stringify(text[at])} at ${at}`)
    const t = m[0]
    if (/^\s/.test(t) || t.startsWith('/*') || t.startsWith('//')) continue
    tokens.push(t)
  }
  return tokens
}

/** Parses one declaration file into its imports, interfaces and type aliases. */
function parseFile(text) {
  const toks = tokenize(text)
  let i = 0
  const peek = () => toks[i]
  const next = () => toks[i++]
  const expect = (t) => {
    if (toks[i] !== t) throw new Error(`expected ${t}, got ${toks[i]} (token ${i})`)
    i++
  }
  const imports = {}
  const interfaces = {}
  const aliases = {}

  function parseType() {
    const parts = [parsePostfix()]
    while (peek() === '|') {
      next()
      parts.push(parsePostfix())
    }
    return parts.length === 1 ? parts[0] : {union: parts}
  }
  function parsePostfix() {
    let t = parsePrimary()
    while (peek() === '[' && toks[i + 1] === ']') {
      i += 2
      t = {array: t}
    }
    return t
  }
  function parsePrimary() {
    const t = next()
    if (t === '{') {
      // index signature: { [name: string]: T; }
      expect('[')
      next()
      expect(':')
      expect('string')
      expect(']')
      expect(':')
      const of = parseType()
      if (peek() === ';') next()
      expect('}')
      return {map: of}
    }
    if (t.startsWith('"')) return {literal: JSON.parse(t)}
    if (t === 'Array') {
      expect('<')
      const of = parseType()
      expect('>')
      return {array: of}
    }
    if (t === 'string' || t === 'number' || t === 'boolean') return {prim: t}
    if (/^[A-Za-z_$]/.test(t)) return {name: t}
    throw new Error(`unexpected token ${t}`)
  }

  while (i < toks.length) {
    const t = next()
    if (t === 'import') {
      expect('{')
      const names = []
      while (peek() !== '}') {
        const n = next()
        if (n !== ',') names.push(n)
      }
      expect('}')
      expect('from')
      const from = JSON.parse(next())
      for (const n of names) imports[n] = from
      if (peek() === ';') next()
    } else if (t === 'export' && peek() === 'interface') {
      next()
      const name = next()
      expect('{')
      const fields = []
      while (peek() !== '}') {
        let fname = next()
        if (fname === 'readonly' && peek() !== ':' && peek() !== '?') fname = next()
        if (fname.startsWith('"')) fname = JSON.parse(fname)
        let optional = false
        if (peek() === '?') {
          next()
          optional = true
        }
        expect(':')
        const type = parseType()
        expect(';')
        fields.push({name: fname, optional, type})
      }
      expect('}')
      interfaces[name] = fields
    } else if (t === 'export' && peek() === 'type') {
      next()
      const name = next()
      expect('=')
      aliases[name] = parseType()
      expect(';')
    }
  }
  return {imports, interfaces, aliases}
}

/** Builds the schema: struct id → field → {type, optional}, for everything reachable from ROOTS. */
export function buildSchema(typesDir) {
  const files = new Map()
  const load = (mod) => {
    if (!files.has(mod)) files.set(mod, parseFile(fs.readFileSync(path.join(typesDir, `${mod}.d.ts`), 'utf8')))
    return files.get(mod)
  }
  const structs = {}
  const queue = []

  /** Resolves an identifier used in `mod` to the module that declares it. */
  function resolve(mod, name) {
    const f = load(mod)
    if (f.interfaces[name] || f.aliases[name]) return mod
    const from = f.imports[name]
    if (!from) throw new Error(`${mod}: unknown type ${name}`)
    return path.posix.normalize(path.posix.join(path.posix.dirname(mod), from))
  }

  function convert(mod, t) {
    if (t.prim) return t.prim
    if (t.literal !== undefined) return 'string'
    if (t.array) return {array: convert(mod, t.array)}
    if (t.map) return {map: convert(mod, t.map)}
    if (t.union) {
      const kinds = [...new Set(t.union.map((u) => (u.literal !== undefined ? 'string' : u.prim)))].sort().join('|')
      if (kinds === 'number|string') return 'int-or-string'
      if (kinds === 'string') return 'string'
      throw new Error(`${mod}: unsupported union ${JSON.stringify(t)}`)
    }
    const owner = resolve(mod, t.name)
    const id = `${owner}.${t.name}`
    if (SCALAR_ALIASES[id]) return SCALAR_ALIASES[id]
    const f = load(owner)
    if (f.aliases[t.name]) return convert(owner, f.aliases[t.name])
    if (!(id in structs)) {
      structs[id] = null
      queue.push([owner, t.name])
    }
    return {ref: id}
  }

  const roots = {}
  for (const [apiVersion, kind, mod, name] of ROOTS) roots[`${apiVersion}/${kind}`] = convert(mod, {name}).ref
  while (queue.length > 0) {
    const [mod, name] = queue.shift()
    const out = {}
    for (const fld of load(mod).interfaces[name]) out[fld.name] = {type: convert(mod, fld.type), optional: fld.optional}
    structs[`${mod}.${name}`] = out
  }
  const sorted = Object.fromEntries(Object.keys(structs).sort().map((k) => [k, structs[k]]))
  return {roots, structs: sorted}
}

/** Writes the schema JSON to each path; returns the schema. */
export function generateSchema(outPaths = [path.join(root, 'src', 'api', 'schema', 'generated.json')]) {
  const require = createRequire(import.meta.url)
  const pkgPath = require.resolve('kubernetes-types/package.json', {paths: [root]})
  const pkg = JSON.parse(fs.readFileSync(pkgPath, 'utf8'))
  const schema = {source: `kubernetes-types ${pkg.version}`, ...buildSchema(path.dirname(pkgPath))}
  const text = JSON.stringify(schema) + '\n'
  for (const out of outPaths) {
    fs.mkdirSync(path.dirname(out), {recursive: true})
    fs.writeFileSync(out, text)
  }
  return schema
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const outs = []
  const args = process.argv.slice(2)
  for (let k = 0; k < args.length; k++) {
    if (args[k] === '--out' && args[k + 1]) outs.push(path.resolve(args[++k]))
    else throw new Error(`usage: node scripts/gen-schema.js [--out <file>]...`)
  }
  generateSchema(outs.length > 0 ? outs : undefined)
}
