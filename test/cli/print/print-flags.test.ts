import {expect} from 'chai'

import {printerFor} from '../../../src/cli/print/print-flags.js'
import {groupOf, nameKind} from '../../../src/printers/name.js'

describe('name printer', () => {
  it('prints core kinds as kind/name and grouped kinds as kind.group/name', () => {
    const line = (kind: string, apiVersion: string, name: string, operation?: string) => printerFor(undefined, {operation}).print({apiVersion, kind, metadata: {name}})
    expect(line('Pod', 'v1', 'nginx')).to.equal('pod/nginx\n')
    expect(line('Deployment', 'apps/v1', 'web')).to.equal('deployment.apps/web\n')
    expect(line('Pod', 'v1', 'nginx', 'created')).to.equal('pod/nginx created\n')
    expect(nameKind({kind: 'Deployment', group: 'apps'})).to.equal('deployment.apps')
  })

  it('takes the group from apiVersion', () => {
    expect(groupOf('apps/v1')).to.equal('apps')
    expect(groupOf('v1')).to.equal('')
  })

  it('prints one line per object for -o name, without the operation', () => {
    const objs = [{apiVersion: 'v1', kind: 'Pod', metadata: {name: 'a'}}, {apiVersion: 'apps/v1', kind: 'ReplicaSet', metadata: {name: 'web-6b7f9c5d8'}}]
    const printer = printerFor('name', {operation: 'created', dryRun: 'client'})
    expect(objs.map((o) => printer.print(o)).join('')).to.equal('pod/a\nreplicaset.apps/web-6b7f9c5d8\n')
  })

  it('adds the dry-run suffix to the operation and `---` between YAML documents', () => {
    const obj = {apiVersion: 'v1', kind: 'Pod', metadata: {name: 'a'}}
    expect(printerFor(undefined, {operation: 'scaled', dryRun: 'server'}).print(obj)).to.equal('pod/a scaled (server dry run)\n')
    const yaml = printerFor('yaml')
    expect(yaml.print(obj) + yaml.print(obj)).to.equal('apiVersion: v1\nkind: Pod\nmetadata:\n  name: a\n---\napiVersion: v1\nkind: Pod\nmetadata:\n  name: a\n')
  })
})
