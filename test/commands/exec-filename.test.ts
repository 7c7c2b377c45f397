// `exec -f`: the object to exec into comes from a file, as kubectl's resource builder reads it. One file
// path with one document names it; stdin, a directory, several files or several documents are a List,
// which exec refuses. (Running commands is tested with the process runtime in test/e2e/process-runtime.)
import {expect} from 'chai'

import {Sandbox} from '../helpers/cli.js'

const pod = (name: string) => `apiVersion: v1\nkind: Pod\nmetadata:\n  name: ${name}\nspec:\n  containers:\n  - name: nginx\n    image: nginx\n`

describe('exec -f', function () {
  this.timeout(120_000)
  let sb: Sandbox
  before(() => {
    sb = new Sandbox('ksim-exec-f-', {KSIM_NO_RECONCILER: '1'})
  })
  after(() => sb.cleanup())

  it('refuses more than one object: two documents, stdin, or two files', () => {
    const two = sb.write('two.yaml', `${pod('a')}---\n${pod('b')}`)
    const one = sb.write('one.yaml', pod('a'))
    const multiple = {stdout: '', stderr: 'error: cannot exec into multiple objects at a time\n', code: 1}
    expect(sb.run(['exec', '-f', two, '--', 'date'])).to.deep.equal(multiple)
    expect(sb.run(['exec', '-f', '-', '--', 'echo', 'test'], {input: pod('a')})).to.deep.equal(multiple)
    expect(sb.run(['exec', '-f', one, '-f', one, '--', 'date'])).to.deep.equal(multiple)
  })

  it('one file with one object: that object, read from the server', () => {
    const one = sb.write('one.yaml', pod('missing'))
    expect(sb.run(['exec', '-f', one, '--', 'date'])).to.deep.equal({stdout: '', stderr: 'Error from server (NotFound): pods "missing" not found\n', code: 1})
  })

  it("kubectl's checks of the arguments", () => {
    const one = sb.write('one.yaml', pod('a'))
    expect(sb.run(['exec', 'a', '-f', one, '--', 'date'])).to.deep.equal({stdout: '', stderr: 'error: name cannot be provided when a path is specified\n', code: 1})
    expect(sb.run(['exec', '--', 'date'])).to.deep.equal({stdout: '', stderr: 'error: pod, type/name or --filename must be specified\n', code: 1})
    const old = sb.run(['exec', '-f', one, 'date'])
    expect(old.code).to.equal(1)
    expect(old.stderr).to.match(/^error: exec \[POD\] \[COMMAND\] is not supported anymore\. Use exec \[POD\] -- \[COMMAND\] instead\n/)
  })
})
