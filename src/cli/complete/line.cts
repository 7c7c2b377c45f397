// Reads a command line being completed: which command it names, the flags already given (with their
// values), the positional arguments, and what the word under the cursor is.
import {findCommand, isCommandPath, type CommandInfo, type FlagInfo, type Model} from './model.cjs'

/** A command line split into its parts. */
export interface Line {
  /** the command or topic id the leading words name ('' for none), e.g. `cluster` or `get` */
  path: string
  command?: CommandInfo
  /** whether the current word may still extend `path` (no flag or argument came before it) */
  atPath: boolean
  /** positional arguments before the current word */
  args: string[]
  /** the last value given to each flag, by flag name ('true' for a bare boolean flag) */
  values: Record<string, string>
  /** the flag the current word is the value of (`-n <TAB>`) */
  valueFor?: FlagInfo
  /** the word under the cursor ('' after a space) */
  current: string
  /** whether `--` came before the current word (no more flags) */
  dashDash: boolean
}

/** The flag `-x` or `--name` refers to in a command (undefined for unknown flags). */
export function flagFor(command: CommandInfo | undefined, word: string): FlagInfo | undefined {
  if (!command) return undefined
  if (word.startsWith('--')) return command.flags[word.slice(2)]
  return Object.values(command.flags).find((f) => f.char === word.slice(1))
}

/** -n/--namespace/--context as a word: [flag name, value attached to it, or undefined when the next word is the value]. */
function globalFlag(word: string): [string, string | undefined] | undefined {
  const m = /^(-n|--namespace|--context)(.*)$/s.exec(word)
  if (!m) return undefined
  const name = m[1] === '-n' ? 'namespace' : m[1].slice(2)
  if (m[2] === '') return [name, undefined]
  if (m[2].startsWith('=')) return [name, m[2].slice(1)]
  return m[1] === '-n' ? [name, m[2]] : undefined
}

/** Splits `words` (the words after `ksim`, the last one being completed) into a Line. */
export function parseLine(model: Model, words: string[]): Line {
  const done = words.slice(0, -1)
  const current = words.at(-1) ?? ''
  let path = ''
  let i = 0
  // global flags may come among the command's words (`ksim -n team get <TAB>`), as in kubectl
  const globals: Record<string, string> = {}
  let globalValueFor: string | undefined
  for (; i < done.length; i++) {
    const global = globalFlag(done[i])
    if (global) {
      const [name, value] = global
      if (value !== undefined) globals[name] = value
      else if (i + 1 < done.length) globals[name] = done[++i]
      else globalValueFor = name
      continue
    }
    if (done[i].startsWith('-')) break
    const next = path ? `${path}:${done[i]}` : done[i]
    if (!isCommandPath(model, next)) break
    path = next
  }
  const command = findCommand(model, path)
  const anyCommand = command ?? findCommand(model, 'get')
  const line: Line = {path, command, atPath: i === done.length && globalValueFor === undefined, args: [], values: globals, current, dashDash: false}
  if (globalValueFor !== undefined) line.valueFor = anyCommand?.flags[globalValueFor]
  for (; i < done.length; i++) {
    const word = done[i]
    if (line.dashDash || word === '-' || !word.startsWith('-')) {
      line.args.push(word)
      continue
    }
    if (word === '--') {
      line.dashDash = true
      continue
    }
    const eq = word.indexOf('=')
    // `-nkube-system`: a short flag with its value attached
    const attached = !word.startsWith('--') && eq < 0 && word.length > 2
    const name = eq >= 0 ? word.slice(0, eq) : attached ? word.slice(0, 2) : word
    const flag = flagFor(command, name)
    if (flag?.type !== 'option') {
      // a boolean flag given (`-A`, `--all-namespaces=false`): its value as typed, 'true' when bare
      if (flag) line.values[flag.name] = eq >= 0 ? word.slice(eq + 1) : 'true'
      continue
    }
    if (eq >= 0) line.values[flag.name] = word.slice(eq + 1)
    else if (attached) line.values[flag.name] = word.slice(2)
    else if (i + 1 < done.length) line.values[flag.name] = done[++i]
    else line.valueFor = flag
  }
  return line
}
