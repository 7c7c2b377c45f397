// One command's help: the summary printed once, examples that copy-paste (never wrapped with ` \`).
import {expect} from 'chai'

import {Sandbox} from './helpers/cli.js'

describe('command help', function () {
  this.timeout(60_000)

  it('prints get -h with its summary once and its examples on one line each, whatever the width', () => {
    const sb = new Sandbox()
    try {
      const r = sb.run(['get', '-h'], {env: {COLUMNS: '60'}})
      expect(r.code).to.equal(0)
      expect(r.stdout.split('Display one or many resources').length - 1).to.equal(1)
      expect(r.stdout).not.to.match(/ \\\n/)
      expect(r.stdout).to.include(`$ ksim get pods -o jsonpath='{range .items[*]}{.metadata.name}{"\\t"}{.status.phase}{"\\n"}{end}'\n`)
      expect(r.stdout).to.include('$ ksim get -o template pod/web-pod-13je7 --template={{.status.phase}}\n')
      expect(r.stdout).not.to.match(/kustomiz|-k\b/)
    } finally {
      sb.cleanup()
    }
  })

  it('does not send anyone to -k (kustomize), which ksim does not have', () => {
    const sb = new Sandbox()
    try {
      expect(sb.run(['apply']).stderr).to.equal('error: must specify -f\n')
      expect(sb.run(['create']).stderr).to.match(/^error: must specify -f\n/)
    } finally {
      sb.cleanup()
    }
  })
})
