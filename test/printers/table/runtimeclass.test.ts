import {expect} from 'chai'

import type {KObject} from '../../../src/api/types.js'
import {renderTable} from '../../../src/printers/table/index.js'
import {NOW, ago} from '../fixtures.js'

const rc = (name: string, handler: string, ageSeconds: number): KObject =>
  ({apiVersion: 'node.k8s.io/v1', kind: 'RuntimeClass', metadata: {name, creationTimestamp: ago(ageSeconds)}, handler}) as KObject

describe('RuntimeClass table', () => {
  const classes = [rc('gvisor', 'runsc', 3 * 3600), rc('kata-containers', 'kata', 45)]

  it('prints NAME HANDLER AGE, the same with -o wide', () => {
    const want = 'NAME              HANDLER   AGE\ngvisor            runsc     3h\nkata-containers   kata      45s\n'
    expect(renderTable(classes, {now: NOW})).to.equal(want)
    expect(renderTable(classes, {now: NOW, wide: true})).to.equal(want)
  })

  it('never gets a NAMESPACE column, and takes the kind prefix on NAME', () => {
    expect(renderTable(classes.slice(0, 1), {now: NOW, withNamespace: true, withKindPrefix: 'runtimeclass.node.k8s.io'})).to.equal(
      'NAME                              HANDLER   AGE\nruntimeclass.node.k8s.io/gvisor   runsc     3h\n',
    )
  })
})
