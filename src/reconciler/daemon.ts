// The background reconciler's entry point: `bin/run.js __reconciler CLUSTER`, what ensureReconciler
// spawns. It runs the reconciler without oclif and the commands, which a long-running process would
// otherwise load and keep in memory for nothing (`ksim reconciler run` is the foreground way in).
import {runReconciler} from './main.js'

/** Runs the named cluster's reconciler until it stops; the exit code says whether it failed. */
export async function main(args: readonly string[]): Promise<void> {
  const cluster = args[0]
  if (!cluster || args.length > 1) {
    process.stderr.write('usage: ksim __reconciler CLUSTER\n')
    process.exitCode = 2
    return
  }
  const result = await runReconciler({cluster, logToStderr: false})
  if (result.exitCode !== 0) process.exitCode = result.exitCode
}
