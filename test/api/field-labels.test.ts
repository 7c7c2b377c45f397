import {expect} from 'chai'

import {fieldSelectorString, parseFieldSelector} from '../../src/machinery/fields.js'
import {SelectorError} from '../../src/machinery/label-selector.js'
import {convertFieldSelector, fieldLabelErrorMessage, fieldSelectorSupported, groupVersionResourceString, listErrorMessage, matchFieldSelector, selectableFields} from '../../src/api/field-labels.js'

const parseError = (fn: () => unknown): string => {
  try {
    fn()
  } catch (e) {
    expect(e).to.be.instanceOf(SelectorError)
    return (e as Error).message
  }
  throw new Error('did not fail')
}

describe('field selectors', () => {
  const pod = {
    kind: 'Pod',
    metadata: {name: 'web-1', namespace: 'default'},
    spec: {nodeName: 'node-1', restartPolicy: 'Always', schedulerName: 'default-scheduler', serviceAccountName: 'default'},
    status: {phase: 'Running', podIP: '10.0.0.5', podIPs: [{ip: '10.0.0.5'}]},
  }

  it('parses =, == and != terms, sorted, with escapes', () => {
    const sel = parseFieldSelector('status.phase!=Running,metadata.name==a\\,b')
    expect(sel.requirements).to.deep.equal([
      {field: 'metadata.name', operator: '==', value: 'a,b'},
      {field: 'status.phase', operator: '!=', value: 'Running'},
    ])
    expect(fieldSelectorString(sel)).to.equal('metadata.name=a\\,b,status.phase!=Running')
  })

  it('rejects terms it cannot understand with fields.ParseSelector text', () => {
    expect(parseError(() => parseFieldSelector('foo'))).to.equal("invalid selector: 'foo'; can't understand 'foo'")
    expect(parseError(() => parseFieldSelector('a=b=c'))).to.equal('invalid field selector: unescaped character in value: 61')
    expect(parseError(() => parseFieldSelector('a=\\q'))).to.equal('invalid field selector: invalid escape sequence: \\q')
    expect(parseError(() => parseFieldSelector('a=b\\'))).to.equal('invalid field selector: invalid escape sequence: \\')
  })

  it('supports each kind’s own field labels', () => {
    expect(fieldSelectorSupported('Pod', 'spec.nodeName')).to.equal(true)
    expect(fieldSelectorSupported('Pod', 'status.podIP')).to.equal(true)
    expect(fieldSelectorSupported('Pod', 'spec.containers')).to.equal(false)
    expect(fieldSelectorSupported('Event', 'involvedObject.name')).to.equal(true)
    expect(fieldSelectorSupported('Secret', 'type')).to.equal(true)
    expect(fieldSelectorSupported('Node', 'metadata.namespace')).to.equal(false)
    expect(fieldSelectorSupported('ConfigMap', 'metadata.namespace')).to.equal(true)
    expect(fieldSelectorSupported('ConfigMap', 'data')).to.equal(false)
  })

  it('rejects unsupported fields with the API server message, the first in sorted order', () => {
    expect(parseError(() => convertFieldSelector('Pod', parseFieldSelector('zz=1,foo=bar')))).to.equal('field label not supported: foo')
    expect(fieldLabelErrorMessage('ConfigMap', 'foo')).to.equal('"foo" is not a known field selector: only "metadata.name", "metadata.namespace"')
  })

  it('matches pods on their selectable fields, spec.host meaning spec.nodeName', () => {
    const match = (text: string): boolean => matchFieldSelector(convertFieldSelector('Pod', parseFieldSelector(text)), pod)
    expect(match('status.phase=Running,spec.nodeName=node-1')).to.equal(true)
    expect(match('spec.host=node-1')).to.equal(true)
    expect(match('status.phase!=Running')).to.equal(false)
    expect(match('spec.hostNetwork=false')).to.equal(true)
    expect(match('status.nominatedNodeName=')).to.equal(true)
    expect(selectableFields(pod)['status.podIP']).to.equal('10.0.0.5')
  })

  it('words a rejected list as kubectl does', () => {
    const gvr = groupVersionResourceString('', 'v1', 'pods')
    expect(listErrorMessage(gvr, '', 'foo=bar', 'field label not supported: foo')).to.equal(
      'Unable to find "/v1, Resource=pods" that match label selector "", field selector "foo=bar": field label not supported: foo',
    )
    expect(listErrorMessage(groupVersionResourceString('apps', 'v1', 'deployments'), '', '', 'boom')).to.equal('Unable to list "apps/v1, Resource=deployments": boom')
  })
})
