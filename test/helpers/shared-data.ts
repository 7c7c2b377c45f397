// Data from outside the repository (the sibling ../shared directory CI provides: the Kubernetes
// documentation corpus). A clone without it must still pass its own tests, so the tests that read it
// skip, saying why on the console; CI sets KSIM_REQUIRE_SHARED=1 (see .ci/run), and then absence fails.
import fs from 'node:fs'
import path from 'node:path'

import {ROOT} from './cli.js'

/** `../shared/<parts>` next to the repository (KSIM_SHARED_DIR instead of ../shared: for the test of this). */
export function sharedPath(...parts: string[]): string {
  return path.join(process.env.KSIM_SHARED_DIR ?? path.join(ROOT, '..', 'shared'), ...parts)
}

/** Why `dir` cannot be used (undefined when it is there); throws when CI requires it. */
export function sharedMissing(dir: string): string | undefined {
  if (fs.existsSync(dir)) return undefined
  const reason = `${dir} is absent (data from outside the repository)`
  if (process.env.KSIM_REQUIRE_SHARED === '1') throw new Error(`${reason}, and KSIM_REQUIRE_SHARED=1 requires it`)
  return reason
}

/** A placeholder suite whose before() skips it, saying why on the console. */
export function describeSkipped(title: string, reason: string): void {
  describe(title, function () {
    before(function () {
      console.log(`      skipped: ${reason}`)
      this.skip()
    })
    it('needs the data it reads', () => {})
  })
}
