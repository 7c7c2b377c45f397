// Whether ksim colours what it writes to a stream, and the colours of stderr's `error:` and `Warning:`
// prefixes (ksim's own touch; kubectl prints them plain). FORCE_COLOR forces colour on (or, as "0" or
// "false", off) even into a pipe, as chalk reads it; otherwise NO_COLOR (any non-empty value) turns
// it off; otherwise colour goes to a terminal only.
import {Chalk} from 'chalk'

const chalk = new Chalk({level: 1})

/** Whether to colour output written to `stream`. */
export function colorFor(stream: {isTTY?: boolean}, env: NodeJS.ProcessEnv = process.env): boolean {
  const force = env.FORCE_COLOR
  if (force !== undefined) return force !== '0' && force !== 'false'
  if (env.NO_COLOR) return false
  return Boolean(stream.isTTY)
}

/** `error:` in red and `Warning:` in yellow at the start of each line of stderr text. */
export function colorPrefixes(text: string): string {
  return text.replaceAll(/^(error:|Warning:)/gm, (p) => (p === 'error:' ? chalk.red(p) : chalk.yellow(p)))
}
