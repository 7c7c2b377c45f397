import {Flags} from '@oclif/core'

import {defineCommand} from '../../cli/define-command.js'
import {missingKubectlCommand} from '../../cli/kubectl-commands.js'
import {programName} from '../../cli/record.js'
import {listPlugins} from '../../cli/verbs/plugin-list.js'

export default defineCommand({
  summary: "List all visible plugin executables on a user's PATH",
  description:
    "List all available plugin files on a user's PATH. To see plugins binary names without the full path use --name-only flag.\n\n Available plugin files are those that are:\n - executable\n - anywhere on the user's PATH\n - begin with \"kubectl-\"",
  examples: ['# List all available plugins\n<%= config.bin %> plugin list', '# List only binary names of available plugins without paths\n<%= config.bin %> plugin list --name-only'],
  flags: {
    'name-only': Flags.boolean({description: 'If true, display only the binary name of each plugin, rather than its full path', default: false}),
  },
  async run(cmd, {flags}) {
    const isPath = (id: string) => cmd.config.findCommand(id) !== undefined || cmd.config.findTopic(id) !== undefined
    // cobra's Find: the longest run of leading words that is a command, ksim's or one kubectl has
    const find = (words: string[]) => {
      let best: string[] | undefined
      for (let k = 1; k <= words.length; k++) {
        const w = words.slice(0, k)
        if (isPath(w.join(':')) || missingKubectlCommand(w, isPath) === w.join(' ')) best = w
        else break
      }
      return best
    }
    const listing = listPlugins(process.env.PATH ?? '', flags['name-only'], find, programName(cmd.config.bin))
    cmd.out(listing.out)
    for (const line of listing.err) process.stderr.write(`${line}\n`)
    return listing.error === undefined ? undefined : [listing.error]
  },
})
