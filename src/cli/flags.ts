// Flags several commands share, declared once with kubectl's names, defaults and help text.
import {Flags} from '@oclif/core'

import {CliError} from './errors.js'

// kubectl's -f is a string slice: repeated, or comma-separated; the arguments after it stay arguments
// (`ksim label -f pod.yaml app=web`)
export const filenameFlag = Flags.string({
  char: 'f',
  description: 'Filename, directory, or URL to files to use',
  multiple: true,
  multipleNonGreedy: true,
  delimiter: ',',
})

export const recursiveFlag = Flags.boolean({
  char: 'R',
  description: 'Process the directory used in -f, --filename recursively.',
  default: false,
})

export const dryRunFlag = Flags.option({
  options: ['none', 'client', 'server'] as const,
  description: 'Must be "none", "server", or "client". If client strategy, only print the object that would be sent, without sending it. If server strategy, submit server-side request without persisting the resource.',
  default: 'none',
})()

/** kubectl's flags for streams into a pod's container, the same on exec and attach */
export const containerStreamFlags = {
    container: Flags.string({char: 'c', description: 'Container name. If omitted, use the kubectl.kubernetes.io/default-container annotation for selecting the container to be attached or the first container in the pod will be chosen'}),
    'pod-running-timeout': Flags.string({description: 'The length of time (like 5s, 2m, or 3h, higher than zero) to wait until at least one pod is running', default: '1m0s'}),
    quiet: Flags.boolean({char: 'q', description: 'Only print output from the remote session', default: false}),
    stdin: Flags.boolean({char: 'i', description: 'Pass stdin to the container', default: false}),
    tty: Flags.boolean({char: 't', description: 'Stdin is a TTY', default: false}),
}

export const selectorFlag = Flags.string({
  char: 'l',
  description: 'Selector (label query) to filter on, supports \'=\', \'==\', \'!=\', \'in\', \'notin\'.(e.g. -l key1=value1,key2=value2). Matching objects must satisfy all of the specified label constraints.',
})

export const allNamespacesFlag = Flags.boolean({
  char: 'A',
  description: 'If present, list the requested object(s) across all namespaces. Namespace in current context is ignored even if specified with --namespace.',
  default: false,
})

export const validateFlag = Flags.string({
  description: "Must be one of: strict (or true), warn, ignore (or false). Defaults to \"strict\".",
  default: 'strict',
})

/** --validate values kubectl accepts, normalised; false means skip client validation. */
export function parseValidate(v: string): boolean {
  return fieldValidationOf(v) !== 'Ignore'
}

/** The fieldValidation kubectl sends for a --validate value. */
export function fieldValidationOf(v: string): 'Strict' | 'Warn' | 'Ignore' {
  // kubectl tries strconv.ParseBool first, then the three names, case-sensitively
  const b = parseBool(v)
  if (b !== undefined) return b ? 'Strict' : 'Ignore'
  if (v === 'strict') return 'Strict'
  if (v === 'warn') return 'Warn'
  if (v === 'ignore') return 'Ignore'
  throw new Error(`invalid - validate option "${v}"; must be one of: strict (or true), warn, ignore (or false)`)
}

/** Go's strconv.ParseBool: its spellings of true and false, else undefined. */
export function parseBool(v: string): boolean | undefined {
  if (/^(1|t|T|TRUE|true|True)$/.test(v)) return true
  if (/^(0|f|F|FALSE|false|False)$/.test(v)) return false
  return undefined
}

export type Cascade = 'Background' | 'Foreground' | 'Orphan'

/**
 * --cascade as kubectl's parseCascadingFlag reads it: a ParseBool value still works with a deprecation
 * warning (`warn` gets it), the three names are case-sensitive, anything else is an error.
 */
export function parseCascade(v: string, warn: (line: string) => void): Cascade {
  const b = parseBool(v)
  if (b !== undefined) {
    warn(`warning: --cascade=${v} is deprecated (boolean value) and can be replaced with --cascade=${b ? 'background' : 'orphan'}.`)
    return b ? 'Background' : 'Orphan'
  }
  const named = ({background: 'Background', foreground: 'Foreground', orphan: 'Orphan'} as const)[v as 'background']
  if (!named || !['background', 'foreground', 'orphan'].includes(v)) throw new CliError(`invalid cascade value (${v}). Must be "background", "foreground", or "orphan"`)
  return named
}

/**
 * pflag's NoOptDefVal: a bare `--validate` means `--validate=strict` and a bare `--cascade` means
 * `--cascade=background` (and a bare `--global-default` is true); the next word stays an argument. Rewrites the bare forms before oclif parses.
 */
const NO_OPT_DEFAULTS: Record<string, string> = {validate: 'strict', cascade: 'background', 'global-default': 'true'}

export function applyNoOptDefaults(argv: string[], flags: Record<string, unknown>): string[] {
  return eachFlagWord(argv, (arg) => {
    const name = arg.startsWith('--') ? arg.slice(2) : undefined
    return name !== undefined && name in NO_OPT_DEFAULTS && name in flags ? `--${name}=${NO_OPT_DEFAULTS[name]}` : arg
  })
}

// each word before a `--` through `map`; `--` and the words after it are arguments, kept as they are
function eachFlagWord(argv: string[], map: (arg: string) => string): string[] {
  const end = argv.indexOf('--')
  return end < 0 ? argv.map(map) : [...argv.slice(0, end).map(map), ...argv.slice(end)]
}

/**
 * --dry-run as kubectl's GetDryRunStrategy reads it: a bare `--dry-run` (pflag's NoOptDefVal "unchanged",
 * the next word stays an argument) and the ParseBool spellings still work, each with klog's deprecation
 * warning from helpers.go; rewritten to none|client|server before oclif checks the value.
 */
export function normaliseDryRun(argv: string[], flags: Record<string, unknown>, warn: (source: string, message: string) => void): string[] {
  if (!('dry-run' in flags)) return argv
  return eachFlagWord(argv, (arg) => {
    const value = arg === '--dry-run' ? 'unchanged' : arg.startsWith('--dry-run=') ? arg.slice('--dry-run='.length) : undefined
    if (value === undefined || ['none', 'client', 'server'].includes(value)) return arg
    const b = parseBool(value)
    if (value === 'unchanged') warn('helpers.go:719', '--dry-run is deprecated and can be replaced with --dry-run=client.')
    else if (b !== undefined) warn(b ? 'helpers.go:733' : 'helpers.go:736', `--dry-run=${value} is deprecated (boolean value) and can be replaced with --dry-run=${b ? 'client' : 'none'}.`)
    return value === 'unchanged' || b === true ? '--dry-run=client' : b === false ? '--dry-run=none' : arg
  })
}
