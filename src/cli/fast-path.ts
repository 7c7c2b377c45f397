// The common verbs without oclif's Config. Before it runs a command, oclif loads its Config: the root
// plugin, package.json, the run-time manifest, every command's entry and topic, its hooks; then main.ts
// and oclif's run() find the command among them. For `get`, `describe` and `create -f` that work finds
// what the first word already says, and costs ~25M instructions of `ksim get pods`'s ~285M (node -e 0:
// ~87M). So main.ts runs these command lines here: the command's class (the same one oclif would load,
// with its oclif parse, init, catch and finally) constructed with the few members of a Config that a
// command's run touches. Everything else, and any command line that could mean something else to main.ts
// or oclif (help, a leading flag, `create deployment`, oclif's DEBUG log), goes through oclif as before.
// KSIM_NO_FAST_PATH=1 turns it off (to compare; test/cli/fast-path.test.ts runs both ways).
import type {Command, Config} from '@oclif/core'

import {isGlobalFlag} from './global-flags.js'
import {mayPrintHelp} from './run-manifest.js'

/** package.json's oclif.bin (test/cli/fast-path.test.ts checks): what `config.bin` says in messages. */
export const BIN = 'ksim'

/** The verbs that take the fast path: commands with no subcommands (or, for create, a flag before any). */
export const FAST_VERBS = ['get', 'describe', 'create'] as const

type CommandClass = (new (argv: string[], config: Config) => Command) & {id?: string}

/**
 * The id of the command `argv` runs when it can take the fast path, else undefined. The first word is the
 * verb (so main.ts's leading-flag handling and global-flag hoisting leave the line as it is, and oclif's
 * normalizeArgv finds that verb: get and describe have no subcommands and take any arguments); `create`
 * only when a flag of its own follows (`create -f x`; `create deployment x` is a subcommand, and a global
 * flag there would be hoisted past the subcommand's name).
 */
export function fastCommandId(argv: readonly string[], env: NodeJS.ProcessEnv = process.env): string | undefined {
  const [verb, next] = argv
  if (!(FAST_VERBS as readonly (string | undefined)[]).includes(verb)) return undefined
  // help anywhere, oclif's debug log, or the switch
  if (mayPrintHelp(argv) || env.DEBUG || env.KSIM_NO_FAST_PATH === '1') return undefined
  if (verb === 'create' && (next === undefined || !next.startsWith('-') || next === '-' || next === '--' || isGlobalFlag(next))) return undefined
  return verb
}

/**
 * What of a Config the command's run reads: the bin (messages), the scoped environment variables
 * (oclif's Command removes KSIM_REDIRECTED), hooks (ksim declares none, so none run), and the topic
 * separator, which oclif's deprecation check uses to find the id again (':' leaves argv as it is).
 */
function commandConfig(): Config {
  const key = (name: string) => `${BIN.toUpperCase()}_${name}`
  const config = {
    bin: BIN,
    topicSeparator: ':',
    scopedEnvVarKey: key,
    scopedEnvVarKeys: (name: string) => [key(name)],
    scopedEnvVar: (name: string) => process.env[key(name)],
    runHook: async () => ({successes: [], failures: []}),
  }
  return config as unknown as Config
}

/** Runs the command class `Command` (id `id`) on `argv` (the words after the verb) as oclif's Config.runCommand does. */
export async function runFast(id: string, Command: CommandClass, argv: string[]): Promise<void> {
  // as oclif's plugin does when it loads a command: the id names it in messages and field managers
  Command.id = id
  const cmd = new Command(argv, commandConfig()) as unknown as {_run(): Promise<unknown>}
  await cmd._run()
}
