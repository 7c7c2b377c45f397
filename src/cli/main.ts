// The CLI's entry point (bin/run.js calls it through the bundle): oclif's execute, except that a command
// that does not exist gets kubectl's words rather than oclif's.
import {flush, handle, run} from '@oclif/core'

/** Runs `argv` as oclif's execute() does; an unknown command prints kubectl's message and exits 1. */
export async function main(root: string, argv: string[] = process.argv.slice(2)): Promise<void> {
  try {
    await run(argv, root)
    await flush()
  } catch (error) {
    const [{notFoundId, unknownCommandText}, {commandIdsOf}] = await Promise.all([import('./unknown-command.js'), import('./command-ids.js')])
    const id = notFoundId(error)
    if (id === undefined) {
      await handle(error as Error)
      return
    }
    process.stderr.write(unknownCommandText(id, commandIdsOf(root), 'ksim'))
    process.exitCode = 1
  }
}
