// Flags several commands share, declared once with kubectl's names, defaults and help text.
import {Flags} from '@oclif/core'

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

/** kubectl's `(dry run)` / `(server dry run)` suffix for success lines. */
export function dryRunSuffix(mode: string): string {
  if (mode === 'client') return ' (dry run)'
  if (mode === 'server') return ' (server dry run)'
  return ''
}

/** --validate values kubectl accepts, normalised; false means skip client validation. */
export function parseValidate(v: string): boolean {
  return fieldValidationOf(v) !== 'Ignore'
}

/** The fieldValidation kubectl sends for a --validate value. */
export function fieldValidationOf(v: string): 'Strict' | 'Warn' | 'Ignore' {
  const s = v.toLowerCase()
  if (s === 'true' || s === 'strict') return 'Strict'
  if (s === 'warn') return 'Warn'
  if (s === 'false' || s === 'ignore') return 'Ignore'
  throw new Error(`invalid - validate option "${v}"; must be one of: strict (or true), warn, ignore (or false)`)
}
