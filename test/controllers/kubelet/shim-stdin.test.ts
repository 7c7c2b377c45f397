// The shim's stdin fifo (a container with stdin: true): an attach that finds the fifo may write its
// input, close and signal the end (stdinOnce) at once. Whatever it wrote must reach the program. The
// fifo is slow to make here (a mkfifo that lingers before it exits), so an attach that could open it
// before the shim holds it would write into a pipe no one keeps, and the program would read nothing.
import {expect} from 'chai'
import {spawn} from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {fileURLToPath} from 'node:url'

import {EXIT, SHIM_PID, SPEC, STDIN, readExit, type ProcessSpec} from '../../../src/controllers/kubelet/process/layout.js'
import {readInstanceLog} from '../../../src/api/container-log.js'

const SHIM = fileURLToPath(new URL('../../../src/controllers/kubelet/process/shim.js', import.meta.url))

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms))

describe('process shim: stdin of a stdinOnce container', function () {
  this.timeout(60_000)
  let root: string
  beforeEach(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'ksim-shim-stdin-'))
  })
  afterEach(() => fs.rmSync(root, {recursive: true, force: true}))

  it('keeps what an attach wrote as soon as the fifo appeared, then ends the program\'s input at its signal', async () => {
    const bin = path.join(root, 'bin')
    fs.mkdirSync(bin)
    // the real mkfifo, then 400 ms before it returns: the window an attach could fall into
    fs.writeFileSync(path.join(bin, 'mkfifo'), '#!/bin/sh\ncommand -p mkfifo "$@" || exit 1\nsleep 0.4\n', {mode: 0o755})
    const dir = path.join(root, 'instance')
    fs.mkdirSync(dir)
    const spec: ProcessSpec = {
      podUID: 'u',
      argv: ['sh', '-c', 'read l; echo "got $l"; if read m; then echo "more $m"; else echo "end"; fi'],
      env: {PATH: process.env.PATH ?? '/usr/bin:/bin'},
      cwd: dir,
      logMaxBytes: 1 << 20,
      stdin: true,
      stdinOnce: true,
    }
    fs.writeFileSync(path.join(dir, SPEC), JSON.stringify(spec))
    const shim = spawn(process.execPath, [SHIM, dir], {detached: true, stdio: 'ignore', cwd: dir, env: {...process.env, PATH: `${bin}:${process.env.PATH}`}})
    fs.writeFileSync(path.join(dir, SHIM_PID), String(shim.pid))
    try {
      // the attach: waits for the fifo, writes, closes, signals, as attach-stream.ts does
      const fifo = path.join(dir, STDIN)
      const until = Date.now() + 20_000
      while (!fs.existsSync(fifo) && Date.now() < until) await sleep(1)
      const fd = fs.openSync(fifo, fs.constants.O_RDWR)
      fs.writeSync(fd, 'hello\n')
      fs.closeSync(fd)
      process.kill(shim.pid!, 'SIGUSR2')
      while (!fs.existsSync(path.join(dir, EXIT)) && Date.now() < until) await sleep(20)
      expect(readExit(dir)?.exitCode).to.equal(0)
      expect(readInstanceLog(dir).map((l) => `${l.stream} ${l.text}`)).to.deep.equal(['stdout got hello', 'stdout end'])
    } finally {
      try {
        process.kill(shim.pid!, 'SIGKILL')
      } catch {
        // it ended with its program
      }
    }
  })
})
