// How the reconciler's loop sleeps: until a timeout, or until something wakes it early — a signal, or
// a write to the state file seen by a watch on its folder (so a quiet loop can poll slowly and still
// notice a change at once).
import fs from 'node:fs'
import path from 'node:path'

import {describeError} from './log.js'

/** An interruptible sleep. A wake() that comes while awake ends the next sleep at once. */
export class Waker {
  #wake?: () => void
  #nudged = false

  wake(): void {
    this.#nudged = true
    this.#wake?.()
  }

  sleep(ms: number): Promise<void> {
    if (this.#nudged) {
      this.#nudged = false
      return Promise.resolve()
    }
    return new Promise((resolve) => {
      const done = (): void => {
        clearTimeout(timer)
        this.#wake = undefined
        this.#nudged = false
        resolve()
      }
      const timer = setTimeout(done, ms)
      this.#wake = done
    })
  }

  /**
   * Wakes on every write to `file` or its -wal/-shm (inotify and friends, through fs.watch on the
   * folder). Returns the watcher to close, or undefined (after telling `warn`) when watching fails.
   */
  watch(file: string, warn: (message: string) => void): fs.FSWatcher | undefined {
    const base = path.basename(file)
    try {
      const w = fs.watch(path.dirname(file), (_event, name) => {
        if (name === null || String(name).startsWith(base)) this.wake()
      })
      w.on('error', () => w.close())
      return w
    } catch (error) {
      warn(`cannot watch ${path.dirname(file)} (${describeError(error)}); polling only`)
      return undefined
    }
  }
}
