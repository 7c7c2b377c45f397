// Reads all of standard input synchronously (for `-f -`); empty when stdin is a TTY or closed.
import fs from 'node:fs'

export function readStdin(): string {
  try {
    return fs.readFileSync(0, 'utf8')
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EAGAIN' || (error as NodeJS.ErrnoException).code === 'EOF') return ''
    throw error
  }
}
