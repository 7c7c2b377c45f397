import {expect} from 'chai'

import {formatName, groupOf, printNames} from '../../src/printers/name.js'

describe('name printer', () => {
  it('prints core kinds as kind/name and grouped kinds as kind.group/name', () => {
    expect(formatName('Pod', '', 'nginx')).to.equal('pod/nginx')
    expect(formatName('Deployment', 'apps', 'web')).to.equal('deployment.apps/web')
    expect(formatName('Pod', '', 'nginx', 'created')).to.equal('pod/nginx created')
  })

  it('takes the group from apiVersion', () => {
    expect(groupOf('apps/v1')).to.equal('apps')
    expect(groupOf('v1')).to.equal('')
  })

  it('prints one line per object for -o name', () => {
    const objs = [{apiVersion: 'v1', kind: 'Pod', metadata: {name: 'a'}}, {apiVersion: 'apps/v1', kind: 'ReplicaSet', metadata: {name: 'web-6b7f9c5d8'}}]
    expect(printNames(objs)).to.equal('pod/a\nreplicaset.apps/web-6b7f9c5d8\n')
  })
})
