// Runs scripts/gen-schema.js as the build does, then decodes every Kubernetes documentation example
// of a kind ksim serves against the resulting schema.
import {expect} from 'chai'
import {execFileSync} from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import {decodeDocuments} from '../../../src/cli/resource/yaml-docs.js'
import {resolveSchema, type Schema} from '../../../src/api/schema/schema.js'
import {checkFields, strictDecodingMessage} from '../../../src/api/schema/strict.js'
import type {GeneratedSchema} from '../../../src/api/schema/types.js'
import {ROOT} from '../../helpers/cli.js'
import {sharedMissing, sharedPath} from '../../helpers/shared-data.js'

const CORPUS = sharedPath('corpus', 'k8s-docs-examples')

/** The examples a v1.34 API server rejects at decoding, with its message. */
const REJECTED: Record<string, string> = {
  'pods/emptydir-volume-mode.yaml':
    'Pod in version "v1" cannot be handled as a Pod: strict decoding error: unknown field "spec.volumes[0].emptyDir.mode"',
  'pods/pod-with-node-affinity.yaml':
    'Pod in version "v1" cannot be handled as a Pod: json: cannot unmarshal array into Go struct field NodeAffinity.spec.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution of type v1.NodeSelector',
  'pods/security/security-context-7.yaml':
    'Pod in version "v1" cannot be handled as a Pod: strict decoding error: unknown field "spec.containers[0].securityContext.cgroupOptions"',
  // userAnnotations came with the 1.35 beta of pod certificates
  'pods/storage/projected-podcertificate.yaml':
    'Pod in version "v1" cannot be handled as a Pod: strict decoding error: unknown field "spec.volumes[0].projected.sources[0].podCertificate.userAnnotations"',
  'service/networking/dual-stack-ipv6-lb-svc.yaml':
    'Service in version "v1" cannot be handled as a Service: strict decoding error: unknown field "spec.ipFamily"',
  'service/networking/dual-stack-ipv6-svc.yaml': 'Service in version "v1" cannot be handled as a Service: strict decoding error: unknown field "spec.ipFamily"',
}

function yamlFiles(dir: string): string[] {
  return fs.readdirSync(dir, {withFileTypes: true}).flatMap((e) => {
    const p = path.join(dir, e.name)
    return e.isDirectory() ? yamlFiles(p) : p.endsWith('.yaml') ? [p] : []
  })
}

describe('field schema against the Kubernetes documentation examples', () => {
  let schema: Schema
  let generated: GeneratedSchema

  before(function () {
    const missing = sharedMissing(CORPUS)
    if (missing !== undefined) {
      console.log(`      skipped: ${missing}`)
      this.skip()
    }
    const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'ksim-schema-')), 'generated.json')
    execFileSync(process.execPath, [path.join(ROOT, 'scripts', 'gen-schema.js'), '--out', out], {cwd: ROOT})
    generated = JSON.parse(fs.readFileSync(out, 'utf8')) as GeneratedSchema
    schema = resolveSchema(generated)
  })

  it('generates the schema from kubernetes-types 1.30', () => {
    expect(generated.source).to.equal('kubernetes-types 1.30.0')
    expect(generated.roots['v1/Pod']).to.equal('core/v1.Pod')
    expect(generated.structs['core/v1.PodSpec'].containers).to.deep.equal({type: {array: {ref: 'core/v1.Container'}}, optional: false})
    expect(generated.structs['core/v1.HTTPGetAction'].port).to.deep.equal({type: 'int-or-string', optional: false})
    expect(generated.structs['meta/v1.ObjectMeta'].creationTimestamp).to.deep.equal({type: 'time', optional: true})
  })

  it('accepts every example of a served kind except the ones a real API server rejects, with its message', () => {
    const rejected: Record<string, string> = {}
    let checked = 0
    for (const file of yamlFiles(CORPUS).sort()) {
      for (const doc of decodeDocuments(fs.readFileSync(file, 'utf8'))) {
        const obj = doc.value as {kind?: unknown; apiVersion?: unknown} | undefined
        if (!obj || typeof obj.kind !== 'string' || typeof obj.apiVersion !== 'string') continue
        if (!schema.roots.has(`${obj.apiVersion}/${obj.kind}`)) continue
        checked++
        const message = strictDecodingMessage(obj.kind, obj.apiVersion, checkFields(obj.kind, obj.apiVersion, obj, {schema}))
        if (message) rejected[path.relative(CORPUS, file)] = message
      }
    }
    expect(rejected).to.deep.equal(REJECTED)
    expect(checked).to.be.greaterThan(140)
  })
})
