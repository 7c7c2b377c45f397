import {expect} from 'chai'

import {isImageReference, parseAnnotations, parseEnvs, parseRunLabels, restartPolicyOf} from '../../../src/cli/verbs/run-generator.js'

describe('run generator', () => {
  it('accepts the image references distribution/reference accepts', () => {
    for (const ok of ['nginx', 'nginx:1.27', 'library/nginx', 'Registry.Example.com:5000/team/app_x:v1.2-rc', `nginx@sha256:${'a'.repeat(64)}`, 'a__b', 'a---b', '[::1]:5000/x']) {
      expect(isImageReference(ok), ok).to.equal(true)
    }
    for (const bad of ['Nginx', 'a/B', 'x:', 'x@sha256:abc', 'a b', '-x', 'x/', `x:${'t'.repeat(129)}`]) {
      expect(isImageReference(bad), bad).to.equal(false)
    }
  })

  it('parses --env, -l and --annotations as kubectl 1.32 does', () => {
    expect(parseEnvs(['A=b=c', 'B=', '_x.y-z=1'])).to.deep.equal([{name: 'A', value: 'b=c'}, {name: 'B'}, {name: '_x.y-z', value: '1'}])
    expect(() => parseEnvs(['9A=1'])).to.throw('invalid env: 9A=1')
    expect(parseRunLabels('a=b,c=')).to.deep.equal({a: 'b', c: ''})
    expect(parseRunLabels(undefined)).to.equal(undefined)
    expect(() => parseRunLabels('a=b,c')).to.throw('unexpected label spec: c')
    expect(parseAnnotations(['x=1,y=2', 'z='])).to.deep.equal({x: '1,y=2', z: ''})
    expect(parseAnnotations([])).to.equal(undefined)
  })

  it('takes the restart policies case-sensitively, an empty one as Always', () => {
    expect(['Always', 'OnFailure', 'Never', ''].map(restartPolicyOf)).to.deep.equal(['Always', 'OnFailure', 'Never', 'Always'])
    expect(() => restartPolicyOf('never')).to.throw('invalid restart policy: never')
  })
})
