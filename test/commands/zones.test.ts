import {expect} from 'chai'

import {Sandbox} from '../helpers/cli.js'

describe('ksim cluster create --zones and create node in a zonal cluster (API only)', function () {
  this.timeout(60_000)
  let sb: Sandbox
  beforeEach(() => {
    sb = new Sandbox('ksim-zones-', {KSIM_NO_RECONCILER: '1'})
  })
  afterEach(() => sb.cleanup())

  it('spreads the nodes over zone-a, zone-b, ... and puts a new node in the emptiest zone unless told', () => {
    expect(sb.run(['cluster', 'create', 'zonal', '--nodes', '5', '--zones', '3']).code).to.equal(0)
    const zones = () => sb.run(['get', 'nodes', '-L', 'topology.kubernetes.io/zone', '-L', 'topology.kubernetes.io/region', '--no-headers']).stdout.split('\n').filter(Boolean).map((l) => l.split(/\s+/).filter((_, i) => i === 0 || i >= 5).join(' '))
    expect(zones()).to.deep.equal(['zonal-control-plane zone-a region-1', 'zonal-worker zone-b region-1', 'zonal-worker2 zone-c region-1', 'zonal-worker3 zone-a region-1', 'zonal-worker4 zone-b region-1'])
    expect(sb.run(['create', 'node', 'extra']).code).to.equal(0)
    expect(sb.run(['create', 'node', 'pinned', '--labels', 'topology.kubernetes.io/zone=zone-b']).code).to.equal(0)
    expect(zones().slice(0, 2)).to.deep.equal(['extra zone-c region-1', 'pinned zone-b '])
  })

  it('leaves nodes without zone labels by default, and refuses a zone count out of range', () => {
    expect(sb.run(['get', 'nodes', '-o', 'jsonpath={.items[*].metadata.labels.topology\\.kubernetes\\.io/zone}']).stdout).to.equal('')
    const r = sb.run(['cluster', 'create', 'bad', '--zones', '27'])
    expect(r.code).to.equal(1)
    expect(r.stderr).to.equal('error: invalid argument "27" for "--zones" flag: expected an integer less than or equal to 26\nSee \'ksim cluster create --help\' for usage.\n')
  })
})
