import {expect} from 'chai'

import {splitJsonStream} from '../../../src/cli/resource/json-stream.js'
import {decodeDocuments} from '../../../src/cli/resource/yaml-docs.js'

describe('JSON streams as kubectl decodes them', () => {
  it('takes objects back to back, with braces and escaped quotes inside strings', () => {
    const text = '{"kind":"Service","metadata":{"name":"a{"}}\n{"kind":"ReplicationController","metadata":{"name":"b\\"}"}}\n'
    expect(splitJsonStream(text)).to.deep.equal({values: ['{"kind":"Service","metadata":{"name":"a{"}}', '{"kind":"ReplicationController","metadata":{"name":"b\\"}"}}'], rest: ''})
    expect(decodeDocuments(text).map((d) => d.value)).to.deep.equal([
      {kind: 'Service', metadata: {name: 'a{'}},
      {kind: 'ReplicationController', metadata: {name: 'b"}'}},
    ])
  })

  it('leaves what follows the last whole object to the YAML reader: `---` documents, or a broken object', () => {
    // the JSON value keeps its own text (decoder errors quote it); the YAML document has none
    expect(decodeDocuments('{"a": 1}\n---\nb: 2\n')).to.deep.equal([{value: {a: 1}, json: '{"a": 1}'}, {value: {b: 2}}])
    expect(splitJsonStream('{"a": 1}\n{"b": ').rest).to.equal('\n{"b": ')
    const broken = decodeDocuments('{"a": 1}\n{"b": ')
    expect(broken[0]).to.deep.equal({value: {a: 1}, json: '{"a": 1}'})
    expect(broken[1].error).to.be.a('string')
  })
})
