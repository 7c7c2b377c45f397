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
    '# List recent events for the specified pod, then wait for more events and list them as they arrive\n<%= config.bin %> events --for pod/web-pod-13je7 --watch',
    '# List recent events in YAML format\n<%= config.bin %> events -oyaml',
    "# List recent only events of type 'Warning' or 'Normal'\n<%= config.bin %> events --types=Warning,Normal",
  ],
  usage: 'events [(-o|--output=)json|yaml|name|go-template|go-template-file|template|templatefile|jsonpath|jsonpath-as-json|jsonpath-file] [--for TYPE/NAME] [--watch] [--types=Normal,Warning]',
  flags: {
    'all-namespaces': allNamespacesFlag,
    'chunk-size': Flags.integer({description: 'Return large lists in chunks rather than all at once. Pass 0 to disable.', default: 500}),
    for: Flags.string({description: 'Filter events to only those pertaining to the specified resource.'}),
    'no-headers': Flags.boolean({description: "When using the default output format, don't print headers.", default: false}),
    ...printFlags,
    types: Flags.string({description: 'Output only events of given types.', multiple: true, delimiter: ','}),
    watch: Flags.boolean({char: 'w', description: 'After listing the requested events, watch for more events.', default: false}),
  },
  // kubectl's events takes no arguments and ignores any given
  strict: false,
  async run(cmd, {flags}) {
    const target = await cmd.target(flags)
    const api = await cmd.openApi(target)
    if (flags.watch) {
      const [{watchEvents}, {parseRequestTimeout}] = await Promise.all([import('../cli/verbs/events-watch.js'), import('../cli/verbosity.js')])
      return watchEvents(api, target, flags, cmd.sinks(), parseRequestTimeout(flags['request-timeout']))
    }
    const {runEvents} = await import('../cli/verbs/events.js')
    runEvents(api, target, flags, cmd.sinks(), api.clock.now())
  },
})
