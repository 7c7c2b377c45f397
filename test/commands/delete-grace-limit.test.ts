// A grace period at the top of int64: the API server multiplies it into a Go time.Duration, which wraps
// around, so the deletion is accepted and the pod shows Terminating; ksim used to fail with JavaScript's
// "Invalid time value".
import {expect} from 'chai'

import {Sandbox} from '../helpers/cli.js'

describe('delete --grace-period at the int64 limit', function () {
  this.timeout(60_000)
  let sb: Sandbox
  before(() => {
    sb = new Sandbox('ksim-grace-limit-', {KSIM_NO_RECONCILER: '1'})
  })
  after(() => sb.cleanup())

  it('deletes gracefully, without a JavaScript error', () => {
    const pod = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  nodeName: ksim-worker\n  containers:\n  - name: c\n    image: nginx\n'
    expect(sb.run(['create', '-f', sb.write('p.yaml', pod)]).stdout).to.equal('pod/p created\n')
    expect(sb.run(['delete', 'pod', 'p', '--wait=false', '--grace-period=9223372036854775807'])).to.deep.equal({stdout: 'pod "p" deleted from default namespace\n', stderr: '', code: 0})
    expect(sb.run(['get', 'pod', 'p', '--no-headers']).stdout).to.match(/^p +0\/1 +Terminating +0 +\d+s\n$/)
    const ts = sb.run(['get', 'pod', 'p', '-o', 'jsonpath={.metadata.deletionTimestamp}']).stdout
    expect(Math.abs(Date.parse(ts) - Date.now())).to.be.below(30_000)
  })
})
