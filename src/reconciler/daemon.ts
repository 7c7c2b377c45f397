// The background reconciler's entry point: `bin/run.js __reconciler CLUSTER`, what ensureReconciler
// spawns. It runs the reconciler without oclif and the commands, which a long-running process would
// otherwise load and keep in memory for nothing (`ksim reconciler run` is the foreground way in).
import v8 from 'node:v8'

import {runReconciler} from './main.js'

/**
 * V8's heap may grow to several times what is live before a full collection when collecting is cheap
 * next to the work done, which a reconciler writing thousands of objects a second makes it: its
 * resident memory then follows its garbage rather than its cluster. Grow by half of what is live.
 */
const HEAP_GROWING_PERCENT = 50

/** Runs the named cluster's reconciler until it stops; the exit code says whether it failed. */
export async function main(args: readonly string[]): Promise<void> {
  const cluster = args[0]
  if (!cluster || args.length > 1) {
    process.stderr.write('usage: ksim __reconciler CLUSTER\n')
    process.exitCode = 2
    return
  }
  v8.setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`)
  const result = await runReconciler({cluster, logToStderr: false})
  if (result.exitCode !== 0) process.exitCode = result.exitCode
}
