// Manifest bytes that are not UTF-8: go-yaml names the first bad sequence of a YAML document; Go's
// encoding/json (a stream that opens with `{`) reads each bad byte as U+FFFD.
import {expect} from 'chai'

import {decodeInput} from '../../../src/cli/resource/utf8-input.js'
import {decodeDocuments} from '../../../src/cli/resource/yaml-docs.js'

const yamlWith = (bytes: number[]) => decodeDocuments(decodeInput(Buffer.concat([Buffer.from('a: x'), Buffer.from(bytes), Buffer.from('y\n')])))

describe('manifest bytes that are not UTF-8', () => {
  it('decodes valid UTF-8 as it is', () => {
    expect(decodeInput(Buffer.from('café ✓ 😀'))).to.equal('café ✓ 😀')
    expect(decodeDocuments(decodeInput(Buffer.from('a: café\n')))).to.deep.equal([{value: {a: 'café'}}])
  })

  it("names go-yaml's problem with the first bad sequence of a YAML document", () => {
    expect(yamlWith([0xff])).to.deep.equal([{error: 'yaml: invalid leading UTF-8 octet'}])
    expect(yamlWith([0x80])).to.deep.equal([{error: 'yaml: invalid leading UTF-8 octet'}])
    expect(yamlWith([0xc3, 0x41])).to.deep.equal([{error: 'yaml: invalid trailing UTF-8 octet'}])
    expect(yamlWith([0xc0, 0x80])).to.deep.equal([{error: 'yaml: invalid length of a UTF-8 sequence'}])
    expect(yamlWith([0xed, 0xa0, 0x80])).to.deep.equal([{error: 'yaml: invalid Unicode character'}])
    expect(yamlWith([0xf4, 0x90, 0x80, 0x80])).to.deep.equal([{error: 'yaml: invalid Unicode character'}])
    expect(decodeDocuments(decodeInput(Buffer.from([0x61, 0x3a, 0x20, 0xe2, 0x82])))).to.deep.equal([{error: 'yaml: incomplete UTF-8 octet sequence'}])
  })

  it('keeps the documents before the bad one, as kubectl creates them', () => {
    const text = decodeInput(Buffer.concat([Buffer.from('a: 1\n---\nb: '), Buffer.from([0xff]), Buffer.from('\n---\nc: 3\n')]))
    expect(decodeDocuments(text)).to.deep.equal([{value: {a: 1}}, {error: 'yaml: invalid leading UTF-8 octet'}])
  })

  it('reads a JSON stream as encoding/json does: each bad byte becomes U+FFFD', () => {
    const text = decodeInput(Buffer.concat([Buffer.from('{"a": "caf'), Buffer.from([0xe9]), Buffer.from('"}')]))
    expect(decodeDocuments(text)).to.deep.equal([{value: {a: 'caf\ufffd'}, json: '{"a": "caf\ufffd"}'}])
  })

  it("refuses an anchor that holds an alias of itself in go-yaml's words, and still allows shared aliases", () => {
    expect(decodeDocuments('a: &a\n  b: *a\n')).to.deep.equal([{error: "yaml: anchor 'a' value contains itself"}])
    expect(decodeDocuments('x: [&l [1, *l]]\n')).to.deep.equal([{error: "yaml: anchor 'l' value contains itself"}])
    expect(decodeDocuments('a: &a {k: v}\nb: *a\nc: [*a, *a]\n')).to.deep.equal([{value: {a: {k: 'v'}, b: {k: 'v'}, c: [{k: 'v'}, {k: 'v'}]}}])
  })
})
