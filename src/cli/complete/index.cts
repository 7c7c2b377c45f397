// The fast path behind shell completion: `ksim __complete WORD...` (bin/run.js branches here before
// loading oclif). Prints one candidate per line, then `:<directive>` (complete.cts's NO_SPACE | FILES).
// It always exits 0 and never writes to stderr: whatever fails, the shell just gets no candidates.
// The fast path is CommonJS on purpose: Node loads it faster than ES modules, and it runs on every TAB.
import fs from 'node:fs'
import path from 'node:path'

import {complete} from './complete.cjs'
import {loadModel} from './model.cjs'

/** The manifest beside package.json (this file runs as dist/src/cli/complete/index.cjs). */
const MANIFEST = path.join(__dirname, '..', '..', '..', '..', 'oclif.manifest.json')

/** The protocol text for `words`: candidates, one per line, then the directive line. */
export function completionOutput(words: string[], manifest: string = MANIFEST): string {
  try {
    const model = loadModel(manifest)
    if (!model) return ':0\n'
    const {candidates, directive} = complete(model, words)
    return candidates.map((c) => `${c}\n`).join('') + `:${directive}\n`
  } catch {
    return ':0\n'
  }
}

/** Entry point for bin/run.js: `words` are the arguments after `__complete`. */
export function main(words: string[]): void {
  // straight to fd 1: process.stdout would load Node's stream machinery (milliseconds, on every TAB)
  const out = Buffer.from(completionOutput(words))
  for (let at = 0; at < out.length; ) {
    try {
      at += fs.writeSync(1, out, at)
    } catch (error) {
      // a non-blocking pipe that is full: try again; anything else (the shell went away): give up
      if ((error as NodeJS.ErrnoException).code !== 'EAGAIN') return
    }
  }
}
