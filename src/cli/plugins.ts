// kubectl's plugins (pkg/cmd/plugin.go, plugin/plugin.go): an executable `kubectl-NAME` on PATH runs for
// `NAME` when NAME is not a built-in command (and `kubectl-create-NAME` for `create NAME`), the longest
// dash-joined match first; `plugin list` lists every `kubectl-*` file on PATH with kubectl's warnings.
import {spawnSync} from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'

/** The prefix of plugin file names: plugins are kubectl's, whatever the CLI running them is called. */
export const PLUGIN_PREFIX = 'kubectl'

/** Whether `p` is a regular file with an execute bit (plugin.go's isExecutable on Unix). */
export function isExecutable(p: string): boolean {
  try {
    const st = fs.statSync(p)
    return st.isFile() && (st.mode & 0o111) !== 0
  } catch {
    return false
  }
}

/** Go's exec.LookPath: the first PATH entry holding an executable `file` (an empty entry is "."), joined as given. */
export function lookPath(file: string, pathEnv = process.env.PATH ?? ''): string | undefined {
  for (const dir of pathEnv.split(path.delimiter)) {
    const candidate = path.join(dir === '' ? '.' : dir, file)
    if (isExecutable(candidate)) return candidate
  }
  return undefined
}

export type PluginMatch = {path: string; args: string[]} | {error: string}

/**
 * HandlePluginCommand's search: the leading words (dashes in them read as underscores), longest first,
 * never shorter than `minArgs`; the plugin gets the arguments after the words it matched.
 */
export function findPlugin(cmdArgs: string[], minArgs: number, pathEnv?: string): PluginMatch | undefined {
  const words: string[] = []
  for (const arg of cmdArgs) {
    if (arg.startsWith('-')) break
    words.push(arg.replaceAll('-', '_'))
  }
  if (words.length === 0) return {error: `flags cannot be placed before plugin name: ${cmdArgs[0]}`}
  while (words.length > 0) {
    const found = lookPath(`${PLUGIN_PREFIX}-${words.join('-')}`, pathEnv)
    if (found) return {path: found, args: cmdArgs.slice(words.length)}
    words.pop()
    if (words.length < minArgs) break
  }
  return undefined
}

/** Runs the plugin with the terminal and environment as they are (kubectl execs it); its exit status. */
export function runPlugin(match: {path: string; args: string[]}): number {
  const r = spawnSync(match.path, match.args, {stdio: 'inherit', env: process.env})
  if (r.error) {
    process.stderr.write(`Error: ${r.error.message}\n`)
    return 1
  }
  return r.status ?? 1
}

/**
 * Where kubectl looks for a plugin before running `argv`: an unknown first word, or `create WORD` where
 * WORD is no built-in subcommand of create (IsSubcommandPluginAllowed). `isCommand` knows ksim's commands
 * and kubectl's built-in ones ksim lacks.
 */
export function pluginLookup(argv: string[], isCommand: (id: string) => boolean): {cmdArgs: string[]; minArgs: number} | undefined {
  const first = argv[0]
  if (first === undefined || first.startsWith('-') || ['help', '__complete', '__completeNoDesc'].includes(first)) return undefined
  if (!isCommand(first)) return {cmdArgs: argv, minArgs: 1}
  const sub = argv[1]
  if (first === 'create' && sub !== undefined && !sub.startsWith('-') && !isCommand(`create:${sub}`)) return {cmdArgs: argv, minArgs: 2}
  return undefined
}
