// A node's taints are checked as validateNodeTaints checks them: whatever writes them (taint, patch,
// apply, edit), a bad key, value or effect is refused with the API server's Invalid causes.
import {expect} from 'chai'

import {nodeType} from '../../../src/api/kinds/node.js'
import {Api} from '../../../src/api/server.js'
import {errorText} from '../../../src/cli/errors.js'
import {useTempStores} from '../../store/temp-store.js'

describe('Node taint validation', () => {
  const stores = useTempStores()
  function api(): Api {
    const a = new Api(stores.open())
    a.create({apiVersion: 'v1', kind: 'Node', metadata: {name: 'n1'}, spec: {}})
    return a
  }
  function failure(fn: () => unknown): string {
    try {
      fn()
    } catch (error) {
      return errorText(error)
    }
    throw new Error('expected an error')
  }
  const setTaints = (a: Api, taints: object[]) => () => a.modify(nodeType, '', 'n1', (o) => void (o.spec = {taints}))

  it('refuses a key that is not a label name, a value that is not a label value and an unknown effect', () => {
    const a = api()
    expect(failure(setTaints(a, [{key: 'a/b/c', effect: 'NoSchedule'}]))).to.match(/^The Node "n1" is invalid: spec\.taints\[0\]\.key: Invalid value: "a\/b\/c": a .* with an optional DNS subdomain prefix and '\/' \(e\.g\. 'example\.com\/MyName'\)$/)
    expect(failure(setTaints(a, [{key: 'ok', value: '-v', effect: 'NoSchedule'}]))).to.match(/^The Node "n1" is invalid: spec\.taints\[0\]\.value: Invalid value: "-v": a valid label must be an empty string or consist of /)
    expect(failure(setTaints(a, [{key: 'ok', effect: 'Sometimes'}]))).to.equal(
      'The Node "n1" is invalid: spec.taints[0].effect: Unsupported value: "Sometimes": supported values: "NoExecute", "NoSchedule", "PreferNoSchedule"',
    )
    expect(failure(setTaints(a, [{key: '', effect: 'NoSchedule'}]))).to.equal(
      'The Node "n1" is invalid: \n* spec.taints[0].key: Invalid value: "": name part must be non-empty\n' +
        "* spec.taints[0].key: Invalid value: \"\": name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')",
    )
    expect(a.get(nodeType, '', 'n1').spec).to.deep.equal({})
  })

  it('accepts prefixed keys, empty values and the three effects', () => {
    const a = api()
    const taints = [
      {key: 'example.com/a', value: '', effect: 'NoSchedule'},
      {key: 'b', value: 'v_1.x', effect: 'PreferNoSchedule'},
      {key: 'c', effect: 'NoExecute'},
    ]
    setTaints(a, taints)()
    expect((a.get(nodeType, '', 'n1').spec as {taints: unknown}).taints).to.deep.equal(taints)
  })
})
