// `delete --interactive`: kubectl lists what it is about to delete, asks `Do you want to continue? (y/N): `
// on stdout and reads one line of stdin the way Go's fmt.Fscanln reads one word: only a line holding the
// single word y or Y (spaces around it allowed) confirms; an empty line, more words or end of input cancel.
import fs from 'node:fs'

import {nameKind} from '../../printers/name.js'
import type {ResourceInfo} from '../resource/builder.js'

/** Sleeps synchronously (a non-blocking stdin with nothing in it yet). */
function pause(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms)
}

/** One line of `fd` (without its newline), read byte by byte so nothing after it is consumed; undefined at end of input. */
export function readLineSync(fd = 0): string | undefined {
  const bytes: number[] = []
  const one = Buffer.alloc(1)
  for (;;) {
    let n: number
    try {
      n = fs.readSync(fd, one, 0, 1, null)
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code
      if (code === 'EAGAIN') {
        pause(20)
        continue
      }
      if (code === 'EOF' || code === 'EBADF' || code === 'EINVAL') break
      throw error
    }
    if (n === 0) break
    if (one[0] === 0x0a) return Buffer.from(bytes).toString('utf8')
    bytes.push(one[0]!)
  }
  return bytes.length > 0 ? Buffer.from(bytes).toString('utf8') : undefined
}

/** fmt.Fscanln into one string, then strings.EqualFold(input, "y"). */
export function confirms(line: string | undefined): boolean {
  if (line === undefined) return false
  const words = line.split(/[ \t\r]+/).filter((w) => w !== '')
  return words.length === 1 && words[0]!.toLowerCase() === 'y'
}

/** kubectl's question about `infos`, written to `out`; true when the answer read from `readLine` is yes. */
export function confirmDeletion(infos: readonly ResourceInfo[], out: (text: string) => void, readLine: () => string | undefined = readLineSync): boolean {
  out(`You are about to delete the following ${infos.length} resource(s):\n`)
  for (const info of infos) out(`${nameKind(info.rt)}/${info.name}\n`)
  out('Do you want to continue? (y/N): ')
  return confirms(readLine())
}
