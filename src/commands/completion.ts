import {Args} from '@oclif/core'

import '../api/kinds/index.js'
import {allTypes} from '../api/registry.js'
import {defineCommand} from '../cli/define-command.js'
import {bashScript, zshScript} from '../cli/complete/scripts.js'
import {CliError} from '../cli/errors.js'

const SHELLS: Record<string, (bin: string) => string> = {bash: bashScript, zsh: zshScript}

export default class Completion extends defineCommand({
  summary: 'Output shell completion code for the specified shell (bash or zsh)',
  description: `Output shell completion code for the specified shell (bash or zsh). The shell code must be evaluated to provide interactive completion of ksim commands. This can be done by sourcing it from the .bash_profile or .zshrc.

Completion knows commands, flags, flag values (output formats, contexts, namespaces) and the names of the objects in the cluster, which it reads from the cluster's state file on every TAB.

Note for zsh users: zsh completion needs compinit to have run first (autoload -Uz compinit && compinit).`,
  examples: [
    '# Load the ksim completion code for bash into the current shell\nsource <(<%= config.bin %> completion bash)',
    "# Load it in every new bash shell\necho 'source <(<%= config.bin %> completion bash)' >> ~/.bashrc",
    '# Load the ksim completion code for zsh into the current shell\nsource <(<%= config.bin %> completion zsh)',
    '# Or install it as a zsh completion function, in a directory on $fpath\n<%= config.bin %> completion zsh > "${fpath[1]}/_<%= config.bin %>"',
  ],
  args: {
    shell: Args.string({description: 'bash or zsh'}),
  },
  strict: false,
  async run(cmd, {argv: shells}) {
    if (shells.length === 0) throw new CliError('Shell not specified.', true)
    if (shells.length > 1) throw new CliError('Too many arguments. Expected only the shell type.', true)
    const script = SHELLS[shells[0]]
    if (!script) throw new CliError(`Unsupported shell type "${shells[0]}".`, true)
    cmd.out(script(cmd.config.bin))
  },
}) {
  /** The registry's resource types, published in oclif.manifest.json for the completion fast path. */
  static resourceTypes = allTypes()
    .map(({kind, group, plural, singular, shortNames, namespaced}) => ({kind, group, plural, singular, shortNames, namespaced}))
    // sorted: registration order depends on which module imported the kinds first
    .sort((a, b) => (a.plural + '.' + a.group < b.plural + '.' + b.group ? -1 : 1))
}
