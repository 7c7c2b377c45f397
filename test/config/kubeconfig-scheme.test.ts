// client-go's loader decodes a kubeconfig with its scheme, which has only v1 Config: another apiVersion or
// kind is refused with its words; a file naming neither is read as v1 Config.
import {expect} from 'chai'

import {parseKubeconfig} from '../../src/config/kubeconfig.js'
import {Sandbox} from '../helpers/cli.js'

const SCHEME = 'in scheme "k8s.io/client-go/tools/clientcmd/api/latest/latest.go:50"'

describe('kubeconfig apiVersion and kind', function () {
  this.timeout(120_000)

  it('refuses a version or kind other than v1 Config', () => {
    expect(() => parseKubeconfig('/c', 'apiVersion: v-1\nkind: Config\n')).to.throw(`error loading config file "/c": no kind "Config" is registered for version "v-1" ${SCHEME}`)
    expect(() => parseKubeconfig('/c', 'apiVersion: v1\nkind: Foo\n')).to.throw(`error loading config file "/c": no kind "Foo" is registered for version "v1" ${SCHEME}`)
    expect(parseKubeconfig('/c', 'kind: Config\nclusters: []\n').currentContext).to.equal('')
    expect(parseKubeconfig('/c', 'apiVersion: v1\nkind: Config\ncurrent-context: x\n').currentContext).to.equal('x')
  })

  it('is what a command run with such a --kubeconfig prints, exit 1', () => {
    const sb = new Sandbox('ksim-kcfg-scheme-', {KSIM_NO_RECONCILER: '1'})
    try {
      const file = sb.write('bad.yaml', 'apiVersion: v-1\nkind: Config\nclusters: []\n')
      expect(sb.run(['get', 'pods', '--kubeconfig', file])).to.deep.equal({stdout: '', stderr: `error: error loading config file "${file}": no kind "Config" is registered for version "v-1" ${SCHEME}\n`, code: 1})
    } finally {
      sb.cleanup()
    }
  })
})
