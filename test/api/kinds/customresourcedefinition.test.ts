import {expect} from 'chai'

import type {KObject} from '../../../src/api/types.js'

import {allTypes, lookupKind, lookupResource} from '../../../src/api/registry.js'
import {customResourceDefinitionType} from '../../../src/api/kinds/customresourcedefinition.js'
import {useKindApi} from './kind-api.js'

const FIXED = new Date('2026-01-02T03:04:05Z')

const schema = {
  type: 'object',
  properties: {spec: {type: 'object', properties: {image: {type: 'string'}, replicas: {type: 'integer'}, free: {type: 'object', 'x-kubernetes-preserve-unknown-fields': true}}},
    status: {type: 'object', 'x-kubernetes-preserve-unknown-fields': true},
  },
}

function crd(o: {group?: string; plural?: string; kind?: string; shortNames?: string[]; scope?: string; name?: string; versions?: unknown[]} = {}): KObject {
  const group = o.group ?? 'example.com'
  const plural = o.plural ?? 'widgets'
  return {
    apiVersion: 'apiextensions.k8s.io/v1',
    kind: 'CustomResourceDefinition',
    metadata: {name: o.name ?? `${plural}.${group}`},
    spec: {
      group,
      scope: o.scope ?? 'Namespaced',
      names: {plural, kind: o.kind ?? 'Widget', ...(o.shortNames ? {shortNames: o.shortNames} : {})},
      versions: o.versions ?? [{name: 'v1', served: true, storage: true, schema: {openAPIV3Schema: schema}}],
    },
  }
}

const widget = (name: string, spec: Record<string, unknown>, extra: Record<string, unknown> = {}): KObject => ({
  apiVersion: 'example.com/v1',
  kind: 'Widget',
  metadata: {name, namespace: 'default'},
  spec,
  ...extra,
})

