import {expect} from 'chai'

import {asList as toPrintList} from '../../src/cli/print/objects.js'
import {printJson} from '../../src/printers/json.js'

describe('json printer', () => {
  it('sorts every key and indents with four spaces, as kubectl prints unstructured objects', () => {
    const obj = {kind: 'ConfigMap', apiVersion: 'v1', metadata: {namespace: 'default', name: 'cfg', creationTimestamp: '2026-07-01T12:00:00Z'}, data: {b: '2', a: '1'}}
    expect(printJson(obj)).to.equal(`{
    "apiVersion": "v1",
    "data": {
        "a": "1",
        "b": "2"
    },
    "kind": "ConfigMap",
    "metadata": {
        "creationTimestamp": "2026-07-01T12:00:00Z",
        "name": "cfg",
        "namespace": "default"
    }
}
`)
  })

  it('wraps zero or several objects in kubectl\'s List with an empty resourceVersion', () => {
    expect(printJson(toPrintList([]))).to.equal(`{
    "apiVersion": "v1",
    "items": [],
    "kind": "List",
    "metadata": {
        "resourceVersion": ""
    }
}
`)
  })

  it('escapes HTML characters and line separators as Go\'s encoder does, and keeps empty objects', () => {
    const obj = {a: '<b> & </b>', b: 'x\u2028y', c: {}, d: [], e: 'tab\tnl\n', f: 1.5, g: null, h: true}
    expect(printJson(obj)).to.equal(`{
    "a": "\\u003cb\\u003e \\u0026 \\u003c/b\\u003e",
    "b": "x\\u2028y",
    "c": {},
    "d": [],
    "e": "tab\\tnl\\n",
    "f": 1.5,
    "g": null,
    "h": true
}
`)
  })
})
