// The plaintext explain renderer on a small hand-made OpenAPI v3 document, and go-wordwrap's wrapping.
// (test/e2e/explain-kubectl.test.ts compares the renderer with the real kubectl on ksim's full documents.)
import {expect} from 'chai'

import {ExplainError, explainPlaintext} from '../../../src/printers/explain/plaintext.js'
import {wrapString} from '../../../src/printers/explain/word-wrap.js'

const ref = (name: string) => ({$ref: `#/components/schemas/${name}`})
const DOC = {
  paths: {
    '/apis/example.io/v1/namespaces/{namespace}/widgets/{name}': {put: {'x-kubernetes-group-version-kind': {group: 'example.io', version: 'v1', kind: 'Widget'}}},
  },
  components: {
    schemas: {
      'io.example.v1.Widget': {
        description: 'Widget is a thing.',
        type: 'object',
        required: ['spec'],
        properties: {
          spec: {allOf: [ref('io.example.v1.WidgetSpec')], default: {}, description: 'The spec.'},
          tags: {type: 'array', items: {type: 'string'}},
          notes: {type: 'object', additionalProperties: {type: 'string'}, description: 'Notes.'},
        },
        'x-kubernetes-group-version-kind': [{group: 'example.io', version: 'v1', kind: 'Widget'}],
      },
      'io.example.v1.WidgetSpec': {
        description: 'WidgetSpec is what a widget wants.',
        type: 'object',
        properties: {
          mode: {type: 'string', enum: ['', 'Fast', 'Slow', 'Off', 'On', 'Auto'], description: 'How it runs.'},
          child: {allOf: [ref('io.example.v1.WidgetSpec')], description: 'A nested spec.'},
        },
      },
    },
  },
}
const target = {group: 'example.io', version: 'v1', resource: 'widgets'}

describe('explain plaintext', () => {
  it('prints the resource: header, description and each field with type, -required- and description', () => {
    expect(explainPlaintext(DOC, target, [], false)).to.equal(
      'GROUP:      example.io\nKIND:       Widget\nVERSION:    v1\n\nDESCRIPTION:\n    Widget is a thing.\n    \nFIELDS:\n' +
        '  notes\t<map[string]string>\n    Notes.\n\n' +
        '  spec\t<WidgetSpec> -required-\n    The spec.\n\n' +
        '  tags\t<[]string>\n    <no description>\n\n\n',
    )
  })

  it('follows a field path, prints its enum and stops recursion at a cycle', () => {
    expect(explainPlaintext(DOC, target, ['spec', 'mode'], false)).to.equal(
      'GROUP:      example.io\nKIND:       Widget\nVERSION:    v1\n\nFIELD: mode <string>\nENUM:\n    ""\n    Fast\n    Slow\n    Off\n    On\n    Auto\n\nDESCRIPTION:\n    How it runs.\n    \n\n',
    )
    expect(explainPlaintext(DOC, target, ['spec'], true)).to.equal(
      'GROUP:      example.io\nKIND:       Widget\nVERSION:    v1\n\nFIELD: spec <WidgetSpec>\n\n\nDESCRIPTION:\n    The spec.\n    WidgetSpec is what a widget wants.\n    \nFIELDS:\n' +
        '  child\t<WidgetSpec>\n  mode\t<string>\n  enum: "", Fast, Slow, Off, ....\n\n',
    )
  })

  it('names the missing field (the last of the path) after the header, and an unknown resource', () => {
    const err = (() => {
      try {
        explainPlaintext(DOC, target, ['spec', 'nope', 'deeper'], false)
      } catch (e) {
        return e as ExplainError
      }
    })()!
    expect(err.message).to.equal('error: field "deeper" does not exist')
    expect(err.written).to.equal('GROUP:      example.io\nKIND:       Widget\nVERSION:    v1\n\n')
    expect(() => explainPlaintext(DOC, {...target, resource: 'gadgets'}, [], false)).to.throw('error: GVR (example.io/v1, Resource=gadgets) not found in OpenAPI schema')
  })

  it('wraps as go-wordwrap: at spaces, a longer word on its own line, newlines kept', () => {
    expect(wrapString('aaa bbb ccc', 7)).to.equal('aaa bbb\nccc')
    expect(wrapString('a verylongwordhere b', 5)).to.equal('a\nverylongwordhere\nb')
    expect(wrapString('one\n\ntwo three', 5)).to.equal('one\n\ntwo\nthree')
  })
})
