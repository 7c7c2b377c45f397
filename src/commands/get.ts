import {Args, Flags} from '@oclif/core'

import {KsimCommand} from '../cli/base-command.js'
import {CliError} from '../cli/errors.js'
import {allNamespacesFlag, filenameFlag, recursiveFlag, selectorFlag} from '../cli/flags.js'
import {colorFor} from '../cli/print/color.js'
import {runGet} from '../cli/verbs/get.js'
import {GET_OUTPUT_FORMATS} from '../cli/print/output-format.js'

export default class Get extends KsimCommand {
  static override args = {
    resources: Args.string({description: 'TYPE[.VERSION][.GROUP] [NAME...] | TYPE[.VERSION][.GROUP]/NAME ...'}),
  }

  static override description = "Display one or many resources.\n\n Prints a table of the most important information about the specified resources. You can filter the list using a label selector and the --selector flag. If the desired resource type is namespaced you will only see results in the current namespace if you don't specify any namespace.\n\n By specifying the output as 'template' and providing a Go template as the value of the --template flag, you can filter the attributes of the fetched resources.\n\nUse \"<%= config.bin %> api-resources\" for a complete list of supported resources."

  static override examples = [
    '# List all pods in ps output format\n<%= config.bin %> get pods',
    '# List all pods in ps output format with more information (such as node name)\n<%= config.bin %> get pods -o wide',
    '# List a single pod in JSON output format\n<%= config.bin %> get -o json pod web-pod-13je7',
    '# List a pod identified by type and name specified in "pod.yaml" in JSON output format\n<%= config.bin %> get -f pod.yaml -o json',
    "# Return only the phase value of the specified pod\n<%= config.bin %> get -o template pod/web-pod-13je7 --template={{.status.phase}}",
    '# List all replication controllers and services together in ps output format\n<%= config.bin %> get pods,nodes',
    '# List one or more resources by their type and names\n<%= config.bin %> get pod/web-pod-13je7 pod/web-pod-aaaaa',
    "# List the names and phases of every pod\n<%= config.bin %> get pods -o jsonpath='{range .items[*]}{.metadata.name}{\"\\t\"}{.status.phase}{\"\\n\"}{end}'",
  ]

  static override flags = {
    'all-namespaces': allNamespacesFlag,
    'chunk-size': Flags.integer({description: 'Return large lists in chunks rather than all at once. Pass 0 to disable.', default: 500}),
    'field-selector': Flags.string({description: "Selector (field query) to filter on, supports '=', '==', and '!='.(e.g. --field-selector key1=value1,key2=value2). The server only supports a limited number of field queries per type."}),
    filename: filenameFlag,
    'ignore-not-found': Flags.boolean({description: 'If set to true, suppresses NotFound error for specific objects that do not exist. Using this flag with commands that query for collections of resources has no effect when no resources are found.', default: false}),
    'label-columns': Flags.string({char: 'L', description: 'Accepts a comma separated list of labels that are going to be presented as columns. Names are case-sensitive. You can also use multiple flag options like -L label1 -L label2...', multiple: true}),
    'no-headers': Flags.boolean({description: "When using the default or custom-column output format, don't print headers (default print headers).", default: false}),
    output: Flags.string({char: 'o', description: `Output format. One of: (${GET_OUTPUT_FORMATS.join(', ')}).`}),
    'output-watch-events': Flags.boolean({description: 'Output watch event objects when --watch or --watch-only is used. Existing objects are output as initial ADDED events.', default: false}),
    recursive: recursiveFlag,
    selector: selectorFlag,
    'show-kind': Flags.boolean({description: 'If present, list the resource type for the requested object(s).', default: false}),
    'show-managed-fields': Flags.boolean({description: 'If true, keep the managedFields when printing objects in JSON or YAML format.', default: false}),
    'show-labels': Flags.boolean({description: 'When printing, show all labels as the last column (default hide labels column)', default: false}),
    'sort-by': Flags.string({description: "If non-empty, sort list types using this field specification.  The field specification is expressed as a JSONPath expression (e.g. '{.metadata.name}'). The field in the API resource specified by this JSONPath expression must be an integer or a string."}),
    template: Flags.string({description: 'Template string or path to template file to use when -o=go-template, -o=go-template-file. The template format is golang templates [http://golang.org/pkg/text/template/#pkg-overview].'}),
    watch: Flags.boolean({char: 'w', description: 'After listing/getting the requested object, watch for changes.', default: false}),
    'watch-only': Flags.boolean({description: 'Watch for changes to the requested object(s), without listing/getting first.', default: false}),
  }

  static override strict = false

  static override summary = 'Display one or many resources'

  async run(): Promise<void> {
    const {argv, flags} = await this.parse(Get)
    const args = argv as string[]
    if (args.length === 0 && !flags.filename) {
      // kubectl prints the hint on its own, then a usage error (naming `explain` only where it exists)
      this.stderrLine(`You must specify the type of resource to get. Use "${this.config.bin} api-resources" for a complete list of supported resources.\n\n`)
      throw new CliError('Required resource not specified.', true)
    }
    const target = await this.target(flags)
    const api = await this.openApi(target)
    const errors = await runGet(api, target, {
      args,
      files: flags.filename ?? [],
      recursive: flags.recursive,
      allNamespaces: flags['all-namespaces'],
      selector: flags.selector,
      fieldSelector: flags['field-selector'],
      ignoreNotFound: flags['ignore-not-found'],
      output: flags.output,
      template: flags.template,
      noHeaders: flags['no-headers'],
      showLabels: flags['show-labels'],
      showKind: flags['show-kind'],
      labelColumns: (flags['label-columns'] ?? []).flatMap((l) => l.split(',')).filter((l) => l.length > 0),
      sortBy: flags['sort-by'],
      watch: flags.watch,
      watchOnly: flags['watch-only'],
      outputWatchEvents: flags['output-watch-events'],
      color: colorFor(process.stdout),
      showManagedFields: flags['show-managed-fields'],
      out: (s) => this.out(s),
      err: (s) => this.stderrLine(s),
      report: (lines) => this.reportErrors(lines),
    })
    this.failOn(errors)
  }
}
