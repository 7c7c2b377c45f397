// RFC 7386 JSON merge patch and the Go texts for bodies that are not JSON.
import {expect} from 'chai'

import {goSprint as goValue} from '../../../src/machinery/go-format.js'
import {GoJsonError, parseGoJson} from '../../../src/api/patch/go-json.js'
import {applyMergePatch} from '../../../src/api/patch/merge-patch.js'

describe('JSON merge patch', () => {
  it('merges objects, deletes on null, replaces lists and drops nulls inside new values', () => {
    const doc = {a: {b: 1, c: 2}, list: [1, 2], keep: true}
    expect(applyMergePatch(doc, {a: {b: null, d: {e: null, f: 1}}, list: [3]})).to.deep.equal({a: {c: 2, d: {f: 1}}, list: [3], keep: true})
    expect(doc).to.deep.equal({a: {b: 1, c: 2}, list: [1, 2], keep: true})
    expect(applyMergePatch(doc, [1])).to.deep.equal([1])
  })
})

describe('Go JSON decoding texts', () => {
  const error = (text: string) => {
    try {
      parseGoJson(text)
    } catch (error) {
      expect(error).to.be.instanceOf(GoJsonError)
      return (error as Error).message
    }
    throw new Error('parsed')
  }

  it("names the offending character and what Go's scanner expected", () => {
    expect(error('{bad')).to.equal("invalid character 'b' looking for beginning of object key string")
    expect(error('{"a" 1}')).to.equal("invalid character '1' after object key")
    expect(error('{"a":1 "b"')).to.equal(`invalid character '"' after object key:value pair`)
    expect(error('[1 2]')).to.equal("invalid character '2' after array element")
    expect(error('{"a":tru}')).to.equal("invalid character '}' in literal true (expecting 'e')")
    expect(error('{"a":1}x')).to.equal("invalid character 'x' after top-level value")
    expect(error('{"a":')).to.equal('unexpected end of JSON input')
    expect(parseGoJson(' {"a":[1,-2.5e3,"x\\n",null]} ')).to.deep.equal({a: [1, -2500, 'x\n', null]})
  })

  it("prints values as Go's %v does", () => {
    expect(goValue({b: [1, 'x', null], a: {c: true, d: 1.5}})).to.equal('map[a:map[c:true d:1.5] b:[1 x <nil>]]')
  })
})
