import {defineCommand} from '../cli/define-command.js'
import {fieldValidationOf} from '../cli/flags.js'
import {runTaint} from '../cli/verbs/taint.js'
import {taintArgs, taintFlags} from '../cli/verbs/taint-flags.js'

export default defineCommand({
  summary: 'Update the taints on one or more nodes',
  description: `Update the taints on one or more nodes.

  *  A taint consists of a key, value, and effect. As an argument here, it is expressed as key=value:effect.
  *  The key must begin with a letter or number, and may contain letters, numbers, hyphens, dots, and underscores, up to 253 characters.
  *  Optionally, the key can begin with a DNS subdomain prefix and a single '/', like example.com/my-app.
  *  The value is optional. If given, it must begin with a letter or number, and may contain letters, numbers, hyphens, dots, and underscores, up to 63 characters.
  *  The effect must be NoSchedule, PreferNoSchedule or NoExecute.
  *  Currently taint can only apply to node.`,
  examples: [
    "# Update node 'foo' with a taint with key 'dedicated' and value 'special-user' and effect 'NoSchedule'\n# If a taint with that key and effect already exists, its value is replaced as specified\n<%= config.bin %> taint nodes foo dedicated=special-user:NoSchedule",
    "# Remove from node 'foo' the taint with key 'dedicated' and effect 'NoSchedule' if one exists\n<%= config.bin %> taint nodes foo dedicated:NoSchedule-",
    "# Remove from node 'foo' all the taints with key 'dedicated'\n<%= config.bin %> taint nodes foo dedicated-",
    "# Add a taint with key 'dedicated' on nodes having label myLabel=X\n<%= config.bin %> taint node -l myLabel=X  dedicated=foo:PreferNoSchedule",
    "# Add to node 'foo' a taint with key 'bar' and no value\n<%= config.bin %> taint nodes foo bar:NoSchedule",
  ],
  usage: 'taint NODE NAME KEY_1=VAL_1:TAINT_EFFECT_1 ... KEY_N=VAL_N:TAINT_EFFECT_N',
  args: taintArgs,
  flags: taintFlags,
  strict: false,
  async run(cmd, {argv, flags}) {
    // kubectl rejects a bad --validate before it looks at the arguments
    fieldValidationOf(flags.validate)
    const {api} = await cmd.open(flags)
    const {errors, wrote} = runTaint(api, argv, flags, cmd.sinks())
    cmd.wrote = wrote
    return errors
  },
})
