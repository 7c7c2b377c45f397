// The manifest oclif reads when it runs a command. oclif.manifest.json (~340 KB) holds every command's
// description, examples and flags, which only help prints; parsing it was ~5 % of the instructions of
// `ksim get pods`. The build also writes dist/oclif.run.json (scripts/manifest.js): the same commands with
// only what finding and running one needs (ids, aliases, hidden, plugin). A command line that may print
// help loads the full manifest, as oclif does by itself; every other loads the small one through the
// root plugin's `manifestFile` option, which the bundle's patch of oclif's plugin adds
// (scripts/bundle.js PATCHES). Unbundled (bin/dev.js), the option is ignored and the full one is read.
import {Config, type Interfaces, Plugin} from '@oclif/core'

/** The run-time manifest, relative to the package root. */
export const RUN_MANIFEST = 'dist/oclif.run.json'

/**
 * What a command of the run-time manifest keeps of the full one: what oclif's Config indexes, and `strict`
 * and `args`, by which oclif's normalizeArgv tells `get pods` (command get, argument pods) from a subcommand.
 */
export const RUN_MANIFEST_KEYS = ['id', 'aliases', 'hiddenAliases', 'hidden', 'deprecateAliases', 'state', 'deprecationOptions', 'pluginAlias', 'pluginName', 'pluginType', 'strict', 'args']

/** Whether oclif may print help for `argv`: no arguments, a help flag (oclif's and package.json's -h) or `help`. */
export function mayPrintHelp(argv: readonly string[]): boolean {
  return argv.length === 0 || argv.some((a) => a === '--help' || a === '-h' || a === 'help')
}

/** oclif's configuration for the package at `root`: with the full manifest when `full`, else the run-time one. */
export async function loadConfig(root: string, full: boolean): Promise<Config> {
  if (full) return Config.load(root)
  const plugin = new Plugin({root, isRoot: true, manifestFile: RUN_MANIFEST} as Interfaces.PluginOptions)
  await plugin.load()
  return Config.load({root, plugins: new Map([[plugin.name, plugin]])})
}
