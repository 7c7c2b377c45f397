// kubectl's global flags (cobra persistent flags) may come anywhere, also before the verb:
// `kubectl -n team get pods`, `kubectl --context dev create -n x deployment d`. oclif parses flags per
// command, after it has found the command from the leading words, so the global flags ksim has
// (-n/--namespace, --context) are moved from among those words to just after the command's id.

/** The global flags ksim has, by every spelling that takes its value in the next word. */
const SEPARATE_VALUE = new Set(['-n', '--namespace', '--context'])
/** The same flags with the value attached: `--namespace=x`, `--context=x`, `-n=x`, `-nx`. */
const ATTACHED_VALUE = /^(--namespace=|--context=|-n)./s

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
