// The positional arguments in the order the user typed them. oclif's parser returns them sorted by the
// first index of each word in the command line (`argv.sort((a, b) => originalArgv.indexOf(a) - …)`), so
// a word after `--` that also appears earlier as a flag or flag value moves: `exec web -c app -- sh -c
// 'echo hi'` gave the command `-c sh 'echo hi'`. cobra keeps every word after `--` where it stands; so
// does this: the parser's own tokens (positional words in order, and the unknown flags a non-strict
// command keeps as arguments) are merged back along the command line.

/** What of oclif's parser output the order is rebuilt from. */
export interface ParsedWords {
  argv: unknown[]
  raw: ReadonlyArray<{type: string; input: string}>
  nonExistentFlags?: string[]
}

/**
 * The positional words of `parsed` in command-line order. Both sequences are subsequences of `line`
 * (the unknown flags only before the first `--`), so an earliest match walk finds each word's place.
 * Anything the parser made of the words (an arg's parse, a default) keeps the parser's own argv.
 */
export function positionalWords(line: readonly string[], parsed: ParsedWords): unknown[] {
  const words = parsed.raw.filter((token) => token.type === 'arg').map((token) => token.input)
  const unknown = parsed.nonExistentFlags ?? []
  const out: string[] = []
  let w = 0
  let u = 0
  let flagsEnd = false
  for (const arg of line) {
    if (!flagsEnd && arg === '--') {
      flagsEnd = true
      continue
    }
    if (!flagsEnd && u < unknown.length && arg === unknown[u]) out.push(unknown[u++]!)
    else if (w < words.length && arg === words[w]) out.push(words[w++]!)
  }
  return sameWords(out, parsed.argv) ? out : parsed.argv
}

function sameWords(a: readonly string[], b: readonly unknown[]): boolean {
  if (a.length !== b.length) return false
  const sorted = (x: readonly unknown[]) => x.map(String).sort()
  const [x, y] = [sorted(a), sorted(b)]
  return x.every((v, i) => v === y[i])
}
