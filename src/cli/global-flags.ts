// kubectl's global flags (cobra persistent flags) may come anywhere, also before the verb:
// `kubectl -n team get pods`, `kubectl --context dev create -n x deployment d`. oclif parses flags per
// command, after it has found the command from the leading words, so the global flags ksim has
// (-n/--namespace, --context, --kubeconfig) are moved from among those words to just after the command's id.

/** The global flags ksim has, by every spelling that takes its value in the next word. */
const SEPARATE_VALUE = new Set(['-n', '--namespace', '--context', '--kubeconfig', '--cluster', '--user', '-v', '--v', '--request-timeout'])
/** The same flags with the value attached: `--namespace=x`, `--context=x`, `-n=x`, `-nx`. */
const ATTACHED_VALUE = /^(--namespace=|--context=|--kubeconfig=|--cluster=|--user=|--v=|--request-timeout=|-n|-v)./s

/** Whether the word `a` is one of the global flags hoistGlobalFlags moves (with its value attached or not). */
export function isGlobalFlag(a: string): boolean {
  return SEPARATE_VALUE.has(a) || ATTACHED_VALUE.test(a)
}

/**
 * `argv` with the global flags found among the leading command words moved after them. `isPath(id)`
 * says whether `id` (`create:deployment`) names a command or a topic. A flag that is not global, a
 * word that extends no command, or `--` ends the leading words; what follows is kept as it is.
 */
export function hoistGlobalFlags(argv: string[], isPath: (id: string) => boolean): string[] {
  const words: string[] = []
  const globals: string[] = []
  let i = 0
  while (i < argv.length) {
    const a = argv[i]!
    if (SEPARATE_VALUE.has(a) && i + 1 < argv.length) {
      globals.push(a, argv[i + 1]!)
      i += 2
    } else if (ATTACHED_VALUE.test(a)) {
      globals.push(a)
      i++
    } else if (!a.startsWith('-') && (words.length === 0 || isPath([...words, a].join(':')))) {
      // (a first word that names nothing stays first, for the unknown-command message)
      words.push(a)
      i++
    } else break
  }
  if (globals.length === 0) return argv
  return [...words, ...globals, ...argv.slice(i)]
}

/** Root flags that take no value (cobra's NoOptDefVal; oclif's --version): the others take the next word when not `--x=v`. */
const ROOT_BOOLEANS = new Set(['-h', '--help', '--version'])

export type LeadingFlags = {kind: 'ok'; argv: string[]} | {kind: 'error'; text: string; code: number}

/**
 * What kubectl 1.35 makes of flags placed before the verb. cobra finds the command by skipping flags, each
 * `--x`/`-x` without `=` taking the next word as its value (stripFlags); the root left with words it cannot
 * resolve sends kubectl to its plugin handler, which refuses `flags cannot be placed before plugin name`;
 * no words at all leaves the root to parse the flags (pflag's errors, `See 'kubectl --help'`). A command
 * found gets the leading flags after its words, where its own parser judges them.
 */
export function leadingFlags(argv: string[], isPath: (id: string) => boolean, bin: string): LeadingFlags {
  if (argv.length === 0 || !argv[0]!.startsWith('-') || argv.some((a) => ROOT_BOOLEANS.has(a))) return {kind: 'ok', argv}
  const flags: string[] = []
  const words: string[] = []
  let i = 0
  while (i < argv.length && argv[i] !== '--') {
    const a = argv[i]!
    const takesValue = a.startsWith('-') && !a.includes('=') && (a.startsWith('--') || a.length === 2)
    if (a.startsWith('-')) {
      flags.push(a)
      if (takesValue && i + 1 < argv.length) flags.push(argv[++i]!)
    } else if (words.length === 0 || isPath([...words, a].join(':'))) words.push(a)
    else break
    i++
  }
  if (words.length === 0 && i >= argv.length) return rootParse(flags, bin)
  if (words.length === 0 || !isPath(words[0]!)) return {kind: 'error', text: `Error: flags cannot be placed before plugin name: ${argv[0]}\n`, code: 1}
  return {kind: 'ok', argv: [...words, ...flags, ...argv.slice(i)]}
}

/** pflag on the root's flags (-n/--namespace, --context, --kubeconfig): its first error, or no arguments (the root's help). */
function rootParse(flags: string[], bin: string): LeadingFlags {
  const usage = `See '${bin} --help' for usage.`
  for (let i = 0; i < flags.length; i++) {
    const a = flags[i]!
    const name = a.startsWith('--') ? a.slice(2).split('=')[0]! : a.slice(1, 2)
    const known = ['n', 'namespace', 'context', 'kubeconfig', 'cluster', 'user', 'v', 'request-timeout'].includes(name)
    if (!known) {
      const text = a.startsWith('--') ? `unknown flag: --${name}` : `unknown shorthand flag: '${name}' in ${a}`
      return {kind: 'error', text: `error: ${text}\n${usage}\n`, code: 1}
    }
    if (a.includes('=') || (!a.startsWith('--') && a.length > 2)) continue
    if (i + 1 >= flags.length) {
      const text = a.startsWith('--') ? `flag needs an argument: ${a}` : `flag needs an argument: '${name}' in ${a}`
      return {kind: 'error', text: `error: ${text}\n${usage}\n`, code: 1}
    }
    i++
  }
  // all of them known: the root runs, and prints its help
  return {kind: 'ok', argv: []}
}
