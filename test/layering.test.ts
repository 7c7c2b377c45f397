// The layering rules of ARCHITECTURE.md, read from its "Layers" table and checked against every import
// line under src/: the document is the rule, so the two cannot disagree.
import {expect} from 'chai'
import fs from 'node:fs'
import path from 'node:path'

import {ROOT} from './helpers/cli.js'

/** layer → the layers it may import from (besides itself), as ARCHITECTURE.md's Layers table states them */
function allowedLayers(): Record<string, string[]> {
  const doc = fs.readFileSync(path.join(ROOT, 'ARCHITECTURE.md'), 'utf8')
  const section = doc.split(/^## /m).find((s) => s.startsWith('Layers\n')) ?? ''
  const allowed: Record<string, string[]> = {}
  for (const line of section.split('\n')) {
    const m = /^\| `([^`]+)` \| ([^|]+) \|/.exec(line)
    if (m) allowed[m[1]] = [...m[2].matchAll(/`([^`]+)`/g)].map((x) => x[1])
  }
  return allowed
}
const ALLOWED = allowedLayers()

function files(dir: string): string[] {
  return fs.readdirSync(dir, {withFileTypes: true}).flatMap((e) => {
    const p = path.join(dir, e.name)
    return e.isDirectory() ? files(p) : p.endsWith('.ts') ? [p] : []
  })
}

describe('layering', () => {
  it('reads a rule for every top-level entry of src/ from ARCHITECTURE.md', () => {
    const entries = fs.readdirSync(path.join(ROOT, 'src')).sort()
    expect(Object.keys(ALLOWED).sort()).to.deep.equal(entries)
    expect(ALLOWED.store).to.deep.equal([])
    expect(ALLOWED.commands).to.include('cli')
  })

  it('keeps every import within the layers ARCHITECTURE.md allows', () => {
    const src = path.join(ROOT, 'src')
    const violations: string[] = []
    for (const file of files(src)) {
      const layer = path.relative(src, file).split(path.sep)[0]
      const text = fs.readFileSync(file, 'utf8')
      for (const m of text.matchAll(/(?:from|import)\s*\(?\s*'(\.[^']+)'/g)) {
        const target = path.relative(src, path.resolve(path.dirname(file), m[1])).split(path.sep)[0]
        if (target === layer) continue
        // printers may only take types from api
        const typeOnly = /import\s+type\s/.test(text.slice(Math.max(0, m.index! - 200), m.index! + m[0].length).split('\n').pop() ?? '')
        if (layer === 'printers' && target === 'api' && !typeOnly) {
          violations.push(`${path.relative(ROOT, file)} imports values from api (${m[1]})`)
          continue
        }
        if (!(ALLOWED[layer] ?? []).includes(target)) violations.push(`${path.relative(ROOT, file)} (${layer}) imports ${m[1]} (${target})`)
      }
    }
    expect(violations).to.deep.equal([])
  })

  it('keeps the store free of Kubernetes kinds', () => {
    const store = path.join(ROOT, 'src', 'store')
    for (const file of files(store)) {
      expect(fs.readFileSync(file, 'utf8'), file).not.to.match(/\b(Pod|pods|Node|nodeName|kubelet)\b/)
    }
  })
})
