import {Flags} from '@oclif/core'

import {defineCommand} from '../cli/define-command.js'
import {allNamespacesFlag} from '../cli/flags.js'
import {printFlags} from '../cli/print/print-flags.js'

export default defineCommand({
  summary: 'List events',
  description:
    'Display events.\n\n Prints a table of the most important information about events. You can request events for a namespace, for all namespace, or filtered to only those pertaining to a specified resource.',
  examples: [
    '# List recent events in the default namespace\n<%= config.bin %> events',
    '# List recent events in all namespaces\n<%= config.bin %> events --all-namespaces',
    '# List recent events for the specified pod\n<%= config.bin %> events --for pod/web-pod-13je7',
    '# List recent events in YAML format\n<%= config.bin %> events -oyaml',
    "# List recent only events of type 'Warning' or 'Normal'\n<%= config.bin %> events --types=Warning,Normal",
  ],
  usage: 'events [(-o|--output=)json|yaml|name|go-template|go-template-file|template|templatefile|jsonpath|jsonpath-as-json|jsonpath-file] [--for TYPE/NAME] [--types=Normal,Warning]',
  flags: {
    'all-namespaces': allNamespacesFlag,
    'chunk-size': Flags.integer({description: 'Return large lists in chunks rather than all at once. Pass 0 to disable.', default: 500}),
    for: Flags.string({description: 'Filter events to only those pertaining to the specified resource.'}),
    'no-headers': Flags.boolean({description: "When using the default output format, don't print headers.", default: false}),
    ...printFlags,
    types: Flags.string({description: 'Output only events of given types.', multiple: true, delimiter: ','}),
  },
  // kubectl's events takes no arguments and ignores any given
  strict: false,
  async run(cmd, {flags}) {
    const {runEvents} = await import('../cli/verbs/events.js')
    const target = await cmd.target(flags)
    const api = await cmd.openApi(target)
    runEvents(api, target, flags, cmd.sinks(), api.clock.now())
  },
})
