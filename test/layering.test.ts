// The layering rules of design.md, checked by reading every import line under src/.
import {expect} from 'chai'
import fs from 'node:fs'
import path from 'node:path'

import {ROOT} from './helpers/cli.js'

/** layer → the layers it may import from (besides itself) */
const ALLOWED: Record<string, string[]> = {
  store: [],
  api: ['store'],
  printers: ['api'],
  config: [],
  cluster: ['api', 'store', 'config'],
  controllers: ['api', 'store'],
  reconciler: ['api', 'store', 'controllers', 'config', 'cluster'],
  cli: ['api', 'printers', 'config', 'cluster', 'store', 'reconciler'],
  commands: ['cli', 'api', 'printers', 'config', 'cluster', 'store', 'reconciler'],
  // oclif's help class: part of the CLI, shares kubectl's command groups with it
  'help.ts': ['cli'],
}

function files(dir: string): string[] {
  return fs.readdirSync(dir, {withFileTypes: true}).flatMap((e) => {
    const p = path.join(dir, e.name)
    return e.isDirectory() ? files(p) : p.endsWith('.ts') ? [p] : []
  })
}

describe('layering', () => {
  it('keeps every import within the layers design.md allows', () => {
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
