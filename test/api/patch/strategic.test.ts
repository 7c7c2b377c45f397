// Strategic merge patch against what kubectl 1.32's strategicpatch produces for the same input
// (each expectation was checked with `kubectl patch --local -f pod.yaml -p ... -o json`).
import {expect} from 'chai'

import type {Json} from '../../../src/api/patch/merge-patch.js'

import {strategicMergePatch, StrategicPatchError} from '../../../src/api/patch/strategic.js'

type Obj = {[k: string]: Json}

const POD: Obj = {
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: {name: 'p', finalizers: ['a', 'b'], labels: {app: 'x'}},
  spec: {
    tolerations: [{key: 'k1', operator: 'Exists'}],
    containers: [
      {name: 'a', image: 'a', ports: [{containerPort: 80}, {containerPort: 81}], args: ['x', 'y']},
      {name: 'b', image: 'b'},
      {name: 'c', image: 'c'},
    ],
  },
}

const patch = (p: Obj): Obj => strategicMergePatch(POD, p, 'core/v1.Pod')
const spec = (o: Obj) => o.spec as Obj
const names = (o: Obj) => (spec(o).containers as Obj[]).map((c) => `${c.name}:${c.image}`)

describe('strategic merge patch', () => {
  it('merges containers by name: patched ones in the patch order, the others where the server had them', () => {
    expect(names(patch({spec: {containers: [{name: 'z', image: 'z'}]}}))).to.deep.equal(['z:z', 'a:a', 'b:b', 'c:c'])
    expect(names(patch({spec: {containers: [{name: 'z', image: 'z'}, {name: 'b', image: 'bb'}]}}))).to.deep.equal(['z:z', 'a:a', 'b:bb', 'c:c'])
    expect(names(patch({spec: {containers: [{name: 'c', image: 'cc'}, {name: 'a', image: 'aa'}]}}))).to.deep.equal(['b:b', 'c:cc', 'a:aa'])
    expect(names(patch({spec: {containers: [{name: 'c', image: 'c3'}, {name: 'y', image: 'y'}, {name: 'a', image: 'a3'}]}}))).to.deep.equal(['b:b', 'c:c3', 'y:y', 'a:a3'])
  })

  it('merges inside a matched item: ports by containerPort, args (atomic) replaced, null deletes a field', () => {
    const out = patch({spec: {containers: [{name: 'a', image: null, ports: [{containerPort: 82}], args: ['z']}]}})
    expect((spec(out).containers as Obj[])[0]).to.deep.equal({name: 'a', ports: [{containerPort: 82}, {containerPort: 80}, {containerPort: 81}], args: ['z']})
    expect(POD.spec).to.have.nested.property('containers[0].image', 'a')
  })

  it('replaces lists without a merge strategy (tolerations) and merges maps key by key', () => {
    const out = patch({metadata: {labels: {app: null, tier: 'web'}}, spec: {tolerations: [{key: 'k2', operator: 'Exists'}]}})
    expect(spec(out).tolerations).to.deep.equal([{key: 'k2', operator: 'Exists'}])
    expect((out.metadata as Obj).labels).to.deep.equal({tier: 'web'})
  })

  it('honours $patch delete and replace in lists and maps', () => {
    expect(names(patch({spec: {containers: [{name: 'b', $patch: 'delete'}]}}))).to.deep.equal(['a:a', 'c:c'])
    expect(names(patch({spec: {containers: [{$patch: 'replace'}, {name: 'q', image: 'q'}]}}))).to.deep.equal(['q:q'])
    expect(spec(patch({spec: {containers: {$patch: 'delete'}}}))).to.deep.equal({tolerations: [{key: 'k1', operator: 'Exists'}]})
    expect(spec(patch({spec: {$patch: 'replace', containers: [{name: 'r', image: 'r'}]}}))).to.deep.equal({containers: [{name: 'r', image: 'r'}]})
    const ports = patch({spec: {containers: [{name: 'a', ports: [{containerPort: 80, $patch: 'delete'}]}]}})
    expect((spec(ports).containers as Obj[])[0].ports).to.deep.equal([{containerPort: 81}])
  })

  it('merges primitive lists by value and honours $deleteFromPrimitiveList and $setElementOrder', () => {
    const fin = (p: Obj) => (patch({metadata: p}).metadata as Obj).finalizers
    expect(fin({finalizers: ['c', 'a']})).to.deep.equal(['c', 'a', 'b'])
    expect(fin({'$deleteFromPrimitiveList/finalizers': ['a']})).to.deep.equal(['b'])
    expect(fin({'$setElementOrder/finalizers': ['b', 'a']})).to.deep.equal(['b', 'a'])
    expect(names(patch({spec: {'$setElementOrder/containers': [{name: 'c'}, {name: 'a'}, {name: 'b'}]}}))).to.deep.equal(['c:c', 'a:a', 'b:b'])
    const ordered = patch({spec: {containers: [{name: 'b', image: 'b2'}], '$setElementOrder/containers': [{name: 'c'}, {name: 'b'}, {name: 'a'}]}})
    expect(names(ordered)).to.deep.equal(['c:c', 'b:b2', 'a:a'])
  })

  it('takes a value of another type as it is', () => {
    expect(spec(patch({spec: {containers: 'str'}})).containers).to.equal('str')
  })

  it('refuses what strategicpatch refuses, with its words', () => {
    const refusal = (p: Obj) => {
      try {
        patch(p)
      } catch (error) {
        expect(error).to.be.instanceOf(StrategicPatchError)
        return `${(error as StrategicPatchError).status}: ${(error as Error).message}`
      }
      throw new Error('patch was accepted')
    }
    expect(refusal({spec: {containers: [{image: 'noname'}]}})).to.equal('Unknown: map: map[image:noname] does not contain declared merge key: name')
    expect(refusal({spec: {$patch: 'bogus'}})).to.equal('Unknown: unknown patch type: bogus in map: map[$patch:bogus]')
    expect(refusal({spec: {containers: [{name: 'a', $patch: 'bogus'}]}})).to.equal('Unknown: unknown patch type: bogus in map: map[$patch:bogus name:a]')
    expect(refusal({spec: {containers: [{name: 'a', $patch: 'merge'}]}})).to.equal('Unknown: merging lists cannot yet be specified in the patch')
    expect(refusal({metadata: {'$deleteFromPrimitiveList/finalizers': 'a'}})).to.equal('BadRequest: invalid patch format of primitive list')
  })
})
