import {expect} from 'chai'

import {renderTable} from '../../../src/printers/table/index.js'
import {NOW} from '../fixtures.js'
import {deploymentObj, replicaSetObj} from '../workload-fixtures.js'

const old = replicaSetObj('7c6b5d4f9', 2, 2, 600, 'nginx:1.26')
const fresh = replicaSetObj('5d8f9c7b6', 2, 1, 30)

describe('deployment and replicaset tables', () => {
  it('prints READY as ready/desired with UP-TO-DATE and AVAILABLE for deployments', () => {
    expect(renderTable([deploymentObj], {now: NOW})).to.equal('NAME   READY   UP-TO-DATE   AVAILABLE   AGE\nweb    3/3     2            3           10m\n')
  })

  it('adds containers, images and the selector with -o wide', () => {
    expect(renderTable([deploymentObj], {now: NOW, wide: true})).to.equal(
      'NAME   READY   UP-TO-DATE   AVAILABLE   AGE   CONTAINERS   IMAGES               SELECTOR\n' +
        'web    3/3     2            3           10m   nginx,log    nginx:1.27,busybox   app=web\n',
    )
  })

  it('prints DESIRED CURRENT READY for replicasets, wide with the hash in the selector', () => {
    expect(renderTable([old, fresh], {now: NOW})).to.equal(
      'NAME            DESIRED   CURRENT   READY   AGE\n' + 'web-7c6b5d4f9   2         2         2       10m\n' + 'web-5d8f9c7b6   2         2         1       30s\n',
    )
    expect(renderTable([fresh], {now: NOW, wide: true})).to.equal(
      'NAME            DESIRED   CURRENT   READY   AGE   CONTAINERS   IMAGES               SELECTOR\n' +
        'web-5d8f9c7b6   2         2         1       30s   nginx,log    nginx:1.27,busybox   app=web,pod-template-hash=5d8f9c7b6\n',
    )
  })

  it('prefixes names with deployment.apps/ and replicaset.apps/ when kinds are mixed', () => {
    expect(renderTable([deploymentObj, fresh], {now: NOW, withKind: true})).to.equal(
      'NAME                  READY   UP-TO-DATE   AVAILABLE   AGE\ndeployment.apps/web   3/3     2            3           10m\n\n' +
        'NAME                            DESIRED   CURRENT   READY   AGE\nreplicaset.apps/web-5d8f9c7b6   2         2         1       30s\n',
    )
  })
})
