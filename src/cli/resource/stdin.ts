// Reads standard input synchronously (for `-f -`), bounded (see read-limited.ts); empty when stdin is
// a TTY or closed.
import {readFdLimited} from './read-limited.js'

export function readStdin(): string {
  return readFdLimited(0, {emptyOnAgain: true})
}
