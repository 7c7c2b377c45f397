// kubectl's deprecated --record (cli-runtime's RecordFlags): when true, the command line is written to the
// object's kubernetes.io/change-cause annotation before it is sent, where `rollout history` shows it as
// CHANGE-CAUSE. The text is parseCommandArguments': the program's base name, the positional words (the verb
// first), then every flag in the order typed as ` --long-name=value` (booleans `=true`).
import path from 'node:path'

import {Flags} from '@oclif/core'

import type {KObject} from '../api/types.js'

export const CHANGE_CAUSE = 'kubernetes.io/change-cause'

export const recordFlag = Flags.boolean({
  description:
    'Record current kubectl command in the resource annotation. If set to false, do not record the command. If set to true, record the command. If not set, default to updating the existing annotation value only if one already exists.',
  default: false,
  hidden: true,
})

/** pflag's notice for a deprecated flag that was used (MarkDeprecated("record", ...)). */
export const RECORD_DEPRECATED = 'Flag --record has been deprecated, --record will be removed in the future'

type FlagDefs = Record<string, {type?: string; char?: string}>

/**
 * The name the program was run as (os.Args[0]'s base): `exec -a NAME node ...` sets argv0; run through a
 * link or the installed bin, argv[1] names it; the bare script is the CLI's own bin name.
 */
export function programName(bin: string, argv0 = process.argv0, argv1 = process.argv[1] ?? ''): string {
  const a0 = path.basename(argv0)
  if (!/^node(js)?(\.exe)?$/.test(a0)) return a0
  const a1 = path.basename(argv1)
  return a1 === '' || /\.[cm]?js$/.test(a1) ? bin : a1
}

/** parseCommandArguments: `NAME word... --flag=value...` from the command line as typed. */
export function changeCause(name: string, args: readonly string[], defs: FlagDefs): string {
  const words: string[] = []
  const flags: string[] = []
  const longOf = (short: string) => Object.keys(defs).find((k) => defs[k].char === short)
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]
    if (arg === '--') {
      words.push(...args.slice(i + 1))
      break
    }
    const m = /^(--?)([^=]+)(?:=(.*))?$/s.exec(arg)
    if (!m || arg === '-' || (m[1] === '-' && m[2].length !== 1)) {
      words.push(arg)
      continue
    }
    const long = m[1] === '-' ? (longOf(m[2]) ?? m[2]) : m[2]
    const isBool = defs[long]?.type === 'boolean'
    let value = m[3]
    if (value === undefined) value = isBool || i + 1 >= args.length ? 'true' : args[++i]
    flags.push(` --${long}=${value}`)
  }
  return `${name}${words.length > 0 ? ' ' + words.join(' ') : ''}${flags.join('')}`
}

/** The object with its change-cause annotation set to `cause` (ChangeCauseRecorder.Record). */
export function withChangeCause(obj: KObject, cause: string): KObject {
  return {...obj, metadata: {...obj.metadata, annotations: {...obj.metadata.annotations, [CHANGE_CAUSE]: cause}}}
}

/**
 * What --record does for one command: pflag's deprecation notice when the flag was typed, and the change
 * cause when it is true (undefined: nothing to record).
 */
export function recordFor(record: boolean | undefined, bin: string, defs: FlagDefs, warn: (line: string) => void, argv = process.argv.slice(2)): string | undefined {
  if (argv.some((a) => a === '--record' || a.startsWith('--record='))) warn(RECORD_DEPRECATED)
  return record ? changeCause(programName(bin), argv, defs) : undefined
}
