// CustomResourceDefinitions through the CLI: the CRD's table, and its custom resources served at once by
// every name kubectl accepts, printed, changed and deleted as kubectl 1.35 does for them.
import {expect} from 'chai'
import fs from 'node:fs'

import {Sandbox} from '../helpers/cli.js'

const CRD = `apiVersion: apiextensions.k8s.io/v1
kind: CustomResourceDefinition
metadata:
  name: crontabs.stable.example.com
spec:
  group: stable.example.com
  scope: Namespaced
  names: {plural: crontabs, singular: crontab, kind: CronTab, shortNames: [ct], categories: [all]}
  versions:
  - name: v1
    served: true
    storage: true
    schema:
      openAPIV3Schema:
        type: object
        properties:
          spec:
            type: object
            properties:
              cronSpec: {type: string}
              image: {type: string}
              replicas: {type: integer}
    additionalPrinterColumns:
    - {name: Spec, type: string, jsonPath: .spec.cronSpec}
    - {name: Replicas, type: integer, jsonPath: .spec.replicas}
    - {name: Image, type: string, priority: 1, jsonPath: .spec.image}
`

const CR = `apiVersion: stable.example.com/v1
kind: CronTab
metadata: {name: my-cron}
spec: {cronSpec: "* * * * */5", image: my-image, replicas: 2}
`

