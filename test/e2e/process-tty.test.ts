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
})
