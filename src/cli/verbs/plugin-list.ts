// `plugin list` (plugin.go's PluginListOptions): every `kubectl-*` file in the PATH directories, in PATH
// order (each directory once), with CommandOverrideVerifier's warnings on stderr: not executable,
// overshadowed by an earlier plugin of the same name, or overwriting a built-in command.
import fs from 'node:fs'
import path from 'node:path'

import {isExecutable, PLUGIN_PREFIX} from '../plugins.js'

export interface PluginListing {
  /** stdout */
  out: string
  /** stderr lines written as the listing goes (warnings, unreadable directories) */
  err: string[]
  /** the final error, kubectl's CheckErr text, when there is one */
  error?: string
}

/** `words` → the built-in command they reach (`version`, `create`), as cobra's Find would, or undefined. */
export type CommandFinder = (words: string[]) => string[] | undefined

function readPluginDirs(pathEnv: string, err: string[]): string[] {
  const plugins: string[] = []
  for (const dir of [...new Set(pathEnv.split(path.delimiter))]) {
    if (dir.trim().length === 0) continue
    let entries: fs.Dirent[]
    try {
      entries = fs.readdirSync(dir, {withFileTypes: true})
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code
      const reason = code === 'ENOENT' ? 'no such file or directory' : code === 'ENOTDIR' ? 'not a directory' : code === 'EACCES' ? 'permission denied' : (e as Error).message
      err.push(`Unable to read directory ${JSON.stringify(dir)} from your PATH: open ${dir}: ${reason}. Skipping...`)
      continue
    }
    for (const f of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
      if (f.isDirectory() || !f.name.startsWith(`${PLUGIN_PREFIX}-`)) continue
      plugins.push(path.join(dir, f.name))
    }
  }
  return plugins
}

/** The listing of `plugin list` for the PATH given; `program` names the root command in warnings. */
export function listPlugins(pathEnv: string, nameOnly: boolean, find: CommandFinder, program: string): PluginListing {
  const err: string[] = []
  const plugins = readPluginDirs(pathEnv, err)
  const errors: string[] = []
  let out = plugins.length > 0 ? 'The following compatible plugins are available:\n\n' : ''
  if (plugins.length === 0) errors.push('error: unable to find any kubectl plugins in your PATH')
  const seen = new Map<string, string>()
  let warnings = 0
  for (const p of plugins) {
    const bin = path.basename(p)
    out += `${nameOnly ? bin : p}\n`
    const found: string[] = []
    if (!isExecutable(p)) found.push(`warning: ${p} identified as a kubectl plugin, but it is not executable`)
    const earlier = seen.get(bin)
    if (earlier !== undefined) found.push(`warning: ${p} is overshadowed by a similarly named plugin: ${earlier}`)
    else seen.set(bin, p)
    const parts = bin.split('-')
    const cmd = find(parts.length > 1 ? parts.slice(1) : parts)
    if (cmd) found.push(`warning: ${bin} overwrites existing command: ${JSON.stringify([program, ...cmd].join(' '))}`)
    for (const w of found) err.push(`  - ${w}`)
    warnings += found.length
  }
  if (warnings === 1) errors.push('error: one plugin warning was found')
  else if (warnings > 1) errors.push(`error: ${warnings} plugin warnings were found`)
  return {out, err, ...(errors.length > 0 ? {error: errors.join('\n')} : {})}
}
