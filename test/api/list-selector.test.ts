import {expect} from 'chai'

import {configMapType} from '../../src/api/kinds/configmap.js'
import {selectorNeedles} from '../../src/api/list-filter.js'
import {useKindApi} from './kinds/kind-api.js'

// A list with a label selector: the store leaves out documents without the selector's `"key":"value"`
// text before parsing any; what it lets through is still matched exactly.
describe('list with a label selector', () => {
  const k = useKindApi(new Date('2026-07-01T10:00:00Z'))

  it('derives the text of each one-value requirement (in key order, as parsed), and none from the others or a bad selector', () => {
    expect(selectorNeedles('app=web,tier==front,env in (prod),x in (a,b),y!=z,w,!v')).to.deep.equal(['"app":"web"', '"env":"prod"', '"tier":"front"'])
    expect(selectorNeedles('example.com/part=a.b_c-d')).to.deep.equal(['"example.com/part":"a.b_c-d"'])
    expect(selectorNeedles('')).to.deep.equal([])
    expect(selectorNeedles('app=(')).to.deep.equal([])
  })

  it('lists exactly the matching objects, though the text also appears elsewhere in others', () => {
    const api = k.api()
    const cm = (name: string, labels: Record<string, string>, annotations: Record<string, string> = {}) =>
      api.create({apiVersion: 'v1', kind: 'ConfigMap', metadata: {name, namespace: 'default', labels, annotations}})
    cm('a', {app: 'web', tier: 'front'})
    cm('b', {app: 'db'}, {app: 'web'})
    cm('c', {app: 'web', tier: 'back'})
    const names = (selector: string) => api.list(configMapType, 'default', {labelSelector: selector}).items.map((o) => o.metadata.name)
    expect(names('app=web')).to.deep.equal(['a', 'c'])
    expect(names('app in (web),tier=front')).to.deep.equal(['a'])
    expect(names('app in (web,db),tier!=front')).to.deep.equal(['b', 'c'])
    expect(names('app=nothing')).to.deep.equal([])
    expect(k.failure(() => names('app=('))).to.match(/^Error from server \(BadRequest\): /)
  })
})
