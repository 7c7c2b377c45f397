import {expect} from 'chai'

import {isStatusError} from '../../../src/api/errors.js'
import {goKeyOrder} from '../../../src/api/schema/decoder.js'
import {checkFields, decodeFields, strictDecodingMessage, unknownFieldWarnings} from '../../../src/api/schema/strict.js'

type Obj = Record<string, unknown>

const pod = (spec: Obj, extra: Obj = {}): Obj => ({apiVersion: 'v1', kind: 'Pod', metadata: {name: 'web'}, spec, ...extra})
const web = (extra: Obj = {}): Obj => ({name: 'web', image: 'nginx', ...extra})

/** The message kube-apiserver answers a create of `obj` with (Strict), or undefined when accepted. */
function message(obj: Obj): string | undefined {
  return strictDecodingMessage(obj.kind as string, obj.apiVersion as string, checkFields(obj.kind as string, obj.apiVersion as string, obj))
}

describe('strict field validation: unknown fields', () => {
  it('reports unknown fields with their full paths, array indexes included', () => {
    expect(message(pod({containers: [web({imagee: 'nginx'})], foo: 1}))).to.equal(
      'Pod in version "v1" cannot be handled as a Pod: strict decoding error: unknown field "spec.containers[0].imagee", unknown field "spec.foo"',
    )
  })

  it('reports them in the order of the sorted keys kubectl sends, whatever the manifest order', () => {
    const obj = {spec: {foo: 1, containers: [web({zz: 1, aa: 2})]}, metadata: {name: 'web', labelz: {}}, extra: true, kind: 'Pod', apiVersion: 'v1'}
    expect(checkFields('Pod', 'v1', obj).unknown).to.deep.equal(['extra', 'metadata.labelz', 'spec.containers[0].aa', 'spec.containers[0].zz', 'spec.foo'])
  })

  it('sorts keys by code point, as Go sorts UTF-8 map keys', () => {
    expect(['spec', 'Spec', '😀', '\uff01', 'apiVersion'].sort(goKeyOrder)).to.deep.equal(['Spec', 'apiVersion', 'spec', '\uff01', '😀'])
  })

  it('matches field names case-sensitively and reports only the top of an unknown subtree', () => {
    expect(checkFields('Pod', 'v1', pod({containers: [web({Image: 'x', probe: {httpGet: {port: 'x'}}})]})).unknown).to.deep.equal([
      'spec.containers[0].Image',
      'spec.containers[0].probe',
    ])
  })

  it('walks pod templates inside workloads with the apps group version', () => {
    const deploy = {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: {name: 'web', labels: {app: 'nginx'}},
      spec: {
        unknown1: 'val1',
        paused: true,
        selector: {matchLabels: {app: 'nginx'}},
        template: {metadata: {labels: {app: 'nginx'}}, spec: {containers: [web({unknownNested: 'val1', imagePullPolicy: 'Always'})]}},
      },
    }
    expect(message(deploy)).to.equal(
      'Deployment in version "v1" cannot be handled as a Deployment: strict decoding error: unknown field "spec.template.spec.containers[0].unknownNested", unknown field "spec.unknown1"',
    )
  })

  it('does not check the keys of maps such as labels and nodeSelector', () => {
    expect(message(pod({containers: [web()], nodeSelector: {'any-key': 'x'}}, {metadata: {name: 'web', labels: {whatever: 'x'}}}))).to.equal(
      undefined,
    )
  })

  it('stops collecting after 100 unknown fields, as the decoder does', () => {
    const spec: Obj = {containers: [web()]}
    for (let i = 0; i < 150; i++) spec[`x${String(i).padStart(3, '0')}`] = i
    const r = checkFields('Pod', 'v1', pod(spec))
    expect(r.unknown).to.have.length(100)
    expect(r.unknown[99]).to.equal('spec.x099')
  })

  it('leaves kinds outside the schema unchecked', () => {
    expect(checkFields('HorizontalPodAutoscaler', 'autoscaling/v2', {apiVersion: 'autoscaling/v2', kind: 'HorizontalPodAutoscaler', spec: {nonsense: 1}})).to.deep.equal({unknown: []})
  })

  it('turns unknown fields into kubectl warnings', () => {
    expect(unknownFieldWarnings({unknown: ['spec.foo', 'spec.containers[0].imagee']})).to.deep.equal([
      'unknown field "spec.foo"',
      'unknown field "spec.containers[0].imagee"',
    ])
  })
})

describe('decodeFields: fieldValidation Strict, Warn and Ignore', () => {
  it('rejects unknown fields in Strict mode with a 400 BadRequest and leaves the object alone', () => {
    const obj = pod({containers: [web()], foo: 1})
    let caught: unknown
    try {
      decodeFields(obj as {kind: string; apiVersion: string}, 'Strict')
    } catch (error) {
      caught = error
    }
    expect(isStatusError(caught, 'BadRequest')).to.equal(true)
    const e = caught as {code: number; message: string}
    expect(e.code).to.equal(400)
    expect(e.message).to.equal('Pod in version "v1" cannot be handled as a Pod: strict decoding error: unknown field "spec.foo"')
    expect((obj.spec as Obj).foo).to.equal(1)
  })

  it('accepts them in Warn mode, returning warnings and dropping the fields as typed decoding does', () => {
    const obj = pod({containers: [web({imagee: 'x'})], foo: 1})
    expect(decodeFields(obj as {kind: string; apiVersion: string}, 'Warn')).to.deep.equal([
      'unknown field "spec.containers[0].imagee"',
      'unknown field "spec.foo"',
    ])
    expect(obj.spec).to.deep.equal({containers: [web()]})
  })

  it('drops them silently in Ignore mode', () => {
    const obj = pod({containers: [web()], foo: 1})
    expect(decodeFields(obj as {kind: string; apiVersion: string}, 'Ignore')).to.deep.equal([])
    expect(obj.spec).to.deep.equal({containers: [web()]})
  })

  it('rejects a value of the wrong type in every mode', () => {
    for (const mode of ['Strict', 'Warn', 'Ignore'] as const) {
      expect(() => decodeFields(pod({containers: {name: 'web'}}) as {kind: string; apiVersion: string}, mode)).to.throw(
        'Pod in version "v1" cannot be handled as a Pod: json: cannot unmarshal object into Go struct field PodSpec.spec.containers of type []v1.Container',
      )
    }
  })

  it('accepts a well-formed pod without warnings', () => {
    expect(decodeFields(pod({containers: [web()]}) as {kind: string; apiVersion: string}, 'Warn')).to.deep.equal([])
  })
})
