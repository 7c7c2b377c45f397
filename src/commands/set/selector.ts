import {defineCommand} from '../../cli/define-command.js'
import {unlessDryRun} from '../../cli/base-command.js'
import {runSetSelector, setSelectorArgs, setSelectorFlags} from '../../cli/verbs/set-selector.js'

export default defineCommand({
  summary: 'Set the selector on a resource',
  description: `Set the selector on a resource. Note that the new selector will overwrite the old selector if the resource had one prior to the invocation of 'set selector'.

 A selector must begin with a letter or number, and may contain letters, numbers, hyphens, dots, and underscores, up to 63 characters. If --resource-version is specified, then updates will use this resource version, otherwise the existing resource-version will be used. Note: currently selectors can only be set on Service objects.`,
  examples: [
    "# Set the labels and selector before creating a deployment/service pair\n<%= config.bin %> create service clusterip my-svc --clusterip=\"None\" -o yaml --dry-run=client | <%= config.bin %> set selector --local -f - 'environment=qa' -o yaml | <%= config.bin %> create -f -\n<%= config.bin %> create deployment my-dep --image=nginx -o yaml --dry-run=client | <%= config.bin %> label --local -f - environment=qa -o yaml | <%= config.bin %> create -f -",
  ],
  usage: 'set selector (-f FILENAME | TYPE NAME) EXPRESSIONS [--resource-version=version]',
  args: setSelectorArgs,
  flags: setSelectorFlags,
  strict: false,
  writes: unlessDryRun,
  async run(cmd, {argv, flags}) {
    const target = await cmd.target(flags)
    const api = flags.local ? undefined : await cmd.openApi(target)
    return runSetSelector(api, target, argv, flags, cmd.sinks())
  },
})
