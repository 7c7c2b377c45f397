// The process runtime's interactive parts through the real CLI and reconciler, with the test as a user
// at a terminal (test/helpers/pty-session.ts): exec -t on a real pseudo-terminal with the user's window
// size and the command's exit code; and nothing the runtime started survives.
import {expect} from 'chai'
import fs from 'node:fs'
import path from 'node:path'

import {Sandbox} from '../helpers/cli.js'
import {exists, groupMembers, recordedPids} from '../helpers/process-table.js'
import {ptySession} from '../helpers/pty-session.js'

const pod = (name: string, container: Record<string, unknown>, spec: Record<string, unknown> = {}): string =>
  JSON.stringify({apiVersion: 'v1', kind: 'Pod', metadata: {name}, spec: {containers: [{name: 'app', image: 'busybox', ...container}], ...spec}})

describe('process runtime on a terminal (exec -t, real reconciler)', function () {
  this.timeout(240_000)
  let sb: Sandbox
  let containers: string
  const seen = new Set<number>()

  beforeEach(() => {
    sb = new Sandbox('ksim-tty-')
    containers = path.join(sb.home, 'clusters', 'lab', 'containers')
    seen.clear()
    expect(sb.run(['cluster', 'create', 'lab', '--nodes', '1', '--runtime', 'process']).code).to.equal(0)
  })
  afterEach(() => {
    try {
      for (const pid of recordedPids(containers)) seen.add(pid)
    } finally {
      sb.cleanup()
    }
    const survivors = [...seen].filter((pid) => exists(pid) || groupMembers(pid).length > 0)
    expect(survivors, 'processes left behind').to.deep.equal([])
  })

  const running = (name: string, container: Record<string, unknown> = {command: ['sleep', '600']}): void => {
    expect(sb.run(['apply', '-f', '-'], {input: pod(name, container)}).code).to.equal(0)
    expect(sb.run(['wait', '--for=condition=Ready', `pod/${name}`, '--timeout=60s']).code).to.equal(0)
  }

  it('exec -it runs the command on a pseudo-terminal of the window size, and returns its exit code', async () => {
    running('shell')
    const s = ptySession(sb, ['exec', '-i', '-t', 'shell', '--', 'sh', '-c', 'tty; stty size; echo "TERM=$TERM"; exit 7'], {rows: 33, cols: 120})
    const {output, code} = await s.done
    expect(output).to.match(/^\/dev\/pts\/\d+\r\n33 120\r\nTERM=xterm\r\ncommand terminated with exit code 7\r\n$/)
    expect(code).to.equal(7)
  })

  it('exec -it sh is an interactive shell: what the user types runs, and exit ends the session with its code', async () => {
    running('shell')
    const s = ptySession(sb, ['exec', '-it', 'shell', '--', 'sh'])
    // the shell's prompt: root's, as the container's user is root in the pod's user namespace
    await s.waitFor(/[$#] $/)
    s.type('echo $((6 * 7))\r')
    await s.waitFor(/\r\n42\r\n[$#] $/)
    s.type('exit 3\r')
    const {output, code} = await s.done
    expect(output).to.match(/exit 3\r\ncommand terminated with exit code 3\r\n$/)
    expect(code).to.equal(3)
  })

  it("exec -it passes the user's window size on when it changes", async () => {
    running('shell')
    const when = path.join(sb.home, 'resize-now')
    const s = ptySession(sb, ['exec', '-it', 'shell', '--', 'sh'], {rows: 30, cols: 100}, {rows: 45, cols: 132, when})
    await s.waitFor(/[$#] $/)
    s.type('stty size\r')
    await s.waitFor(/\r\n30 100\r\n[$#] $/)
    fs.writeFileSync(when, '')
    // the shell sees the new size at its next command
    for (let i = 0; i < 50 && !/\r\n45 132\r\n/.test(s.output()); i++) {
      s.type('stty size\r')
      await s.waitFor(/\r\n\d+ \d+\r\n[$#] $/)
      await new Promise((resolve) => setTimeout(resolve, 100))
    }
    expect(s.output()).to.match(/\r\n45 132\r\n/)
    s.type('exit\r')
    expect((await s.done).code).to.equal(0)
  })

  it('-t without a terminal on stdin says so and goes on without one; -t without -i is no tty, silently', () => {
    running('shell')
    expect(sb.run(['exec', '-i', '-t', 'shell', '--', 'sh', '-c', 'tty'])).to.deep.equal({
      stdout: 'not a tty\n',
      stderr: 'Unable to use a TTY - input is not a terminal or the right kind of file\ncommand terminated with exit code 1\n',
      code: 1,
    })
    expect(sb.run(['exec', '-t', 'shell', '--', 'sh', '-c', 'tty'])).to.deep.equal({stdout: 'not a tty\n', stderr: 'command terminated with exit code 1\n', code: 1})
  })

  it('attach -i: what the user types reaches a stdin: true container, its output comes back, and stdinOnce closes its stdin at the end', () => {
    // a filter that reads its stdin to the end: `rev` of each line, then a last word when stdin closes
    running('filter', {command: ['sh', '-c', 'while read -r l; do echo "got $l"; echo "err $l" >&2; done; echo "stdin closed"'], stdin: true, stdinOnce: true})
    // -t: the container has no tty, so kubectl's message, and on without one
    const r = sb.run(['attach', '-i', '-t', 'filter'], {input: 'one\ntwo\n'})
    expect(r.stdout).to.equal('got one\ngot two\nstdin closed\n')
    expect(r.stderr).to.equal(
      'error: Unable to use a TTY - container app did not allocate one\n' +
      "All commands and output from this session will be recorded in container logs, including credentials and sensitive information passed through the command prompt.\nIf you don't see a command prompt, try pressing enter.\nerr one\nerr two\n",
    )
    expect(r.code).to.equal(0)
    // the container ended when its stdin did: the pod's restart policy (Always) restarts it
    expect(sb.run(['wait', '--for=jsonpath={.status.containerStatuses[0].restartCount}=1', 'pod/filter', '--timeout=60s']).code).to.equal(0)
    const previous = sb.run(['logs', 'filter', '--previous'])
    expect(previous.stdout.split('\n').sort()).to.deep.equal(['', 'err one', 'err two', 'got one', 'got two', 'stdin closed'])
  })

  it("attach refuses what it cannot attach to, in kubectl's words or ksim's", () => {
    expect(sb.run(['attach'])).to.deep.equal({stdout: '', stderr: 'error: at least 1 argument is required for attach\n', code: 1})
    expect(sb.run(['attach', 'a', 'b', 'c'])).to.deep.equal({stdout: '', stderr: 'error: expected POD, TYPE/NAME, or TYPE NAME, (at most 2 arguments) saw 3: [a b c]\n', code: 1})
    expect(sb.run(['attach', 'nope'])).to.deep.equal({stdout: '', stderr: 'Error from server (NotFound): pods "nope" not found\n', code: 1})
    const done = JSON.stringify({apiVersion: 'v1', kind: 'Pod', metadata: {name: 'done'}, spec: {runtimeClassName: 'ksim-process', containers: [{name: 'app', image: 'busybox', command: ['true']}], restartPolicy: 'Never'}})
    expect(sb.run(['apply', '-f', '-'], {input: done}).code).to.equal(0)
    expect(sb.run(['wait', '--for=jsonpath={.status.phase}=Succeeded', 'pod/done', '--timeout=60s']).code).to.equal(0)
    expect(sb.run(['attach', 'done'])).to.deep.equal({stdout: '', stderr: 'error: cannot attach a container in a completed pod; current phase is Succeeded\n', code: 1})
  })

  it('run -i --rm --restart=Never: the input reaches the command, its output comes back, the pod is deleted, and its exit code is returned', () => {
    const intro = "All commands and output from this session will be recorded in container logs, including credentials and sensitive information passed through the command prompt.\nIf you don't see a command prompt, try pressing enter.\n"
    const r = sb.run(['run', 'once', '-i', '--rm', '--restart=Never', '--image=busybox', '--command', '--', 'sh', '-c', 'read l; echo "got $l"; exit 3'], {input: 'hello\n'})
    expect(r).to.deep.equal({stdout: 'got hello\npod "once" deleted from default namespace\n', stderr: `${intro}pod default/once terminated (Error)\n`, code: 3})
    expect(sb.run(['get', 'pod', 'once', '-o', 'name', '--ignore-not-found']).stdout).to.equal('')
    // a command that exits at once: its output, exit 0; --quiet leaves out the messages and the deletion line
    expect(sb.run(['run', 'quick', '-i', '--rm', '-q', '--restart=Never', '--image=busybox', '--command', '--', 'echo', 'hi'])).to.deep.equal({stdout: 'hi\n', stderr: '', code: 0})
  })

  it('run -i refuses what it cannot attach to before creating anything: -t, and a simulated container', () => {
    expect(sb.run(['run', 'tty', '-it', '--image=busybox', '--command', '--', 'sh'])).to.deep.equal({
      stdout: '',
      stderr: 'error: ksim cannot run -t: the process runtime gives a container no terminal; run -i without -t, or exec -it into a running pod\n',
      code: 1,
    })
    expect(sb.run(['apply', '-f', '-'], {input: JSON.stringify({apiVersion: 'node.k8s.io/v1', kind: 'RuntimeClass', metadata: {name: 'sim'}, handler: 'runc'})}).code).to.equal(0)
    const r = sb.run(['run', 'simulated', '-i', '--rm', '--image=busybox', '--overrides={"spec":{"runtimeClassName":"sim"}}', '--command', '--', 'true'])
    expect(r.code).to.equal(1)
    expect(r.stderr).to.match(/^error: ksim cannot attach to a simulated container: it runs no process; give the pod runtimeClassName: ksim-process/)
    expect(sb.run(['get', 'pods', '-o', 'name']).stdout).to.equal('')
  })
})
