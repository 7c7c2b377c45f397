// encoding/json.Indent (prefix "", indent "  "), which kubectl's `apply view-last-applied -o json` uses
// on the stored annotation: the expected texts are what Go's json.Indent makes of each input.
import {expect} from 'chai'

import {goJsonIndent} from '../../src/machinery/go-format.js'

describe('goJsonIndent (encoding/json.Indent)', () => {
  it('puts each element on its own line, keeps key order, and leaves empty objects and arrays whole', () => {
    expect(goJsonIndent('{"b":1,"a":[1,{"x":"y"}],"e":{},"f":[]}', '  ')).to.equal('{\n  "b": 1,\n  "a": [\n    1,\n    {\n      "x": "y"\n    }\n  ],\n  "e": {},\n  "f": []\n}')
  })

  it('drops whitespace before and inside the value and keeps what trails it', () => {
    expect(goJsonIndent(' \n{ "a" : "b c" , "d":[ ] }\n', '  ')).to.equal('{\n  "a": "b c",\n  "d": []\n}\n')
  })

  it('copies strings as they are, escaped quotes, braces and commas included', () => {
    expect(goJsonIndent('{"k":"a\\"{,}:[\\\\","n":null}', '  ')).to.equal('{\n  "k": "a\\"{,}:[\\\\",\n  "n": null\n}')
  })
})
