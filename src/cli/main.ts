// The CLI's entry point (bin/run.js calls it through the bundle): oclif's execute, except where kubectl
// (cobra) behaves otherwise: a command that does not exist gets kubectl's words, and a group named
// without a subcommand (`ksim set`) prints its help and fails, as kubectl's DefaultSubCommandRun does.
import {type Command, Config, flush, handle, run} from '@oclif/core'

import {fastCommandId, runFast} from './fast-path.js'
import {hoistGlobalFlags, leadingFlags} from './global-flags.js'
import {missingCommandText, missingKubectlCommand} from './kubectl-commands.js'
import {loadConfig, mayPrintHelp} from './run-manifest.js'
import {findPlugin, pluginLookup, runPlugin} from './plugins.js'
import {programName} from './record.js'

/** Groups whose help kubectl prints on stdout when run bare (rollout's own Run); the others use stderr. */
const HELP_ON_STDOUT = new Set(['rollout'])

/** The command classes by id (the bundle's `commands`), for the fast path. */
export type CommandClasses = Record<string, typeof Command>

/**
 * Runs `argv` as oclif's execute() does, with kubectl's behaviour for unknown commands and bare groups;
 * given `commands`, the common verbs without oclif's Config (fast-path.ts).
 */
export async function main(root: string, rawArgv: string[] = process.argv.slice(2), commands?: CommandClasses): Promise<void> {
  const fastId = commands ? fastCommandId(rawArgv) : undefined
  if (fastId !== undefined && commands?.[fastId]) {
    try {
      await runFast(fastId, commands[fastId] as unknown as Parameters<typeof runFast>[1], rawArgv.slice(1))
      await flush()
    } catch (error) {
      await handle(error as Error)
    }
    return
  }
  try {
    // the small run-time manifest unless help may be printed (a bare group's help reloads the full one)
    const config = await loadConfig(root, mayPrintHelp(rawArgv))
    const isPath = (id: string) => config.findCommand(id) !== undefined || config.findTopic(id) !== undefined
    // a kubectl command ksim lacks is still a command to cobra (its own message comes below)
    // cobra names the root command in these messages: `kubectl` when ksim is run as kubectl (exec -a, a link)
    const leading = leadingFlags(rawArgv, (id) => isPath(id) || missingKubectlCommand(id.split(':'), isPath) !== undefined, programName('ksim'))
    if (leading.kind === 'error') {
      process.stderr.write(leading.text)
      process.exitCode = leading.code
      return
    }
    // kubectl runs a `kubectl-NAME` plugin on PATH for a command it does not have (cli/plugins.ts)
    const isKubectlCommand = (id: string) => isPath(id) || missingKubectlCommand(id.split(':'), isPath) !== undefined
    const lookup = pluginLookup(rawArgv, isKubectlCommand)
    const plugin = lookup && findPlugin(lookup.cmdArgs, lookup.minArgs)
    if (plugin) {
      if ('error' in plugin) process.stderr.write(`Error: ${plugin.error}\n`)
      process.exitCode = 'error' in plugin ? 1 : runPlugin(plugin)
      return
    }
    const argv = hoistGlobalFlags(leading.argv, isPath)
    const firstFlag = argv.findIndex((a) => a.startsWith('-'))
    const words = firstFlag < 0 ? argv : argv.slice(0, firstFlag)
    const id = words.join(':')
    const asksHelp = argv.some((a) => a === '--help' || a === '-h')
    const missing = missingKubectlCommand(words, isPath)
    if (missing !== undefined) {
      process.stderr.write(missingCommandText(missing, programName('ksim')))
      process.exitCode = 1
      return
    }
    if (words.length > 0 && !asksHelp && !config.findCommand(id) && config.findTopic(id)) {
      await groupHelp(await loadConfig(root, true), words, HELP_ON_STDOUT.has(id))
      process.exitCode = 1
      return
    }
    await run(argv, config)
    await flush()
  } catch (error) {
    const [{notFoundId, unknownCommandText}, {commandIdsOf}] = await Promise.all([import('./unknown-command.js'), import('./command-ids.js')])
    const id = notFoundId(error)
    if (id === undefined) {
      await handle(error as Error)
      return
    }
    process.stderr.write(unknownCommandText(id, commandIdsOf(root), programName('ksim')))
    process.exitCode = 1
  }
}

/** The group's help (oclif's page for the topic), on stdout or, as cobra's c.Help() to ErrOut, stderr. */
async function groupHelp(config: Config, words: string[], onStdout: boolean): Promise<void> {
  if (onStdout) {
    await run([...words, '--help'], config)
    return
  }
  const write = process.stdout.write
  process.stdout.write = process.stderr.write.bind(process.stderr) as typeof process.stdout.write
  try {
    await run([...words, '--help'], config)
  } finally {
    process.stdout.write = write
  }
}
