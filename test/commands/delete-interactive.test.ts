import {expect} from 'chai'

import {confirms} from '../../src/cli/verbs/delete-confirm.js'
import {Sandbox} from '../helpers/cli.js'

const ASK = 'You are about to delete the following 2 resource(s):\nconfigmap/one\nconfigmap/two\nDo you want to continue? (y/N): '

describe('ksim delete --interactive', function () {
  this.timeout(120_000)
  let sb: Sandbox
  beforeEach(() => {
    sb = new Sandbox('ksim-delete-i-', {KSIM_NO_RECONCILER: '1'})
    sb.run(['create', 'namespace', 'a'])
    sb.run(['create', 'namespace', 'b'])
    sb.run(['create', 'configmap', 'one', '-n', 'a'])
    sb.run(['create', 'configmap', 'two', '-n', 'b'])
    sb.run(['label', 'configmap', 'one', '-n', 'a', 'deletetest=true'])
    sb.run(['label', 'configmap', 'two', '-n', 'b', 'deletetest=true'])
  })
  afterEach(() => sb.cleanup())

  const names = () => sb.run(['get', 'configmap', '-A', '-l', 'deletetest', '-o', 'name'])

  it('reads an answer as fmt.Fscanln reads one word: only y or Y alone confirms', () => {
    for (const yes of ['y', 'Y', '  y ', 'y\r']) expect(confirms(yes), JSON.stringify(yes)).to.equal(true)
    for (const no of [undefined, '', 'n', 'yes', 'y y', 'N']) expect(confirms(no), JSON.stringify(no)).to.equal(false)
  })

  it('lists what it would delete and, on n, deletes nothing and says the deletion is cancelled', () => {
    expect(sb.run(['delete', 'configmap', '--interactive', '-l', 'deletetest=true', '--all-namespaces'], {input: 'n\n'})).to.deep.equal({stdout: `${ASK}deletion is cancelled\n`, stderr: '', code: 0})
    // end of input is no answer either
    expect(sb.run(['delete', 'configmap', '-i', '-l', 'deletetest=true', '-A'], {input: ''})).to.deep.equal({stdout: `${ASK}deletion is cancelled\n`, stderr: '', code: 0})
    expect(names().stdout).to.equal('configmap/one\nconfigmap/two\n')
  })

  it('deletes on y, after the question, with the usual lines (a server dry run changes nothing)', () => {
    expect(sb.run(['delete', 'configmap', '--dry-run=server', '--interactive', '-l', 'deletetest=true', '-A'], {input: 'y\n'})).to.deep.equal({
      stdout: `${ASK}configmap "one" deleted from a namespace (server dry run)\nconfigmap "two" deleted from b namespace (server dry run)\n`,
      stderr: '',
      code: 0,
    })
    expect(names().stdout).to.equal('configmap/one\nconfigmap/two\n')
    expect(sb.run(['delete', 'configmap', '--interactive', '-l', 'deletetest=true', '-A', '--wait'], {input: 'y\n'})).to.deep.equal({
      stdout: `${ASK}configmap "one" deleted from a namespace\nconfigmap "two" deleted from b namespace\n`,
      stderr: '',
      code: 0,
    })
    expect(names()).to.deep.equal({stdout: '', stderr: '', code: 0})
  })

  it('asks nothing when nothing matches, and names one object by TYPE/NAME', () => {
    expect(sb.run(['delete', 'configmap', '-i', '-l', 'nothing=here', '-A'], {input: 'y\n'})).to.deep.equal({stdout: 'No resources found\n', stderr: '', code: 0})
    expect(sb.run(['delete', 'configmap/one', '-n', 'a', '-i', '--force'], {input: 'Y\n'})).to.deep.equal({
      stdout: 'You are about to delete the following 1 resource(s):\nconfigmap/one\nDo you want to continue? (y/N): configmap "one" force deleted from a namespace\n',
      stderr: 'Warning: Immediate deletion does not wait for confirmation that the running resource has been terminated. The resource may continue to run on the cluster indefinitely.\n',
      code: 0,
    })
  })
})