describe('ksim with CustomResourceDefinitions', function () {
  this.timeout(180_000)
  let sb: Sandbox
  const ok = (args: string[], input?: string) => {
    const r = sb.run(args, {input})
    expect(r.stderr, args.join(' ')).to.equal('')
    expect(r.code, args.join(' ')).to.equal(0)
    return r.stdout
  }
  before(() => {
    sb = new Sandbox('ksim-crd-', {KSIM_NO_RECONCILER: '1'})
    expect(ok(['create', '-f', '-'], CRD)).to.equal('customresourcedefinition.apiextensions.k8s.io/crontabs.stable.example.com created\n')
  })
  after(() => sb.cleanup())

  it('lists the CRD with NAME and CREATED AT, and reports a custom resource of a missing CRD as kubectl does', () => {
    expect(ok(['get', 'crd'])).to.match(/^NAME {26}CREATED AT\ncrontabs\.stable\.example\.com {3}\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ\n$/)
    const r = sb.run(['create', '-f', '-'], {input: CR.replace('stable.example.com/v1', 'stable.example.com/v2')})
    expect([r.stdout, r.stderr, r.code]).to.deep.equal([
      '',
      'error: resource mapping not found for name: "my-cron" namespace: "" from "STDIN": no matches for kind "CronTab" in version "stable.example.com/v2"\nensure CRDs are installed first\n',
      1,
    ])
  })

  it('creates a custom resource and gets it by every name, with its printer columns', () => {
    expect(ok(['create', '-f', '-'], CR)).to.equal('crontab.stable.example.com/my-cron created\n')
    for (const type of ['crontabs', 'crontab', 'ct', 'CronTab', 'crontab.stable.example.com', 'crontabs.v1.stable.example.com']) {
      expect(ok(['get', type, '-o', 'name']), type).to.equal('crontab.stable.example.com/my-cron\n')
    }
    expect(ok(['get', 'ct'])).to.equal('NAME      SPEC          REPLICAS\nmy-cron   * * * * */5   2\n')
    expect(ok(['get', 'ct', '-o', 'wide'])).to.equal('NAME      SPEC          REPLICAS   IMAGE\nmy-cron   * * * * */5   2          my-image\n')
    expect(ok(['get', 'ct/my-cron', '-o', 'jsonpath={.spec.image}'])).to.equal('my-image')
    expect(ok(['get', 'ct', '-o', 'custom-columns=N:.metadata.name,R:.spec.replicas'])).to.equal('N         R\nmy-cron   2\n')
    expect(ok(['api-resources', '--api-group=stable.example.com'])).to.equal(
      'NAME       SHORTNAMES   APIVERSION              NAMESPACED   KIND\ncrontabs   ct           stable.example.com/v1   true         CronTab\n',
    )
  })

  it('labels, annotates and merge-patches a custom resource; a strategic patch is refused as for any unstructured kind', () => {
    expect(ok(['label', 'ct', 'my-cron', 'tier=cron'])).to.equal('crontab.stable.example.com/my-cron labeled\n')
    expect(ok(['annotate', 'ct', 'my-cron', 'note=x'])).to.equal('crontab.stable.example.com/my-cron annotated\n')
    expect(ok(['patch', 'ct', 'my-cron', '--type=merge', '-p', '{"spec":{"replicas":3}}'])).to.equal('crontab.stable.example.com/my-cron patched\n')
    expect(ok(['get', 'ct', 'my-cron', '-o', 'jsonpath={.spec.replicas} {.metadata.generation} {.metadata.labels.tier}'])).to.equal('3 2 cron')
    const strategic = sb.run(['patch', 'ct', 'my-cron', '-p', '{"spec":{"replicas":4}}'])
    expect([strategic.stderr, strategic.code]).to.deep.equal([
      'Error from server (UnsupportedMediaType): the body of the request was in an unknown format - accepted media types include: application/json-patch+json, application/merge-patch+json, application/apply-patch+yaml\n',
      1,
    ])
    const bad = sb.run(['patch', 'ct', 'my-cron', '--type=merge', '-p', '{"spec":{"replicas":"three"}}'])
    expect([bad.stderr, bad.code]).to.deep.equal([
      'The CronTab "my-cron" is invalid: spec.replicas: Invalid value: "string": spec.replicas in body must be of type integer: "string"\n',
      1,
    ])
  })

  it('edits a custom resource with a JSON merge patch, as kubectl does for kinds outside its scheme', () => {
    const editor = sb.write('editor.sh', '#!/bin/sh\nsed -i "s/image: my-image/image: edited/" "$1"\n')
    fs.chmodSync(editor, 0o755)
    const r = sb.run(['edit', 'ct', 'my-cron'], {env: {EDITOR: editor}})
    expect([r.stdout, r.stderr, r.code]).to.deep.equal(['crontab.stable.example.com/my-cron edited\n', '', 0])
    expect(ok(['get', 'ct', 'my-cron', '-o', 'jsonpath={.spec.image}'])).to.equal('edited')
  })

  it('describes a custom resource with kubectl\'s generic describer', () => {
    const out = ok(['describe', 'ct', 'my-cron'])
    expect(out).to.match(/^Name:         my-cron\nNamespace:    default\nLabels:       tier=cron\nAnnotations:  note: x\nAPI Version:  stable\.example\.com\/v1\nKind:         CronTab\nMetadata:\n/)
    expect(out).to.match(/\nSpec:\n  Cron Spec:  \* \* \* \* \*\/5\n  Image:      edited\n  Replicas:   3\nEvents:       <none>\n$/)
  })

  it('explains a custom resource from its version\'s schema, with the fields every kind has', () => {
    const out = ok(['explain', 'ct'])
    expect(out).to.match(/^GROUP:      stable\.example\.com\nKIND:       CronTab\nVERSION:    v1\n\nDESCRIPTION:\n    <empty>\nFIELDS:\n  apiVersion\t<string>\n/)
    expect(out).to.match(/\n  metadata\t<ObjectMeta>\n    Standard object's metadata\. More info:\n/)
    expect(out).to.match(/\n  spec\t<Object>\n    <no description>\n\n\n$/)
    expect(ok(['explain', 'crontabs.spec.replicas'])).to.equal('GROUP:      stable.example.com\nKIND:       CronTab\nVERSION:    v1\n\nFIELD: replicas <integer>\n\n\nDESCRIPTION:\n    <empty>\n\n')
  })

  it('deletes the custom resources with their CRD, after which the kind is unknown', () => {
    expect(ok(['delete', 'crd', 'crontabs.stable.example.com'])).to.equal('customresourcedefinition.apiextensions.k8s.io "crontabs.stable.example.com" deleted\n')
    const r = sb.run(['get', 'ct'])
    expect([r.stdout, r.stderr, r.code]).to.deep.equal(['', 'error: the server doesn\'t have a resource type "ct"\n', 1])
    const again = sb.run(['create', '-f', '-'], {input: CRD})
    expect(again.code).to.equal(0)
    const empty = sb.run(['get', 'crontabs'])
    expect([empty.stdout, empty.stderr, empty.code]).to.deep.equal(['', 'No resources found in default namespace.\n', 0])
  })
})
