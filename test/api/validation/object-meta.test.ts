import {expect} from 'chai'

import {fieldErrorText} from '../../../src/api/errors.js'
import {validateObjectMeta, validateObjectMetaUpdate} from '../../../src/api/validation/object-meta.js'

const POD = {namespaced: true, nameValidator: 'subdomain'} as const
const texts = (errs: Parameters<typeof fieldErrorText>[0][]): string[] => errs.map((e) => fieldErrorText(e))

describe('validateObjectMeta', () => {
  it('accepts a plain namespaced object', () => {
    expect(validateObjectMeta({name: 'web', namespace: 'default'}, POD)).to.deep.equal([])
  })

  it('requires name or generateName', () => {
    expect(texts(validateObjectMeta({namespace: 'default'}, POD))).to.deep.equal(['metadata.name: Required value: name or generateName is required'])
    expect(validateObjectMeta({generateName: 'web-', namespace: 'default'}, POD)).to.deep.equal([])
  })

  it('reports an invalid name with the subdomain message', () => {
    expect(texts(validateObjectMeta({name: 'MyPod', namespace: 'default'}, POD))).to.deep.equal([
      `metadata.name: Invalid value: "MyPod": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')`,
    ])
  })

  it('validates a generateName prefix', () => {
    expect(texts(validateObjectMeta({generateName: 'Web-', namespace: 'default'}, POD))[0]).to.match(/^metadata\.generateName: Invalid value: "Web-": a lowercase RFC 1123 subdomain/)
  })

  it('uses the label rule for label-named kinds and forbids a namespace on cluster-scoped ones', () => {
    const ns = {namespaced: false, nameValidator: 'label'} as const
    expect(texts(validateObjectMeta({name: 'a.b'}, ns))).to.deep.equal(['metadata.name: Invalid value: "a.b": must not contain dots'])
    expect(texts(validateObjectMeta({name: 'n1', namespace: 'x'}, ns))).to.deep.equal(['metadata.namespace: Forbidden: not allowed on this type'])
  })

  it('requires a namespace for namespaced kinds', () => {
    expect(texts(validateObjectMeta({name: 'web'}, POD))).to.deep.equal(['metadata.namespace: Required value'])
  })

  it('reports label keys and values on metadata.labels', () => {
    expect(texts(validateObjectMeta({name: 'web', namespace: 'default', labels: {'a b': 'ok', app: 'x'.repeat(64)}}, POD))).to.deep.equal([
      `metadata.labels: Invalid value: "a b": name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')`,
      `metadata.labels: Invalid value: "${'x'.repeat(64)}": must be no more than 63 bytes`,
    ])
  })

  it('checks annotation keys case-insensitively and limits the total size', () => {
    expect(validateObjectMeta({name: 'web', namespace: 'default', annotations: {'Example.com/Key': 'v'}}, POD)).to.deep.equal([])
    const big = {a: 'x'.repeat(262144)}
    expect(texts(validateObjectMeta({name: 'web', namespace: 'default', annotations: big}, POD))).to.deep.equal([
      'metadata.annotations: Too long: may not be more than 262144 bytes',
    ])
  })

  it('requires every owner reference field and allows one controller', () => {
    const refs = [
      {apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'a', uid: '1', controller: true},
      {apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'b', uid: '2', controller: true},
      {apiVersion: '', kind: '', name: '', uid: ''},
    ]
    expect(texts(validateObjectMeta({name: 'web', namespace: 'default', ownerReferences: refs}, POD))).to.deep.equal([
      'metadata.ownerReferences: Invalid value: [{"apiVersion":"apps/v1","kind":"ReplicaSet","name":"a","uid":"1","controller":true},{"apiVersion":"apps/v1","kind":"ReplicaSet","name":"b","uid":"2","controller":true},{"apiVersion":"","kind":"","name":"","uid":""}]: Only one reference can have Controller set to true. Found "true" in references for ReplicaSet/a and ReplicaSet/b',
      'metadata.ownerReferences.apiVersion: Invalid value: "": version must not be empty',
      'metadata.ownerReferences.kind: Invalid value: "": must not be empty',
      'metadata.ownerReferences.name: Invalid value: "": must not be empty',
      'metadata.ownerReferences.uid: Invalid value: "": must not be empty',
    ])
  })

  it('requires finalizers to be qualified and fully qualified unless standard', () => {
    expect(validateObjectMeta({name: 'web', namespace: 'default', finalizers: ['kubernetes', 'example.com/x']}, POD)).to.deep.equal([])
    expect(texts(validateObjectMeta({name: 'web', namespace: 'default', finalizers: ['custom']}, POD))).to.deep.equal([
      'metadata.finalizers[0]: Invalid value: "custom": name is neither a standard finalizer name nor is it fully qualified',
    ])
  })
})

describe('validateObjectMetaUpdate', () => {
  const old = {name: 'web', namespace: 'default', uid: 'u1', creationTimestamp: '2026-01-01T00:00:00Z', generation: 2, resourceVersion: '5'}

  it('accepts an unchanged object', () => {
    expect(validateObjectMetaUpdate({...old}, old)).to.deep.equal([])
  })

  it('reports immutable identity fields as "field is immutable"', () => {
    expect(texts(validateObjectMetaUpdate({...old, uid: 'u2', creationTimestamp: '2026-02-01T00:00:00Z'}, old))).to.deep.equal([
      'metadata.uid: Invalid value: "u2": field is immutable',
      'metadata.creationTimestamp: Invalid value: "2026-02-01T00:00:00Z": field is immutable',
    ])
    const deleting = {...old, deletionTimestamp: '2026-03-01T00:00:30Z', deletionGracePeriodSeconds: 30}
    expect(texts(validateObjectMetaUpdate({...old}, deleting))).to.deep.equal([
      'metadata.deletionTimestamp: Invalid value: null: field is immutable',
      'metadata.deletionGracePeriodSeconds: Invalid value: null: field is immutable',
    ])
  })

  it('does not let generation go down', () => {
    expect(texts(validateObjectMetaUpdate({...old, generation: 1}, old))).to.deep.equal(['metadata.generation: Invalid value: 1: must not be decremented'])
  })

  it('forbids new finalizers once the object is being deleted', () => {
    const deleting = {...old, deletionTimestamp: '2026-03-01T00:00:30Z', finalizers: ['a.io/x']}
    expect(texts(validateObjectMetaUpdate({...deleting, finalizers: ['a.io/x', 'b.io/z', 'a.io/y']}, deleting))).to.deep.equal([
      'metadata.finalizers: Forbidden: no new finalizers can be added if the object is being deleted, found new finalizers []string{"a.io/y", "b.io/z"}',
    ])
    expect(validateObjectMetaUpdate({...deleting, finalizers: []}, deleting)).to.deep.equal([])
  })
})
