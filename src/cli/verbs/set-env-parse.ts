// `set env`'s argument grammar and list arithmetic, as kubectl's set/env package and set/helper.go have
// them: resources first, then `KEY=VALUE`, `KEY-` and `-` (standard input in env-file syntax); names
// checked with apimachinery's IsEnvVarName; updateEnv's replace-in-place, append and remove.
import {regexError} from '../../machinery/names.js'
import {CliError} from '../errors.js'
import type {EnvVar} from './set-pod-template.js'

/** IsEnvironmentArgument's `(?ms)^(.+)\=(.*)$`: something, an `=`, anything. */
const isEnvironmentArgument = (s: string): boolean => /^[\s\S]+=[\s\S]*$/.test(s)

/** SplitEnvironmentFromResources: resources until the first env argument, then only env arguments; undefined when they mix. */
export function splitEnvironmentFromResources(args: string[]): {resources: string[]; envArgs: string[]} | undefined {
  const resources: string[] = []
  const envArgs: string[] = []
  for (const s of args) {
    const isEnv = isEnvironmentArgument(s) || s.endsWith('-')
    if (isEnv) envArgs.push(s)
    else if (envArgs.length === 0) resources.push(s)
    else return undefined
  }
  return {resources, envArgs}
}

/** util/validation IsEnvVarName (the strict rule kubectl's parser still uses). */
export function isEnvVarName(value: string): string[] {
  const errs: string[] = []
  if (!/^[-._a-zA-Z][-._a-zA-Z0-9]*$/.test(value)) {
    errs.push(regexError("a valid environment variable name must consist of alphabetic characters, digits, '_', '-', or '.', and must not start with a digit", '[-._a-zA-Z][-._a-zA-Z0-9]*', 'my.env-name', 'MY_ENV.NAME', 'MyEnvName1'))
  }
  if (value === '.') errs.push("must not be '.'")
  else if (value === '..') errs.push("must not be '..'")
  else if (value.startsWith('..')) errs.push("must not start with '..'")
  return errs
}

/** readEnv: `KEY=VALUE` lines, `#` starting a comment anywhere, lines without `=` skipped. */
function readEnv(text: string): EnvVar[] {
  const env: EnvVar[] = []
  for (let line of text.split('\n')) {
    if (line.endsWith('\r')) line = line.slice(0, -1)
    const hash = line.indexOf('#')
    if (hash !== -1) line = line.slice(0, hash)
    const eq = line.indexOf('=')
    if (eq !== -1) env.push({name: line.slice(0, eq), value: line.slice(eq + 1)})
  }
  return env
}

export interface ParsedEnv {
  env: EnvVar[]
  remove: string[]
  /** whether `-` read standard input */
  usedStdin: boolean
}

/** ParseEnv: the variables to set and to remove; `stdin` is read (once per `-`) when asked for. */
export function parseEnv(spec: string[], stdin: () => string): ParsedEnv {
  const env: EnvVar[] = []
  const set = new Set<string>()
  const remove: string[] = []
  let usedStdin = false
  for (const s of spec) {
    if (s === '-') {
      env.push(...readEnv(stdin()))
      usedStdin = true
    } else if (s.includes('=')) {
      const name = s.slice(0, s.indexOf('='))
      const errs = isEnvVarName(name)
      if (errs.length > 0) throw new CliError(`${JSON.stringify(name)} is not a valid key name: ${errs.join(';')}`)
      set.add(name)
      env.push({name, value: s.slice(s.indexOf('=') + 1)})
    } else if (s.endsWith('-')) {
      remove.push(s.slice(0, -1))
    } else {
      throw new CliError(`unknown environment variable: ${s}`)
    }
  }
  if (remove.some((r) => set.has(r))) throw new CliError('can not both modify and remove the same environment variable in the same command')
  return {env, remove, usedStdin}
}

/** keyToEnvName: a config map or secret key as a variable name (other characters to `_`, upper case). */
export function keyToEnvName(key: string): string {
  return key.replace(/[^a-zA-Z0-9_]/g, '_').toUpperCase()
}

/**
 * updateEnv: a variable set replaces every existing one of its name (at the first one's place), new
 * ones are appended in order, removed names go; unrelated duplicates stay.
 */
export function updateEnv(existing: EnvVar[], env: EnvVar[], remove: string[]): EnvVar[] {
  const out: EnvVar[] = []
  const covered = new Set(remove)
  for (const e of existing) {
    if (covered.has(e.name)) continue
    const newer = env.find((n) => n.name === e.name)
    if (newer) {
      covered.add(e.name)
      out.push(structuredClone(newer))
    } else {
      out.push(e)
    }
  }
  for (const e of env) {
    if (covered.has(e.name)) continue
    covered.add(e.name)
    out.push(structuredClone(e))
  }
  return out
}

/** validateNoOverwrites (--overwrite=false): a set variable may not change an existing value. */
export function overwriteError(existing: EnvVar[], env: EnvVar[]): string | undefined {
  for (const e of env) {
    const current = existing.find((c) => c.name === e.name)
    if (current && (current.value ?? '') !== (e.value ?? '')) return `'${current.name}' already has a value (${current.value ?? ''}), and --overwrite is false`
  }
  return undefined
}
