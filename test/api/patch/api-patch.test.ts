// Api.patch: the API server's PATCH for the three patch types, through the update path (validation,
// immutable fields, generation), with the API server's errors, and no write for a patch that changes nothing.
import {expect} from 'chai'

import {isStatusError, type StatusError} from '../../../src/api/errors.js'
import {lookupResource} from '../../../src/api/registry.js'
import {Api} from '../../../src/api/server.js'
import {useTempStores} from '../../store/temp-store.js'

describe('Api.patch', () => {
  const stores = useTempStores()
  const pods = lookupResource('pods')!
  const cms = lookupResource('configmaps')!
  let api: Api

  beforeEach(() => {
    api = new Api(stores.open())
    api.create({apiVersion: 'v1', kind: 'Namespace', metadata: {name: 'default'}})
    api.create({apiVersion: 'v1', kind: 'ConfigMap', metadata: {name: 'cm', namespace: 'default'}, data: {a: '1', b: '2'}})
    api.create({apiVersion: 'v1', kind: 'Pod', metadata: {name: 'p', namespace: 'default'}, spec: {containers: [{name: 'c', image: 'nginx'}, {name: 'd', image: 'redis'}]}})
  })

  const failure = (f: () => unknown): string => {
    try {
      f()
    } catch (error) {
      if (!isStatusError(error)) throw error
      const e = error as StatusError
      return `${e.code} ${e.reason}: ${e.message}`
    }
    throw new Error('patch succeeded')
  }

  it('applies each patch type and stores the result', () => {
    api.patch(cms, 'default', 'cm', 'merge', '{"data":{"a":null,"c":"3"}}')
    api.patch(cms, 'default', 'cm', 'json', '[{"op":"replace","path":"/data/b","value":"x"}]')
    const pod = api.patch(pods, 'default', 'p', 'strategic', '{"spec":{"containers":[{"name":"d","image":"redis:7"}]}}')
    expect(api.get(cms, 'default', 'cm').data).to.deep.equal({b: 'x', c: '3'})
    expect((pod.spec as {containers: {image: string}[]}).containers.map((c) => c.image)).to.deep.equal(['nginx', 'redis:7'])
    expect(api.get(pods, 'default', 'p')).to.have.nested.property('spec.containers[1].image', 'redis:7')
  })

  it('writes nothing when the patch changes nothing, and nothing on dry run', () => {
    const before = api.get(cms, 'default', 'cm')
    expect(api.patch(cms, 'default', 'cm', 'strategic', '{"data":{"a":"1"}}').metadata.resourceVersion).to.equal(before.metadata.resourceVersion)
    const dry = api.patch(cms, 'default', 'cm', 'merge', '{"data":{"a":"2"}}', {dryRun: true})
    expect(dry.data).to.deep.equal({a: '2', b: '2'})
    expect(api.get(cms, 'default', 'cm')).to.deep.equal(before)
  })

  it('validates the result as an update does, immutable fields included', () => {
    expect(failure(() => api.patch(pods, 'default', 'p', 'strategic', '{"spec":{"containers":[{"name":"x","image":"x"}]}}'))).to.match(/^422 Invalid: Pod "p" is invalid: spec.containers: Forbidden: pod updates may not add or remove containers/)
    expect(failure(() => api.patch(cms, 'default', 'cm', 'merge', '{"metadata":{"labels":{"-x":"y"}}}'))).to.match(/^422 Invalid: ConfigMap "cm" is invalid: metadata.labels: Invalid value: "-x"/)
  })

  it("answers as the API server does for bad bodies, failed operations and unknown fields", () => {
    expect(failure(() => api.patch(cms, 'default', 'nope', 'merge', '{}'))).to.equal('404 NotFound: configmaps "nope" not found')
    expect(failure(() => api.patch(cms, 'default', 'cm', 'strategic', '{bad'))).to.equal("400 BadRequest: invalid character 'b' looking for beginning of object key string")
    expect(failure(() => api.patch(cms, 'default', 'cm', 'merge', '[1]'))).to.equal('400 BadRequest: error decoding patch: json: cannot unmarshal array into Go value of type map[string]interface {}')
    expect(failure(() => api.patch(cms, 'default', 'cm', 'json', '{}'))).to.equal('400 BadRequest: error decoding patch: json: cannot unmarshal object into Go value of type []handlers.jsonPatchOp')
    expect(failure(() => api.patch(cms, 'default', 'cm', 'json', '[{"op":"test","path":"/data/a","value":"9"}]'))).to.equal('422 Invalid: the server rejected our request due to an error in our request')
    expect(failure(() => api.patch(pods, 'default', 'p', 'strategic', '{"spec":{"containers":[{"image":"x"}]}}'))).to.equal('500 : map: map[image:x] does not contain declared merge key: name')
    expect(failure(() => api.patch(cms, 'default', 'cm', 'strategic', '{"spec":{"x":1}}'))).to.equal('422 Invalid:  "" is invalid: patch: Invalid value: "map[spec:map[x:1]]": strict decoding error: unknown field "spec"')
    expect(failure(() => api.patch(cms, 'default', 'cm', 'merge', '{"metadata":{"name":"other"}}'))).to.equal('400 BadRequest: the name of the object (other) does not match the name on the URL (cm)')
  })
})
