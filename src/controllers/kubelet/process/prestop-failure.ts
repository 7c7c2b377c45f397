// What the kubelet records when a container's exec preStop hook fails (FailedPreStopHook): the lifecycle
// handler runner's message around the CRI's ExecSync error — `Exec lifecycle hook ([sh -c exit 3]) for
// Container "app" in Pod "web_default(<uid>)" failed - error: command 'sh -c exit 3' exited with 3: <its
// stderr>, message: "<its stdout and stderr>"`. The hook is an instance of its own (its exit and its log
// in the container's `prestop` folder); a command that could not be started is the OCI runtime's exec
// error.
import type {ContainerRef} from '../runtime.js'

import fs from 'node:fs'
import path from 'node:path'

import {parseLogLines} from '../../../api/container-log.js'
import {podDesc} from '../pod-pass.js'
import {LOG, PRESTOP, readExit} from './layout.js'

// the hook's output as written, stdout and stderr together or one of them
function output(dir: string, only?: 'stderr'): string {
  let text = ''
  try {
    text = fs.readFileSync(path.join(dir, LOG), 'utf8')
  } catch {
    return ''
  }
  return parseLogLines(text)
    .filter((l) => !only || l.stream === only)
    .map((l) => (l.partial ? l.text : `${l.text}\n`))
    .join('')
}

/** The FailedPreStopHook message of the container's hook that ended in `containerDir`, if it failed. */
export function preStopFailure(containerDir: string, ref: ContainerRef): string | undefined {
  const command = ref.container.lifecycle?.preStop?.exec?.command
  const dir = path.join(containerDir, PRESTOP)
  const exit = command ? readExit(dir) : undefined
  if (!command || !exit || exit.exitCode === 0) return undefined
  const error = exit.startError
    ? `rpc error: code = Unknown desc = failed to exec in container: OCI runtime exec failed: exec failed: unable to start container process: ${exit.startError.replace(/^failed to start container process: /, '')}: unknown`
    : `command '${command.join(' ')}' exited with ${exit.exitCode}: ${output(dir, 'stderr')}`
  const message = exit.startError ? '' : output(dir)
  return `Exec lifecycle hook ([${command.join(' ')}]) for Container ${JSON.stringify(ref.container.name)} in Pod ${JSON.stringify(podDesc(ref.pod))} failed - error: ${error}, message: ${JSON.stringify(message)}`
}
