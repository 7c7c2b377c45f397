// Generates the field descriptions `ksim explain` prints (src/api/schema/descriptions.json) from the
// doc comments of the `kubernetes-types` declarations, which are the OpenAPI descriptions of the
// Kubernetes version the package was made from. For every struct of the field schema (generated.json):
// the struct's description, each field's, and which fields are required. A separate file from the
// schema, so that only `explain` and `ksim serve`'s OpenAPI documents ever read it.
//
//   node scripts/gen-descriptions.js <schema.json> [--out <file>]...
import fs from 'node:fs'
import path from 'node:path'
import {createRequire} from 'node:module'
import {fileURLToPath} from 'node:url'

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)))

const SCALARS = ['api/resource.Quantity', 'meta/v1.Time', 'meta/v1.MicroTime', 'meta/v1.FieldsV1']

/** A doc comment's text: `/** a *\/` or its multi-line form with ` * ` prefixes, as the OpenAPI text. */
function commentText(lines) {
  const joined = lines.join('\n').trim()
  const body = joined.replace(/^\/\*\*/, '').replace(/\*\/$/, '')
  if (!body.includes('\n')) return body.trim()
  return body
    .split('\n')
    .slice(1, -1)
    .map((l) => l.replace(/^\s*\* ?/, ''))
    .join('\n')
}

/** Interface name → {description, fields: name → description, required: names} of one .d.ts file. */
export function parseDocComments(text) {
  const out = {}
  let pending
  let current
  const lines = text.split('\n')
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]
    if (/^\s*\/\*\*/.test(line)) {
      const block = [line]
      while (!/\*\/\s*$/.test(block[block.length - 1])) block.push(lines[++i])
      pending = commentText(block)
      continue
    }
    const alias = /^export type (\w+) =/.exec(line)
    const iface = /^export interface (\w+) \{/.exec(line)
    if (alias) {
      out[alias[1]] = {description: pending ?? '', fields: {}, required: []}
    } else if (iface) {
      current = {description: pending ?? '', fields: {}, required: []}
      out[iface[1]] = current
    } else if (current && /^}/.test(line)) {
      current = undefined
    } else if (current) {
      const field = /^\s+(?:readonly\s+)?("(?:[^"\\]|\\.)*"|[\w$]+)(\?)?:/.exec(line)
      if (field) {
        const name = field[1].startsWith('"') ? JSON.parse(field[1]) : field[1]
        if (pending !== undefined) current.fields[name] = pending
        if (!field[2]) current.required.push(name)
      }
    }
    pending = undefined
  }
  return out
}

/** The descriptions of every struct of `schema` (the generated field schema). */
export function buildDescriptions(schema, typesDir) {
  const files = new Map()
  const structs = {}
  // the scalars with schemas of their own (Quantity, Time, MicroTime, FieldsV1) beside the structs
  for (const id of [...Object.keys(schema.structs), ...SCALARS]) {
    const at = id.lastIndexOf('.')
    const [mod, name] = [id.slice(0, at), id.slice(at + 1)]
    if (!files.has(mod)) files.set(mod, parseDocComments(fs.readFileSync(path.join(typesDir, `${mod}.d.ts`), 'utf8')))
    const doc = files.get(mod)[name]
    if (doc) structs[id] = doc
  }
  return {structs}
}

/** Writes the descriptions JSON to each path. */
export function generateDescriptions(schema, outPaths) {
  const require = createRequire(import.meta.url)
  const pkgPath = require.resolve('kubernetes-types/package.json', {paths: [root]})
  const text = JSON.stringify(buildDescriptions(schema, path.dirname(pkgPath))) + '\n'
  for (const out of outPaths) {
    fs.mkdirSync(path.dirname(out), {recursive: true})
    fs.writeFileSync(out, text)
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const [schemaPath, ...rest] = process.argv.slice(2)
  const outs = []
  for (let k = 0; k < rest.length; k++) {
    if (rest[k] === '--out' && rest[k + 1]) outs.push(path.resolve(rest[++k]))
    else throw new Error('usage: node scripts/gen-descriptions.js <schema.json> [--out <file>]...')
  }
  if (!schemaPath) throw new Error('usage: node scripts/gen-descriptions.js <schema.json> [--out <file>]...')
  const schema = JSON.parse(fs.readFileSync(schemaPath, 'utf8'))
  generateDescriptions(schema, outs.length > 0 ? outs : [path.join(root, 'src', 'api', 'schema', 'descriptions.json')])
}
