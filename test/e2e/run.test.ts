// `ksim run` with the real background reconciler: the pod it creates is scheduled and started.
import {expect} from 'chai'

import {Sandbox} from '../helpers/cli.js'

describe('ksim run end to end (real reconciler)', function () {
  this.timeout(120_000)
  let sb: Sandbox
  beforeEach(() => {
    sb = new Sandbox()
  })
  afterEach(() => sb.cleanup())

  it('runs the pod it creates to Running', () => {
    expect(sb.run(['run', 'web', '--image=nginx', '--port=80'])).to.deep.include({stdout: 'pod/web created\n', code: 0})
    expect(sb.run(['wait', '--for=condition=Ready', 'pod/web', '--timeout=60s'])).to.deep.include({stdout: 'pod/web condition met\n', code: 0})
    expect(sb.run(['get', 'pod', 'web', '--no-headers']).stdout).to.match(/^web +1\/1 +Running +0 +\d+s\n$/)
  })
})
