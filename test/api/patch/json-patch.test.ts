// RFC 6902 operations and evanphx/json-patch's error texts (checked against `kubectl patch --local --type json`).
import {expect} from 'chai'

import type {Json} from '../../../src/api/patch/merge-patch.js'

import {applyJsonPatch, decodeJsonPatch, JsonPatchError} from '../../../src/api/patch/json-patch.js'

const DOC: Json = {metadata: {name: 'p', labels: {a: 'b'}}, spec: {containers: [{name: 'c'}, {name: 'd'}]}}

const run = (ops: Json): Json => applyJsonPatch(DOC, decodeJsonPatch(ops))
const failure = (ops: Json): string => {
  try {
    run(ops)
  } catch (error) {
    expect(error).to.be.instanceOf(JsonPatchError)
    return (error as Error).message
  }
  throw new Error('patch was applied')
}

describe('JSON patch', () => {
  it('adds, removes, replaces, moves, copies and tests, leaving the input alone', () => {
    expect(run([{op: 'add', path: '/spec/containers/-', value: {name: 'z'}}, {op: 'add', path: '/spec/containers/0', value: {name: 'y'}}])).to.deep.equal({
      metadata: {name: 'p', labels: {a: 'b'}},
      spec: {containers: [{name: 'y'}, {name: 'c'}, {name: 'd'}, {name: 'z'}]},
    })
    expect(run([{op: 'test', path: '/metadata/name', value: 'p'}, {op: 'remove', path: '/spec/containers/0'}, {op: 'replace', path: '/metadata/labels/a', value: 'x'}])).to.deep.equal({
      metadata: {name: 'p', labels: {a: 'x'}},
      spec: {containers: [{name: 'd'}]},
    })
    expect(run([{op: 'move', from: '/spec/containers/0', path: '/spec/containers/1'}, {op: 'copy', from: '/metadata/labels', path: '/metadata/annotations'}])).to.deep.equal({
      metadata: {name: 'p', labels: {a: 'b'}, annotations: {a: 'b'}},
      spec: {containers: [{name: 'd'}, {name: 'c'}]},
    })
    // replace of a missing key in an object adds it (json-patch v4), ~1 is a slash
    expect(run([{op: 'replace', path: '/metadata/labels/x~1y', value: '1'}])).to.have.nested.property('metadata.labels.x/y', '1')
    expect(DOC).to.have.nested.property('spec.containers[0].name', 'c')
  })

  it('fails with json-patch texts', () => {
    expect(failure([{op: 'test', path: '/metadata/name', value: 'q'}])).to.equal('testing value /metadata/name failed: test failed')
    expect(failure([{op: 'remove', path: '/metadata/foo'}])).to.equal("error in remove for path: '/metadata/foo': Unable to remove nonexistent key: foo: missing value")
    expect(failure([{op: 'add', path: '/spec/containers/5', value: {}}])).to.equal("error in add for path: '/spec/containers/5': Unable to access invalid index: 5: invalid index referenced")
    expect(failure([{op: 'add', path: '/a/b/c', value: 1}])).to.equal('add operation does not apply: doc is missing path: "/a/b/c": missing value')
    expect(failure([{op: 'move', from: '/metadata/nope', path: '/metadata/x'}])).to.equal("error in move for path: 'nope': Unable to remove nonexistent key: nope: missing value")
    expect(failure([{op: 'add', value: 1}])).to.equal('add operation failed to decode path: missing value')
    expect(failure([{op: 'bogus', path: '/a'}])).to.equal('Unexpected kind: bogus')
    expect(failure({a: 1})).to.equal('json: cannot unmarshal object into Go value of type jsonpatch.Patch')
  })
})
