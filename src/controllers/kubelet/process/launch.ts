// Starting one instance under its shim: the program resolved as execve would find it (a path, or a name
// looked up in the container's PATH), the working directory checked, the spec written, then the shim
// started detached in a session of its own. An instance folder that already has a spec was started
// before (by this reconciler or an earlier one): it is never started twice. What cannot be started is
// recorded as the instance's exit (code 128, a StartError with the runtime's message) without a process.
import {spawn} from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import {fileURLToPath} from 'node:url'

import {DEFAULT_PATH} from './env.js'
import {EXIT, SHIM_PID, SPEC, writeWhole, type ProcessExit, type ProcessSpec} from './layout.js'

const SHIM = fileURLToPath(new URL('shim.js', import.meta.url))

/** The start error of the runtime for a program it cannot run, as runc words it. */
export const startErrorText = (detail: string): string => `failed to start container process: ${detail}`

// exec.LookPath's errors, with the runtime's wording around them
export function resolveProgram(name: string, env: Record<string, string>, cwd: string, hostPathOf: (p: string) => string = (p) => p): {file: string} | {error: string} {
  const executable = (file: string): 'ok' | 'missing' | 'denied' => {
    file = hostPathOf(file)
    try {
      const st = fs.statSync(file)
      if (st.isDirectory()) return 'denied'
      fs.accessSync(file, fs.constants.X_OK)
      return 'ok'
    } catch (error) {
      return (error as NodeJS.ErrnoException).code === 'EACCES' ? 'denied' : 'missing'
    }
  }
  if (name.includes('/')) {
    const file = path.resolve(cwd, name)
    const r = executable(file)
    if (r === 'ok') return {file}
    return {error: `exec: "${name}": ${r === 'denied' ? 'permission denied' : 'no such file or directory'}`}
  }
  for (const d of (env.PATH ?? DEFAULT_PATH).split(':')) {
    const file = path.resolve(cwd, d || '.', name)
    if (executable(file) === 'ok') return {file}
  }
  return {error: `exec: "${name}": executable file not found in $PATH`}
}

/**
 * Starts the instance in `dir` unless it was started before. `hostPathOf`: where a path of the
 * container's is on the host (a program in a volume mounted at its mountPath), for the checks.
 */
export function launch(dir: string, spec: ProcessSpec, hostPathOf?: (p: string) => string): void {
  if (fs.existsSync(path.join(dir, SPEC))) return
  fs.mkdirSync(dir, {recursive: true, mode: 0o700})
  const fail = (detail: string): void => {
    const exit: ProcessExit = {exitCode: 128, finishedAtMs: Date.now(), startError: startErrorText(detail)}
    writeWhole(path.join(dir, EXIT), JSON.stringify(exit))
    writeWhole(path.join(dir, SPEC), JSON.stringify(spec))
  }
  if (!fs.statSync(spec.cwd, {throwIfNoEntry: false})?.isDirectory()) return fail(`chdir to cwd ("${spec.cwd}") set in config.json failed: no such file or directory`)
  const program = resolveProgram(spec.argv[0] ?? '', spec.env, spec.cwd, hostPathOf)
  if ('error' in program) return fail(program.error)
  // the namespaces' entry (nsenter) is the node's program, found on the node's PATH
  const entry = spec.wrap?.length ? resolveProgram(spec.wrap[0], {PATH: process.env.PATH ?? DEFAULT_PATH}, '/') : undefined
  if (entry && 'error' in entry) return fail(entry.error)
  const wrap = entry ? [entry.file, ...spec.wrap!.slice(1)] : undefined
  writeWhole(path.join(dir, SPEC), JSON.stringify({...spec, ...(wrap ? {wrap} : {}), argv: [...(wrap ?? []), program.file, ...spec.argv.slice(1)]}))
  const shim = spawn(process.execPath, [SHIM, dir], {detached: true, stdio: 'ignore', cwd: dir})
  shim.unref()
  if (shim.pid) writeWhole(path.join(dir, SHIM_PID), String(shim.pid))
}
