import {expect} from 'chai'

import {CliError} from '../../../src/cli/errors.js'
import {conflictingTaints, existingKeys, parseTaints, reorganizeTaints, splitTaintArgs, taintText} from '../../../src/cli/verbs/taint-spec.js'

const failure = (f: () => unknown): {message: string; usage: boolean} => {
  try {
    f()
  } catch (error) {
    if (error instanceof CliError) return {message: error.message, usage: error.usage}
    throw error
  }
  throw new Error('no error')
}

describe('taint arguments (kubectl taint/utils.go)', () => {
  it('takes an argument with =, : or a trailing - as a change, and nothing after the changes as a resource', () => {
    expect(splitTaintArgs(['nodes', 'a', 'b', 'k=v:NoSchedule', 'k:NoExecute', 'x-'])).to.deep.equal({resources: ['nodes', 'a', 'b'], specs: ['k=v:NoSchedule', 'k:NoExecute', 'x-']})
    // label's rule would take `k:NoSchedule` for a resource; taint's does not
    expect(splitTaintArgs(['nodes', 'a', 'k:NoSchedule']).specs).to.deep.equal(['k:NoSchedule'])
    expect(failure(() => splitTaintArgs(['nodes', 'a', 'k=v:NoSchedule', 'b']))).to.deep.equal({message: 'all resources must be specified before taint changes: b', usage: false})
  })

  it('parses the three forms, keeping the value only when there is one', () => {
    expect(parseTaints(['a=b:NoSchedule', 'example.com/c:NoExecute', 'd-', 'e:PreferNoSchedule-', 'f=g:NoSchedule-'])).to.deep.equal({
      add: [
        {key: 'a', value: 'b', effect: 'NoSchedule'},
        {key: 'example.com/c', effect: 'NoExecute'},
      ],
      remove: [
        {key: 'd', effect: ''},
        {key: 'e', effect: 'PreferNoSchedule'},
        {key: 'f', effect: 'NoSchedule'},
      ],
    })
  })

  it("refuses bad specs with kubectl's usage errors", () => {
    expect(failure(() => parseTaints(['a:Foo']))).to.deep.equal({message: 'invalid taint effect: Foo, unsupported taint effect', usage: true})
    expect(failure(() => parseTaints(['a=b:']))).to.deep.equal({message: 'invalid taint effect: , unsupported taint effect', usage: true})
    expect(failure(() => parseTaints(['a=b=c:NoSchedule'])).message).to.equal('invalid taint spec: a=b=c:NoSchedule')
    expect(failure(() => parseTaints(['a:NoSchedule:x-'])).message).to.equal('invalid taint spec: a:NoSchedule:x')
    expect(failure(() => parseTaints(['a=b'])).message).to.match(/^invalid taint spec: a=b, name part must consist of alphanumeric characters/)
    expect(failure(() => parseTaints([':NoSchedule'])).message).to.match(/^invalid taint spec: :NoSchedule, name part must be non-empty; name part must consist/)
    expect(failure(() => parseTaints([`a=${'v'.repeat(64)}:NoSchedule`])).message).to.equal(`invalid taint spec: a=${'v'.repeat(64)}:NoSchedule, must be no more than 63 bytes`)
    expect(failure(() => parseTaints(['a=b:NoSchedule', 'a=c:NoSchedule']))).to.deep.equal({message: 'duplicated taints with the same key and effect: {a c NoSchedule <nil>}', usage: true})
    expect(failure(() => parseTaints(['a:NoSchedule', 'a:NoSchedule'])).message).to.equal('duplicated taints with the same key and effect: {a  NoSchedule <nil>}')
  })

  it('names the taints both added and removed as key=effect', () => {
    const {add, remove} = parseTaints(['a=b:NoSchedule', 'a-', 'b=c:NoExecute', 'b:NoExecute-', 'b:NoSchedule-'])
    expect(conflictingTaints(add, remove)).to.deep.equal(['a=', 'b=NoExecute'])
  })

  it('prints a taint as v1.Taint.ToString does', () => {
    expect(taintText({key: 'a', effect: ''})).to.equal('a')
    expect(taintText({key: 'a', effect: 'NoSchedule'})).to.equal('a:NoSchedule')
    expect(taintText({key: 'a', value: 'b', effect: 'NoExecute'})).to.equal('a=b:NoExecute')
  })

  it('puts added taints first, keeps the others in order, and names the operation as kubectl does', () => {
    const old = [
      {key: 'x', effect: 'NoSchedule'},
      {key: 'y', value: '1', effect: 'NoExecute', timeAdded: '2026-01-01T00:00:00Z'},
    ]
    expect(reorganizeTaints(old, false, [{key: 'a', effect: 'NoSchedule'}], [])).to.deep.equal({taints: [{key: 'a', effect: 'NoSchedule'}, ...old], operation: 'tainted', notFound: []})
    expect(reorganizeTaints(old, false, [], [{key: 'x', effect: ''}])).to.deep.equal({taints: [old[1]], operation: 'untainted', notFound: []})
    expect(reorganizeTaints(old, false, [{key: 'a', effect: 'NoSchedule'}], [{key: 'y', effect: 'NoExecute'}]).operation).to.equal('modified')
    // --overwrite says modified whatever happened; the replaced taint loses its timeAdded
    expect(reorganizeTaints(old, true, [{key: 'y', value: '2', effect: 'NoExecute'}], [])).to.deep.equal({
      taints: [{key: 'y', value: '2', effect: 'NoExecute'}, old[0]],
      operation: 'modified',
      notFound: [],
    })
    expect(reorganizeTaints(old, false, [], [{key: 'x', effect: 'NoExecute'}, {key: 'z', effect: ''}]).notFound).to.deep.equal(['taint "x:NoExecute" not found', 'taint "z" not found'])
  })

  it('finds the keys of taints to add that the node has with the same effect', () => {
    const old = [
      {key: 'x', effect: 'NoSchedule'},
      {key: 'y', effect: 'NoExecute'},
    ]
    expect(existingKeys(old, [{key: 'x', effect: 'NoSchedule'}, {key: 'y', effect: 'NoSchedule'}, {key: 'y', effect: 'NoExecute'}])).to.deep.equal(['x', 'y'])
  })
})
