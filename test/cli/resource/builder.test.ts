import {expect} from 'chai'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import type {KObject} from '../../../src/api/types.js'

import {configMapType} from '../../../src/api/kinds/configmap.js'
import {errorText} from '../../../src/cli/errors.js'
import {loadResources, MISSING_RESOURCE, resourcesFromArgs} from '../../../src/cli/resource/builder.js'
import {resolveResources} from '../../../src/cli/resource/files.js'
import {testCluster, type TestCluster} from '../../controllers/helpers.js'

const cm = (name: string, namespace = 'default', labels: Record<string, string> = {}): KObject => ({apiVersion: 'v1', kind: 'ConfigMap', metadata: {name, namespace, labels}})

describe('resource builder', () => {
  let tc: TestCluster
  let dir: string
  beforeEach(() => {
    tc = testCluster()
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ksim-builder-'))
    tc.api.create({apiVersion: 'v1', kind: 'Namespace', metadata: {name: 'other'}})
    for (const o of [cm('a', 'default', {app: 'x'}), cm('b', 'default', {app: 'y'}), cm('c', 'other', {app: 'x'})]) tc.api.create(o)
  })
  afterEach(() => {
    tc.close()
    fs.rmSync(dir, {recursive: true, force: true})
  })
  const write = (name: string, text: string) => {
    const p = path.join(dir, name)
    fs.mkdirSync(path.dirname(p), {recursive: true})
    fs.writeFileSync(p, text)
    return p
  }
  const names = (r: {infos: {namespace: string; name: string}[]}) => r.infos.map((i) => `${i.namespace}/${i.name}`)

  it('lists a TYPE in the namespace, across namespaces with -A, and by label selector', () => {
    expect(names(resourcesFromArgs(tc.api, {namespace: 'default', args: ['configmaps']})).filter((n) => !n.includes('kube-root'))).to.deep.equal(['default/a', 'default/b'])
    expect(names(resourcesFromArgs(tc.api, {namespace: 'default', args: ['cm'], allNamespaces: true, selector: 'app=x'}))).to.deep.equal(['default/a', 'other/c'])
  })

  it('names objects as TYPE NAME... and TYPE/NAME..., keeping missing ones as errors in visit order', () => {
    const r = resourcesFromArgs(tc.api, {namespace: 'default', args: ['cm', 'a', 'zz', 'b'], latest: true})
    expect(r.visited.map((v) => (v.info ? v.info.name : errorText(v.error)))).to.deep.equal(['a', 'Error from server (NotFound): configmaps "zz" not found', 'b'])
    expect(r.singleItem).to.equal(false)
    const slash = resourcesFromArgs(tc.api, {namespace: 'default', args: ['cm/a', 'configmap/b'], latest: true})
    expect(slash.slashForm).to.equal(true)
    expect(names(slash)).to.deep.equal(['default/a', 'default/b'])
    expect(resourcesFromArgs(tc.api, {namespace: 'default', args: ['cm', 'zz'], latest: true, ignoreNotFound: true}).errors).to.deep.equal([])
  })

  it('counts comma lists of types as several', () => {
    const r = resourcesFromArgs(tc.api, {namespace: 'default', args: ['cm,pods']})
    expect(r.typeCount).to.equal(2)
    expect(r.groups.map((g) => g.rt.kind)).to.deep.equal(['ConfigMap', 'Pod'])
  })

  it("refuses kubectl's malformed requests", () => {
    const refuse = (opts: Parameters<typeof resourcesFromArgs>[1]) => () => resourcesFromArgs(tc.api, opts)
    expect(refuse({namespace: 'default', args: ['cm', 'a'], selector: 'app=x'})).to.throw('name cannot be provided when a selector is specified')
    expect(refuse({namespace: 'default', args: ['cm', 'a'], all: true})).to.throw('name cannot be provided when --all is specified')
    expect(refuse({namespace: 'default', args: ['cm'], requireNames: true})).to.throw('resource(s) were provided, but no name was specified')
    expect(refuse({namespace: 'default', args: ['cm', 'a'], allNamespaces: true, namesNeedNamespace: true})).to.throw('a resource cannot be retrieved by name across all namespaces')
    expect(refuse({namespace: 'default', args: [], missing: new Error(MISSING_RESOURCE)})).to.throw('You must provide one or more resources')
    expect(resourcesFromArgs(tc.api, {namespace: 'default', args: ['cm', 'a'], selector: 'app=y', namesWithSelector: 'ignore'}).infos.map((i) => i.name)).to.deep.equal(['a'])
    expect(names(resourcesFromArgs(tc.api, {namespace: 'default', args: ['cm'], requireNames: true, all: true})).filter((n) => !n.includes('kube-root'))).to.deep.equal(['default/a', 'default/b'])
  })

  it('reads -f files and directories (recursively with -R), defaulting the namespace and fetching with latest', async () => {
    write('one.yaml', 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n')
    write('sub/two.yaml', 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n  namespace: other\n')
    write('sub/ignored.txt', 'not a manifest')
    const flat = await loadResources(tc.api, {namespace: 'default', files: [dir]})
    expect(names(flat)).to.deep.equal(['default/a'])
    const deep = await loadResources(tc.api, {namespace: 'default', files: [dir], recursive: true, latest: true})
    expect(names(deep)).to.deep.equal(['default/a', 'other/c'])
    expect(deep.infos.map((i) => i.object?.metadata.uid)).to.satisfy((uids: unknown[]) => uids.every((u) => typeof u === 'string'))
    expect(deep.infos[0].source).to.equal(path.join(dir, 'one.yaml'))
  })

  it('reads stdin for -f -', () => {
    const r = resolveResources(tc.api, {namespace: 'default', files: ['-'], stdin: () => 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: b\n'})
    expect(r.infos.map((i) => [i.source, i.name])).to.deep.equal([['STDIN', 'b']])
  })

  it("enforces an explicit namespace with kubectl's words, and keeps the file's object as it is", () => {
    const text = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n  namespace: other\n---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: d\n'
    const r = resolveResources(tc.api, {namespace: 'default', enforceNamespace: true, files: ['-'], stdin: () => text})
    expect(r.visited.map((v) => (v.info ? `${v.info.namespace}/${v.info.name}` : errorText(v.error)))).to.deep.equal([
      `error: the namespace from the provided object "other" does not match the namespace "default". You must pass '--namespace=other' to perform this operation.`,
      'default/d',
    ])
    expect(r.infos[0].object!.metadata.namespace).to.equal(undefined)
  })

  it('keeps going past a bad document, or stops at it without continueOnError', () => {
    const text = 'apiVersion: v1\nkind: Widget\nmetadata:\n  name: w\n---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n'
    const r = resolveResources(tc.api, {namespace: 'default', files: ['-'], stdin: () => text, latest: true})
    expect(r.errors.map((e) => errorText(e))).to.deep.equal(['error: resource mapping not found for name: "w" namespace: "" from "STDIN": no matches for kind "Widget" in version "v1"\nensure CRDs are installed first'])
    expect(names(r)).to.deep.equal(['default/a'])
    expect(() => resolveResources(tc.api, {namespace: 'default', files: ['-'], stdin: () => text, continueOnError: false})).to.throw('no matches for kind "Widget"')
  })

  it('prefixes a fetch error with its file when asked (rollout\'s "error when retrieving")', () => {
    const r = resolveResources(tc.api, {namespace: 'default', files: ['-'], stdin: () => 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: zz\n', latest: true, fetchVerb: 'retrieving'})
    expect(r.errors.map((e) => errorText(e))).to.deep.equal(['Error from server (NotFound): error when retrieving "STDIN": configmaps "zz" not found'])
  })

  it('reads a TYPE from the API without a store snapshot when no API is given for files', () => {
    const r = resolveResources(undefined, {namespace: 'default', files: ['-'], stdin: () => 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: q\n'})
    expect(r.infos.map((i) => i.name)).to.deep.equal(['q'])
    expect(tc.api.peek(configMapType.kind, 'default', 'q')).to.equal(undefined)
  })
})
