import {expect} from 'chai'

import {Sandbox} from '../helpers/cli.js'

describe('ksim create poddisruptionbudget, get pdb, describe pdb (API only)', function () {
  this.timeout(60_000)
  let sb: Sandbox
  beforeEach(() => {
    sb = new Sandbox('ksim-pdb-cmd-', {KSIM_NO_RECONCILER: '1'})
  })
  afterEach(() => sb.cleanup())

  it('creates a budget from flags and lists it', () => {
    expect(sb.run(['create', 'pdb', 'web', '--selector=app=web', '--min-available=50%'])).to.deep.equal({stdout: 'poddisruptionbudget.policy/web created\n', stderr: '', code: 0})
    expect(sb.run(['create', 'poddisruptionbudget', 'api', '--selector=tier in (a,b)', '--max-unavailable=1', '-o', 'name']).stdout).to.equal('poddisruptionbudget.policy/api\n')
    expect(sb.run(['get', 'pdb', 'api', '-o', 'jsonpath={.spec}']).stdout).to.equal('{"maxUnavailable":1,"selector":{"matchExpressions":[{"key":"tier","operator":"In","values":["a","b"]}]}}')
    expect(sb.run(['get', 'pdb', '--no-headers']).stdout).to.match(/^api\s+N\/A\s+1\s+0\s+\d+s\nweb\s+50%\s+N\/A\s+0\s+\d+s\n$/)
    expect(sb.run(['describe', 'pdb', 'web']).stdout).to.equal(
      'Name:           web\nNamespace:      default\nMin available:  50%\nSelector:       app=web\nStatus:\n    Allowed disruptions:  0\n    Current:              0\n    Desired:              0\n    Total:                0\nEvents:                   <none>\n',
    )
  })

  it('refuses incomplete or malformed flags as kubectl does, creating nothing', () => {
    const err = (args: string[]) => sb.run(['create', 'pdb', ...args])
    expect(err(['p', '--min-available=1'])).to.deep.equal({stdout: '', stderr: 'error: a selector must be specified\n', code: 1})
    expect(err(['p', '--selector=app=web']).stderr).to.equal('error: one of min-available or max-unavailable must be specified\n')
    expect(err(['p', '--selector=app=web', '--min-available=1', '--max-unavailable=1']).stderr).to.equal('error: min-available and max-unavailable cannot be both specified\n')
    expect(err(['p', '--selector=app=web', '--min-available=1.5']).stderr).to.equal('error: invalid format specified for min-available\n')
    expect(err(['p', '--selector=app=web', '--max-unavailable=x%']).stderr).to.equal('error: invalid format specified for max-unavailable\n')
    expect(err(['p', '--selector=app!=web', '--max-unavailable=1']).stderr).to.equal('error: "!=" is not a valid label selector operator\n')
    expect(err(['p', '--selector=app=web', '--min-available=150%'])).to.deep.equal({
      stdout: '',
      stderr: 'error: failed to create poddisruptionbudgets: PodDisruptionBudget.policy "p" is invalid: spec.minAvailable: Invalid value: intstr.IntOrString{Type:1, IntVal:0, StrVal:"150%"}: must not be greater than 100%\n',
      code: 1,
    })
    expect(sb.run(['get', 'pdb']).stderr).to.equal('No resources found in default namespace.\n')
  })
})
