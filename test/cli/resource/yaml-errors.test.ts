// Malformed YAML is reported in go-yaml's words and with its line numbers, as kubectl reports it. Each
// expected text is what kubectl v1.32 prints for the same document (`kubectl create -f`).
import {expect} from 'chai'

import {decodeDocuments} from '../../../src/cli/resource/yaml-docs.js'

const CASES: [string, string][] = [
  ["a: b: c\n", "yaml: mapping values are not allowed in this context"],
  ["x: 1\na: b: c\n", "yaml: line 2: mapping values are not allowed in this context"],
  ["x: [1\n", "yaml: line 1: did not find expected ',' or ']'"],
  ["- a\nb: c\n", "yaml: line 1: did not find expected '-' indicator"],
  ["a:\n  b: 1\n c: 2\n", "yaml: line 2: did not find expected key"],
  ["a: {b: 1\n", "yaml: line 1: did not find expected ',' or '}'"],
  ["a: \"unterminated\n", "yaml: line 2: found unexpected end of stream"],
  ["a: 'unterminated\n", "yaml: line 2: found unexpected end of stream"],
  ["a:\n\tb: 1\n", "yaml: line 2: found character that cannot start any token"],
  ["a: 1\n- b\n", "yaml: line 1: did not find expected key"],
  ["a: [1, {b: 2]\n", "yaml: did not find expected ',' or '}'"],
  ["apiVersion: v1\nkind: Pod\nmetadata:\n  name: x\n  labels:\n    a: b\n   c: d\n", "yaml: line 6: did not find expected key"],
  ["a: @foo\n", "yaml: found character that cannot start any token"],
  ["a: `x`\n", "yaml: found character that cannot start any token"],
  ["a: b\n  c: d\n", "yaml: line 2: mapping values are not allowed in this context"],
  ["key: value\nother\n", "yaml: line 3: could not find expected ':'"],
  ["[1, 2\n", "yaml: line 1: did not find expected ',' or ']'"],
  ["a: *unknown\n", "yaml: unknown anchor 'unknown' referenced"],
  ["a: \"x\\qy\"\n", "yaml: found unknown escape character"],
  ["a:\n  - b\n  c: d\n", "yaml: line 2: did not find expected '-' indicator"],
  ["a: |\n  x\n b: 1\n", "yaml: line 2: did not find expected key"],
  ["a: [1]]\n", "yaml: did not find expected key"],
  ["- a\n- b: c\n  d\n", "yaml: line 4: could not find expected ':'"],
  ["a: 1\n  b: 2\n", "yaml: line 2: mapping values are not allowed in this context"],
  ["\"a\": 1\n\"b\" 2\n", "yaml: line 3: could not find expected ':'"],
  ['kind: [\n', 'yaml: line 1: did not find expected node content'],
  ['a: [1,\n', 'yaml: line 1: did not find expected node content'],
  // a tab continuing a plain scalar (from the Kubernetes docs corpus, as kubectl reports it)
  ['a:\n  - type: DisruptionTarget\n\tstatus: "True"\n', 'yaml: line 3: found a tab character that violates indentation'],
  // line numbers count from the start of the broken document
  ['a: 1\n---\nb: 2\nc: d: e\n', 'yaml: line 2: mapping values are not allowed in this context'],
]

describe('decodeDocuments on malformed YAML', () => {
  for (const [text, expected] of CASES) {
    it(`${JSON.stringify(text)} → ${expected}`, () => {
      const docs = decodeDocuments(text)
      expect(docs.at(-1)?.error).to.equal(expected)
    })
  }
})

describe('decodeDocuments on a key given twice', () => {
  it('keeps the last value, as sigs.k8s.io/yaml\'s YAMLToJSON does (kubectl 1.35 creates the object; the server never sees the first)', () => {
    expect(decodeDocuments('spec:\n  replicas: 3\n  replicas: 4\n  x: {a: 1, a: 2}\n')).to.deep.equal([{value: {spec: {replicas: 4, x: {a: 2}}}}])
  })
})
