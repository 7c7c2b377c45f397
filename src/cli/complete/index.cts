// The fast path behind shell completion: `ksim __complete WORD...` (bin/run.js branches here before
// loading oclif). Prints one candidate per line, then `:<directive>` (complete.cts's NO_SPACE | FILES).
// It always exits 0 and never writes to stderr: whatever fails, the shell just gets no candidates.
// The fast path is CommonJS on purpose: Node loads it faster than ES modules, and it runs on every TAB.
import fs from 'node:fs'
import path from 'node:path'

import {complete} from './complete.cjs'
import {loadModel} from './model.cjs'

/** The manifest beside package.json, when this file runs as dist/src/cli/complete/index.cjs (bundled, bin/run.js names it). */
const MANIFEST = path.join(__dirname, '..', '..', '..', '..', 'oclif.manifest.json')

/**
 * The protocol text for `words`: candidates, one per line, then the directive line. With
 * `descriptions` (what the zsh script asks for: KSIM_COMPLETE_DESCRIPTIONS=1) a candidate that has a
 * description is followed by a tab and the description.
 */
export function completionOutput(words: string[], manifest: string = MANIFEST, descriptions = false): string {
  try {
    const model = loadModel(manifest)
    if (!model) return ':0\n'
    const c = complete(model, words)
    const line = (v: string, i: number) => (descriptions && c.descriptions?.[i] ? `${v}\t${c.descriptions[i].replaceAll(/[\t\n]/g, ' ')}\n` : `${v}\n`)
    return c.candidates.map(line).join('') + `:${c.directive}\n`
  } catch {
    return ':0\n'
  }
}

/** Entry point for bin/run.js: `words` are the arguments after `__complete`, `manifest` oclif.manifest.json. */
export function main(words: string[], manifest: string = MANIFEST): void {
  // straight to fd 1: process.stdout would load Node's stream machinery (milliseconds, on every TAB)
  const out = Buffer.from(completionOutput(words, manifest, process.env.KSIM_COMPLETE_DESCRIPTIONS === '1'))
  for (let at = 0; at < out.length; ) {
    try {
      at += fs.writeSync(1, out, at)
    } catch (error) {
      // a non-blocking pipe that is full: try again; anything else (the shell went away): give up
      if ((error as NodeJS.ErrnoException).code !== 'EAGAIN') return
    }
  }
}
