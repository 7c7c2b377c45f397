import {expect} from 'chai'

import type {KObject} from '../../../src/api/types.js'

import {describerFor} from '../../../src/printers/describe/index.js'

const now = new Date('2026-07-01T10:00:00Z')

describe('describe configmap and secret', () => {
  it('prints every config map key with its value, then binary sizes and events', () => {
    const cm: KObject = {
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: {name: 'web-config', namespace: 'default', labels: {app: 'web'}},
      data: {'b.txt': 'two\nlines', a: '1'},
      binaryData: {logo: Buffer.from([0, 1, 2, 3]).toString('base64')},
    }
    expect(describerFor('ConfigMap')!(cm, {now, events: []})).to.equal(
      'Name:         web-config\n' +
        'Namespace:    default\n' +
        'Labels:       app=web\n' +
        'Annotations:  <none>\n' +
        '\n' +
        'Data\n' +
        '====\n' +
        'a:\n' +
        '----\n' +
        '1\n' +
        '\n' +
        'b.txt:\n' +
        '----\n' +
        'two\n' +
        'lines\n' +
        '\n' +
        '\n' +
        'BinaryData\n' +
        '====\n' +
        'logo: 4 bytes\n' +
        '\n' +
        'Events:  <none>\n',
    )
  })

  it('shows a secret\'s type and the size of each value, never the value', () => {
    const s: KObject = {
      apiVersion: 'v1',
      kind: 'Secret',
      metadata: {name: 'db', namespace: 'prod'},
      type: 'Opaque',
      data: {password: Buffer.from('s3cret!').toString('base64'), user: Buffer.from('admin').toString('base64')},
    }
    const text = describerFor('Secret')!(s, {now, events: []})
    expect(text).to.equal(
      'Name:         db\nNamespace:    prod\nLabels:       <none>\nAnnotations:  <none>\n\nType:  Opaque\n\nData\n====\npassword:  7 bytes\nuser:      5 bytes\n',
    )
    expect(text).not.to.contain('s3cret')
  })
})
