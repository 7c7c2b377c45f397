import {expect} from 'chai'

import type {KObject} from '../../../src/api/types.js'

import {describerFor} from '../../../src/printers/describe/index.js'
import {renderTable} from '../../../src/printers/table/index.js'
import {NOW, ago, event} from '../fixtures.js'

const pdb = (name: string, spec: Record<string, unknown>, status: Record<string, unknown> = {}): KObject => ({
  apiVersion: 'policy/v1',
  kind: 'PodDisruptionBudget',
  metadata: {name, namespace: 'default', creationTimestamp: ago(600), uid: 'u1'},
  spec,
  status: {currentHealthy: 0, desiredHealthy: 0, disruptionsAllowed: 0, expectedPods: 0, ...status},
})

const web = pdb('web-pdb', {minAvailable: 2, selector: {matchLabels: {app: 'web'}}}, {currentHealthy: 3, desiredHealthy: 2, disruptionsAllowed: 1, expectedPods: 3})
const api = pdb('api', {maxUnavailable: '50%', selector: {matchExpressions: [{key: 'tier', operator: 'In', values: ['b', 'a']}]}})

describe('poddisruptionbudget printers', () => {
  it('prints the set bound and N/A for the other, with the allowed disruptions', () => {
    expect(renderTable([web, api], {now: NOW})).to.equal(
      'NAME      MIN AVAILABLE   MAX UNAVAILABLE   ALLOWED DISRUPTIONS   AGE\n' + 'web-pdb   2               N/A               1                     10m\n' + 'api       N/A             50%               0                     10m\n',
    )
    // no wide columns
    expect(renderTable([web], {now: NOW, wide: true})).to.equal(renderTable([web], {now: NOW}))
  })

  it('describes the bound, the selector and the status counts, then the events', () => {
    const ev = event('web-pdb.1', {involvedObject: {kind: 'PodDisruptionBudget', name: 'web-pdb', namespace: 'default'}, type: 'Normal', reason: 'NoPods', message: 'No matching pods found', source: {component: 'controllermanager'}, firstTimestamp: ago(30), lastTimestamp: ago(30)})
    expect(describerFor('PodDisruptionBudget')(web, {now: NOW, events: [ev]} as never)).to.equal(
      'Name:           web-pdb\n' +
        'Namespace:      default\n' +
        'Min available:  2\n' +
        'Selector:       app=web\n' +
        'Status:\n' +
        '    Allowed disruptions:  1\n' +
        '    Current:              3\n' +
        '    Desired:              2\n' +
        '    Total:                3\n' +
        'Events:\n' +
        '  Type    Reason  Age   From               Message\n' +
        '  ----    ------  ----  ----               -------\n' +
        '  Normal  NoPods  30s   controllermanager  No matching pods found\n',
    )
    expect(describerFor('PodDisruptionBudget')(api, {now: NOW, events: []} as never)).to.include('Max unavailable:  50%\nSelector:         tier in (a,b)\n')
    const unset = pdb('x', {minAvailable: 1})
    expect(describerFor('PodDisruptionBudget')(unset, {now: NOW, events: []} as never)).to.include('Selector:       <unset>\n')
  })
})
