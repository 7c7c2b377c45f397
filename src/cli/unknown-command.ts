// What kubectl (cobra) says for a command that does not exist, instead of oclif's "command x not found":
// at the top, `error: unknown command "x" for "ksim"` with cobra's "Did you mean this?" suggestions;
// under a group (`ksim rollout x`), kubectl's `error: unknown command "x"` and the group's help hint.
import {COMMAND_GROUPS} from './command-groups.js'

/** The oclif id oclif could not find (`rollout:foo`), from the error it threw; undefined for other errors. */
export function notFoundId(error: unknown): string | undefined {
  const oclif = (error as {oclif?: unknown} | null)?.oclif
  const m = oclif !== undefined && error instanceof Error ? /^command (\S+) not found$/.exec(error.message) : null
  return m?.[1]
}

/** Levenshtein distance, case-insensitive (cobra's ld with ignoreCase). */
function distance(a: string, b: string): number {
  const s = a.toLowerCase()
  const t = b.toLowerCase()
  let prev = Array.from({length: t.length + 1}, (_, j) => j)
  for (let i = 1; i <= s.length; i++) {
    const row = [i]
    for (let j = 1; j <= t.length; j++) row[j] = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + (s[i - 1] === t[j - 1] ? 0 : 1))
    prev = row
  }
  return prev[t.length]!
}

/** The words kubectl's commands list in their cobra SuggestFor (`kubectl list` suggests get and wait). */
const SUGGEST_FOR: Record<string, readonly string[]> = {get: ['list', 'ps'], wait: ['list', 'ps'], delete: ['rm']}

/**
 * cobra's SuggestionsFor: within two edits, a prefix of the name, or one of its SuggestFor words (any
 * case); in the order kubectl adds its commands.
 */
export function suggestionsFor(typed: string, names: string[]): string[] {
  const order = COMMAND_GROUPS.flatMap(([, group]) => group)
  const rank = (n: string) => (order.includes(n) ? order.indexOf(n) : order.length)
  const lower = typed.toLowerCase()
  return names
    .filter((n) => distance(typed, n) <= 2 || n.toLowerCase().startsWith(lower) || (SUGGEST_FOR[n] ?? []).includes(lower))
    .sort((a, b) => rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0))
}

/**
 * kubectl's text for the unknown command `id`, given the ids of the visible commands (`rollout:status`).
 * The longest leading part of `id` that names a group decides which of the two messages applies.
 */
export function unknownCommandText(id: string, commandIds: string[], bin: string): string {
  const parts = id.split(':')
  const groups = new Set(commandIds.flatMap((c) => c.split(':').slice(0, -1).map((_, i, all) => all.slice(0, i + 1).join(':'))))
  let depth = 0
  while (depth < parts.length - 1 && groups.has(parts.slice(0, depth + 1).join(':'))) depth++
  if (depth === 0) {
    const top = [...new Set(commandIds.map((c) => c.split(':')[0]!))]
    const suggestions = suggestionsFor(parts[0]!, top)
    // kubectl 1.35's words: `error:`, and no blank line after the suggestions
    const hint = suggestions.length > 0 ? `\n\nDid you mean this?\n${suggestions.map((s) => `\t${s}`).join('\n')}` : ''
    return `error: unknown command "${parts[0]}" for "${bin}"${hint}\n`
  }
  return `error: unknown command "${parts.slice(depth).join(' ')}"\nSee '${bin} ${parts.slice(0, depth).join(' ')} -h' for help and examples\n`
}
