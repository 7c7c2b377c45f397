// How a verb that writes many objects (create -f, delete --all) groups its writes: runs of up to BATCH_MS,
// each one store transaction (Api.transaction), so that 100,000 objects do not pay a commit each. Each
// object's own write still succeeds or fails alone (a nested transaction). What a batch prints waits in a
// BatchOutput until the batch has committed, then goes out in one write per stream: nothing is reported
// done that a crash could still lose, and a pipe's synchronous writes are paid per batch, not per line.

/** Runs a function in one transaction. */
export type Batch = <R>(fn: () => R) => R

/** longest a batch keeps its writes uncommitted: other writers (the reconciler) wait for it meanwhile */
export const BATCH_MS = 50

/**
 * After a batch, the lock is left free for a quarter of the time it was held. Another writer waiting on
 * SQLite's busy timeout polls, at last every 100 ms; a batch that started again at once would leave it
 * only the instant between two batches, and the reconciler starved (its writes gave up after 10 s and its
 * lease lapsed while a 30,000-pod `create -f` ran).
 */
export const YIELD_FRACTION = 0.25

const pause = new Int32Array(new SharedArrayBuffer(4))
function sleepMs(ms: number): void {
  Atomics.wait(pause, 0, 0, ms)
}

/** What a batch prints, held until it has committed. */
export class BatchOutput {
  lines: string[] = []
  warnings: string[] = []

  constructor(readonly sinks: {out(text: string): void; err(line: string): void}) {}

  out(text: string): void {
    this.lines.push(text)
  }

  err(line: string): void {
    this.warnings.push(line)
  }

  flush(): void {
    for (const w of this.warnings) this.sinks.err(w)
    if (this.lines.length > 0) this.sinks.out(this.lines.join(''))
    this.discard()
  }

  discard(): void {
    this.lines = []
    this.warnings = []
  }
}

/**
 * Calls `each` for every item, in batches when `batch` is given, flushing `output` after each batch (or
 * item). `checkpoint` saves the caller's own state and returns what restores it: when a batch's own
 * transaction fails (its begin or commit: a locked or broken store), none of it was written, so its
 * state is restored and its items are sent again one at a time, as without batching, each then
 * reporting its own error.
 */
export function inBatches<T>(items: readonly T[], batch: Batch | undefined, output: BatchOutput, each: (item: T) => void, checkpoint: () => () => void): void {
  let next = 0
  while (next < items.length) {
    if (!batch) {
      each(items[next++]!)
      output.flush()
      continue
    }
    const first = next
    const restore = checkpoint()
    const start = performance.now()
    try {
      batch(() => {
        do each(items[next++]!)
        while (next < items.length && performance.now() - start < BATCH_MS)
      })
    } catch {
      next = first
      restore()
      output.discard()
      batch = undefined
      continue
    }
    output.flush()
    if (next < items.length) sleepMs(Math.max(1, (performance.now() - start) * YIELD_FRACTION))
  }
}