describe('CustomResourceDefinition and custom resources', () => {
  const {api, failure} = useKindApi(FIXED)

  it('is cluster-scoped apiextensions.k8s.io/v1, crd/crds, in the api-extensions category', () => {
    expect(lookupResource('crd')).to.equal(customResourceDefinitionType)
    expect(lookupResource('crds')?.namespaced).to.equal(false)
    expect(customResourceDefinitionType.categories).to.deep.equal(['api-extensions'])
  })

  it('defaults the names and conversion, and is named, accepted and established at once', () => {
    const c = api().create(crd({shortNames: ['wd']})).object
    const spec = c.spec as Record<string, any>
    expect(spec.names).to.deep.equal({plural: 'widgets', kind: 'Widget', shortNames: ['wd'], singular: 'widget', listKind: 'WidgetList'})
    expect(spec.conversion).to.deep.equal({strategy: 'None'})
    expect(c.status).to.deep.equal({
      acceptedNames: {kind: 'Widget', listKind: 'WidgetList', plural: 'widgets', shortNames: ['wd'], singular: 'widget'},
      conditions: [
        {lastTransitionTime: '2026-01-02T03:04:05Z', message: 'no conflicts found', reason: 'NoConflicts', status: 'True', type: 'NamesAccepted'},
        {lastTransitionTime: '2026-01-02T03:04:05Z', message: 'the initial names have been accepted', reason: 'InitialNamesAccepted', status: 'True', type: 'Established'},
      ],
      storedVersions: ['v1'],
    })
  })

  it('refuses a CRD whose name, group, scope, versions and names break the apiextensions rules', () => {
    const bad = crd({name: 'widget.example.com', group: 'example', scope: 'Everywhere', versions: [{name: 'v1', served: true, storage: false}]})
    const a = api()
    expect(failure(() => a.create(bad))).to.equal(
      'The CustomResourceDefinition "widget.example.com" is invalid: \n' +
        '* metadata.name: Invalid value: "widget.example.com": must be spec.names.plural+"."+spec.group\n' +
        '* spec.group: Invalid value: "example": should be a domain with at least one dot\n' +
        '* spec.scope: Unsupported value: "Everywhere": supported values: "Cluster", "Namespaced"\n' +
        '* spec.versions[0].schema.openAPIV3Schema: Required value: schemas are required\n' +
        '* spec.versions: Invalid value: ["v1"]: must have exactly one version marked as storage version',
    )
    expect(a.list(customResourceDefinitionType, undefined).items).to.deep.equal([])
  })

  it('refuses a schema whose root is not an object', () => {
    const c = crd({versions: [{name: 'v1', served: true, storage: true, schema: {openAPIV3Schema: {type: 'string'}}}]})
    expect(failure(() => api().create(c))).to.equal(
      'The CustomResourceDefinition "widgets.example.com" is invalid: spec.versions[0].schema.openAPIV3Schema.type: Invalid value: "string": must be object at the root',
    )
  })

  it('does not accept names another CRD of the group holds, and does not serve them', () => {
    const a = api()
    a.create(crd({shortNames: ['wd']}))
    const second = a.create(crd({plural: 'gadgets', kind: 'Gadget', shortNames: ['wd']})).object
    const conditions = (second.status as {conditions: {type: string; status: string; reason: string; message: string}[]}).conditions
    expect(conditions.map((c) => [c.type, c.status, c.reason, c.message])).to.deep.equal([
      ['NamesAccepted', 'False', 'NameConflict', '"wd" is already in use'],
      ['Established', 'False', 'NotAccepted', 'not all names are accepted'],
    ])
    expect(lookupResource('gadgets')).to.equal(undefined)
    expect(lookupResource('wd')?.plural).to.equal('widgets')
  })

  it('serves its kind by plural, singular, short name, kind, kind.group and kind.version.group once established', () => {
    const a = api()
    expect(lookupResource('widgets')).to.equal(undefined)
    a.create(crd({shortNames: ['wd']}))
    for (const name of ['widgets', 'widget', 'wd', 'Widget', 'widget.example.com', 'widgets.v1.example.com']) {
      expect(lookupResource(name)?.kind, name).to.equal('Widget')
    }
    expect(lookupKind('example.com/v1', 'Widget')?.namespaced).to.equal(true)
    expect(allTypes().at(-1)?.custom?.printerColumns).to.deep.equal([{name: 'Age', type: 'date', jsonPath: '.metadata.creationTimestamp'}])
  })

  it('prunes undeclared fields, fails them under Strict, keeps preserved ones, and checks types in the validator\'s words', () => {
    const a = api()
    a.create(crd())
    const made = a.create(widget('w1', {image: 'nginx', replicas: 2, extra: true, free: {any: {thing: 1}}}, {top: 1})).object
    expect(made.spec).to.deep.equal({image: 'nginx', replicas: 2, free: {any: {thing: 1}}})
    expect(made.top).to.equal(undefined)
    expect(made.metadata.generation).to.equal(1)
    expect(failure(() => a.create(widget('w2', {extra: 1}), {fieldValidation: 'Strict'}))).to.equal(
      'Error from server (BadRequest): Widget in version "v1" cannot be handled as a Widget: strict decoding error: unknown field "spec.extra"',
    )
    expect(a.create(widget('w3', {extra: 1}), {fieldValidation: 'Warn'}).warnings).to.deep.equal(['unknown field "spec.extra"'])
    expect(failure(() => a.create(widget('w4', {replicas: 'two'})))).to.equal(
      'The Widget "w4" is invalid: spec.replicas: Invalid value: "string": spec.replicas in body must be of type integer: "string"',
    )
  })

  it('moves generation on changes beside metadata, writes status as a field without the status subresource, prunes an undeclared one', () => {
    const a = api()
    a.create(crd())
    const w = a.create(widget('w1', {image: 'a'})).object
    const labelled = a.update({...w, metadata: {...w.metadata, labels: {x: 'y'}}})
    expect(labelled.metadata.generation).to.equal(1)
    const changed = a.update({...labelled, spec: {image: 'b'}, status: {phase: 'Ready'}})
    expect([changed.metadata.generation, changed.status]).to.deep.equal([2, {phase: 'Ready'}])
    a.create(crd({plural: 'plains', kind: 'Plain', versions: [{name: 'v1', served: true, storage: true, schema: {openAPIV3Schema: {type: 'object'}}}]}))
    const plain = a.create({apiVersion: 'example.com/v1', kind: 'Plain', metadata: {name: 'p', namespace: 'default'}, status: {phase: 'Ready'}}).object
    expect(plain.status).to.equal(undefined)
  })

  it('with the status subresource, drops a create\'s status and keeps generation for status writes', () => {
    const a = api()
    const withStatus = {name: 'v1', served: true, storage: true, subresources: {status: {}}, schema: {openAPIV3Schema: schema}}
    a.create(crd({versions: [withStatus]}))
    const w = a.create(widget('w1', {image: 'a'}, {status: {phase: 'Ready'}})).object
    expect([w.status, w.metadata.generation]).to.deep.equal([undefined, 1])
    const s = a.updateStatus({...w, status: {phase: 'Done'}})
    expect([s.status, s.metadata.generation]).to.deep.equal([{phase: 'Done'}, 1])
  })

  it('keeps group, plural and, once established, scope and kind; takes a new version and its columns', () => {
    const a = api()
    const c = a.create(crd()).object
    const changed = {...c, spec: {...(c.spec as object), scope: 'Cluster', names: {plural: 'gizmos', kind: 'Gizmo'}}}
    expect(failure(() => a.update(changed))).to.equal(
      'The CustomResourceDefinition "widgets.example.com" is invalid: \n' +
        '* metadata.name: Invalid value: "widgets.example.com": must be spec.names.plural+"."+spec.group\n' +
        '* spec.scope: Invalid value: "Cluster": field is immutable\n' +
        '* spec.names.kind: Invalid value: "Gizmo": field is immutable\n' +
        '* spec.names.plural: Invalid value: "gizmos": field is immutable',
    )
    const v2 = {name: 'v2', served: true, storage: false, schema: {openAPIV3Schema: schema}, additionalPrinterColumns: [{name: 'Image', type: 'string', jsonPath: '.spec.image'}]}
    const spec = c.spec as {versions: unknown[]}
    const updated = a.update({...c, spec: {...spec, versions: [...spec.versions, v2]}})
    expect(updated.metadata.generation).to.equal(2)
    expect(lookupResource('widgets')?.version).to.equal('v2')
    expect(lookupKind('example.com/v1', 'Widget')?.custom?.printerColumns[0]?.name).to.equal('Age')
    expect(lookupKind('example.com/v2', 'Widget')?.custom?.printerColumns).to.deep.equal([{name: 'Image', type: 'string', jsonPath: '.spec.image'}])
    a.create(widget('w1', {image: 'a'}))
    expect(a.get(lookupResource('widgets')!, 'default', 'w1').apiVersion).to.equal('example.com/v2')
    expect(a.list(lookupKind('example.com/v1', 'Widget')!, 'default').items.map((o) => o.apiVersion)).to.deep.equal(['example.com/v1'])
  })

  it('deletes the custom resources with their CRD, and stops serving the kind', () => {
    const a = api()
    a.create(crd())
    a.create(widget('w1', {}))
    a.delete(customResourceDefinitionType, '', 'widgets.example.com')
    expect(a.store.list('Widget').items).to.deep.equal([])
    expect(lookupResource('widgets')).to.equal(undefined)
    expect(failure(() => a.create(widget('w1', {})))).to.equal('Error from server (BadRequest): no matches for kind "Widget" in version "example.com/v1"')
  })

  it('serves a cluster-scoped kind without a namespace', () => {
    const a = api()
    a.create(crd({scope: 'Cluster'}))
    const w = a.create(widget('w1', {})).object
    expect(w.metadata.namespace).to.equal(undefined)
  })

  it('warns when a short name also matches a lower-priority group, and picks the group first by name', () => {
    const a = api()
    const warnings: string[] = []
    a.onWarning = (m) => warnings.push(m)
    a.create(crd({group: 'test.com', plural: 'examples', kind: 'Example', shortNames: ['exmp']}))
    a.create(crd({group: 'bar.com', plural: 'foos', kind: 'Foo', shortNames: ['exmp']}))
    expect(lookupResource('exmp')?.plural).to.equal('foos')
    expect(warnings).to.deep.equal(['short name "exmp" could also match lower priority resource examples.test.com'])
  })

  it('refuses, plainly, a kind another group already serves (ksim keeps objects by kind name)', () => {
    const a = api()
    a.create(crd())
    expect(failure(() => a.create(crd({group: 'other.io'})))).to.equal(
      'Error from server (BadRequest): ksim cannot serve kind "Widget" in group "other.io": the CustomResourceDefinition widgets.example.com already serves a kind of that name, and ksim keeps one kind per name',
    )
  })
})
