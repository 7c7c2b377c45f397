// Go time.Duration syntax for flags like --timeout (`30s`, `1m30s`, `500ms`, `2h`), in milliseconds.
import {parseGoDuration} from '../machinery/duration.js'
import {FlagError} from './errors.js'

/** Parses a Go duration; a bare number is refused unless it is 0, as Go does. */
export function parseDuration(text: string, flag: string): number {
  const ms = parseGoDuration(text)
  if (ms === undefined) throw new FlagError(`invalid argument "${text}" for "--${flag}" flag: time: invalid duration "${text}"`)
  return ms
}
