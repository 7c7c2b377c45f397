// pflag's side of kubectl's flag handling, for oclif's parser: `--flag=false` spellings of booleans, and
// oclif's parse errors reworded as kubectl (pflag and cobra) prints them.
import {FlagError} from './errors.js'

/**
 * kubectl (pflag) accepts `--wait=false` and `--force=true` for boolean flags; oclif only knows
 * `--wait` / `--no-wait`. Rewrites the first forms into the second before parsing.
 */
export function normaliseBooleanFlags(argv: string[], flags: Record<string, {type?: string; allowNo?: boolean; char?: string}>): string[] {
  const out: string[] = []
  for (const arg of argv) {
    if (arg === '--') {
      out.push(...argv.slice(argv.indexOf(arg)))
      break
    }
    const m = /^--([^=]+)=(.*)$/s.exec(arg) ?? /^-([A-Za-z])=(.*)$/s.exec(arg)
    const name = m ? (m[1].length === 1 ? Object.keys(flags).find((k) => flags[k].char === m[1]) : m[1]) : undefined
    const def = name ? flags[name] : undefined
    if (!m || !def || def.type !== 'boolean') {
      out.push(arg)
      continue
    }
    // strconv.ParseBool's spellings
    if (!/^(1|t|T|TRUE|true|True|0|f|F|FALSE|false|False)$/.test(m[2])) {
      const pflagName = def.char ? `-${def.char}, --${name}` : `--${name}`
      throw new FlagError(`invalid argument "${m[2]}" for "${pflagName}" flag: strconv.ParseBool: parsing "${JSON.stringify(m[2]).slice(1, -1)}": invalid syntax`)
    }
    const on = /^(1|t|T|TRUE|true|True)$/.test(m[2])
    if (on) out.push(`--${name}`)
    else if (def.allowNo) out.push(`--no-${name}`)
  }
  return out
}

export function isParseError(err: Error): boolean {
  return (
    ['NonExistentFlagsError', 'UnexpectedArgsError', 'RequiredArgsError', 'FailedFlagValidationError', 'CLIParseError', 'FlagInvalidOptionError', 'ArgInvalidOptionError'].includes(
      err.constructor?.name,
    ) ||
    (err as {parse?: unknown}).parse !== undefined ||
    /^(Flag --\S+ expects (a value|one of these values)|Parsing --\S+ \n)/.test(err.message)
  )
}

type FlagDefs = Record<string, {char?: string; options?: readonly string[]}>

/** pflag names a flag with a shorthand `-r, --replicas` in its errors, whichever form was typed. */
function pflagName(name: string, flags: FlagDefs): string {
  const char = flags[name]?.char
  return char ? `-${char}, --${name}` : `--${name}`
}

/**
 * oclif's parse messages reworded as kubectl's. `usage` is whether kubectl adds its "See '... --help' for
 * usage." line: it does for every pflag parse failure, not for the values kubectl checks itself
 * (--dry-run, -o).
 */
export function parseErrorText(err: Error, argv: string[], flags: FlagDefs): {text: string; usage: boolean} {
  const first = err.message.split('\n')[0]
  const unknown = /Nonexistent flags?: (.*)/.exec(first)
  if (unknown) {
    // pflag names a long flag without its `=value`
    const flag = unknown[1].split(',')[0].trim().replace(/^(--[^=]+)=.*$/s, '$1')
    const short = /^-([^-])/.exec(flag)
    return {text: short ? `unknown shorthand flag: '${short[1]}' in ${flag}` : `unknown flag: ${flag}`, usage: true}
  }
  const needsValue = /^Flag --(\S+) expects (a value|one of these values)/.exec(first)
  if (needsValue) {
    const name = needsValue[1]
    const char = flags[name]?.char
    const typedShort = char !== undefined && argv.some((a) => a === `-${char}` || (/^-[^-]/.test(a) && a.endsWith(char)))
    return {text: typedShort ? `flag needs an argument: '${char}' in -${char}` : `flag needs an argument: --${name}`, usage: true}
  }
  const integer = /^Parsing --(\S+) \n\tExpected an integer but received: (.*)$/.exec(err.message.split('\nSee more help')[0])
  if (integer) {
    return {text: `invalid argument "${integer[2]}" for "${pflagName(integer[1], flags)}" flag: strconv.ParseInt: parsing "${integer[2]}": invalid syntax`, usage: true}
  }
  const invalid = /^Parsing --(\S+) \n\t(.*?)(?: but received: (.*))?$/.exec(err.message.split('\nSee more help')[0])
  if (invalid) {
    const reason = invalid[2].charAt(0).toLowerCase() + invalid[2].slice(1)
    return {text: invalid[3] === undefined ? `invalid value for "${pflagName(invalid[1], flags)}" flag: ${reason}` : `invalid argument "${invalid[3]}" for "${pflagName(invalid[1], flags)}" flag: ${reason}`, usage: true}
  }
  const option = /^Expected --(\S+?)=(.*) to be one of: /.exec(first)
  if (option && option[1] === 'dry-run') return {text: `Invalid dry-run value (${option[2]}). Must be "none", "server", or "client".`, usage: false}
  if (option && option[1] === 'output') {
    const allowed = [...(flags.output?.options ?? [])].sort().join(',')
    return {text: `unable to match a printer suitable for the output format "${option[2]}", allowed formats are: ${allowed}`, usage: false}
  }
  return {text: first.replace(/^Error: /, ''), usage: true}
}
