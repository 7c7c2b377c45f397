import {expect} from 'chai'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import {readManifests} from '../../src/cli/resource/manifests.js'
import {readFdLimited} from '../../src/cli/resource/read-limited.js'
import {EXCESSIVE_ALIASING, allowedAliasRatio, excessiveAliasing} from '../../src/cli/resource/yaml-aliases.js'
import {decodeOne} from '../../src/cli/resource/yaml-docs.js'

describe('go-yaml alias limit', () => {
  const bomb = (levels: number) =>
    `a: &a [x, x, x, x, x, x, x, x, x]\n${Array.from({length: levels}, (_, i) => `l${i}: &l${i} [${Array(9).fill(i === 0 ? '*a' : `*l${i - 1}`).join(', ')}]`).join('\n')}\n`

  it('allows 99% aliasing up to 400,000 nodes, tightening to 10% at 4,000,000', () => {
    expect(allowedAliasRatio(1000)).to.equal(0.99)
    expect(allowedAliasRatio(2_200_000)).to.be.closeTo(0.545, 1e-9)
    expect(allowedAliasRatio(5_000_000)).to.equal(0.1)
  })

  it('refuses a billion-laughs document in milliseconds, without expanding it', () => {
    const started = performance.now()
    expect(decodeOne(bomb(9))).to.deep.equal({error: EXCESSIVE_ALIASING})
    expect(performance.now() - started).to.be.below(200)
  })

  it('accepts ordinary reuse of anchors, and a cycle fails as excessive aliasing instead of hanging', () => {
    expect(decodeOne(bomb(1)).error).to.equal(undefined)
    expect(decodeOne('base: &b {image: nginx, port: 80}\none: *b\ntwo: *b\n').value).to.deep.equal({base: {image: 'nginx', port: 80}, one: {image: 'nginx', port: 80}, two: {image: 'nginx', port: 80}})
    const cyclic: Record<string, unknown> = {}
    cyclic.self = cyclic
    expect(excessiveAliasing(cyclic)).to.equal(EXCESSIVE_ALIASING)
  })
})

describe('bounded reading of -f inputs', () => {
  let dir = ''
  beforeEach(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ksim-limits-'))))
  afterEach(() => fs.rmSync(dir, {recursive: true, force: true}))

  const cm = (name: string, value = 'v') => `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ${name}\ndata:\n  a: ${value}\n`

  it('stops at the first document larger than could be sent, keeping the documents before it', () => {
    const file = path.join(dir, 'm.yaml')
    fs.writeFileSync(file, `${cm('one')}---\n${cm('two', 'x'.repeat(7 * 1024 * 1024))}---\n${cm('three')}`)
    const items = readManifests([file], {recursive: false, validate: true, stdin: () => ''})
    expect(items.map((i) => i.object?.metadata.name ?? i.error)).to.deep.equal([
      'one',
      `Error from server (RequestEntityTooLarge): error when creating "${file}": Request entity too large: limit is 3145728`,
    ])
  })

  it('reads /dev/zero no further than the limit', () => {
    const fd = fs.openSync('/dev/zero', 'r')
    try {
      const started = performance.now()
      expect(() => readFdLimited(fd, {docLimit: 1024 * 1024})).to.throw('Request entity too large: limit is 3145728')
      expect(performance.now() - started).to.be.below(500)
    } finally {
      fs.closeSync(fd)
    }
  })

  it('bounds the whole input too: many small documents stop at the total limit, whole documents kept', () => {
    const file = path.join(dir, 'many.yaml')
    fs.writeFileSync(file, Array.from({length: 100}, (_, i) => cm(`c${i}`)).join('---\n'))
    const fd = fs.openSync(file, 'r')
    try {
      let text = 'not thrown'
      try {
        readFdLimited(fd, {totalLimit: 2000})
      } catch (error) {
        text = (error as {text: string}).text
      }
      // read a chunk at a time: it stops within one chunk (64 KiB) of the limit, at a document's start
      expect(text.length).to.be.within(1, fs.statSync(file).size - 1)
      const docs = text.split('---\n')
      expect(docs.length).to.be.within(1, 99)
      expect(docs.every((d) => /^apiVersion: v1\n[^]*\n  a: v\n$/.test(d))).to.equal(true)
    } finally {
      fs.closeSync(fd)
    }
  })
})
