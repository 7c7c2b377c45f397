// The flags and arguments of `get`, as kubectl declares them: the command declares them from here and the
// run takes them as parsed.
import {Args, Flags, type Interfaces} from '@oclif/core'

import {allNamespacesFlag, filenameFlag, recursiveFlag, selectorFlag} from '../flags.js'
import {GET_OUTPUT_FORMATS} from '../print/output-format.js'

export const getArgs = {
  resources: Args.string({description: 'TYPE[.VERSION][.GROUP] [NAME...] | TYPE[.VERSION][.GROUP]/NAME ...'}),
}

export const getFlags = {
  'all-namespaces': allNamespacesFlag,
  'chunk-size': Flags.integer({description: 'Return large lists in chunks rather than all at once. Pass 0 to disable.', default: 500}),
  'field-selector': Flags.string({description: "Selector (field query) to filter on, supports '=', '==', and '!='.(e.g. --field-selector key1=value1,key2=value2). The server only supports a limited number of field queries per type."}),
  filename: filenameFlag,
  'ignore-not-found': Flags.boolean({description: 'If set to true, suppresses NotFound error for specific objects that do not exist. Using this flag with commands that query for collections of resources has no effect when no resources are found.', default: false}),
  'label-columns': Flags.string({char: 'L', description: 'Accepts a comma separated list of labels that are going to be presented as columns. Names are case-sensitive. You can also use multiple flag options like -L label1 -L label2...', multiple: true}),
  'no-headers': Flags.boolean({description: "When using the default or custom-column output format, don't print headers (default print headers).", default: false}),
  output: Flags.string({char: 'o', description: `Output format. One of: (${GET_OUTPUT_FORMATS.join(', ')}).`}),
  raw: Flags.string({description: 'Raw URI to request from the server.  Uses the transport specified by the kubeconfig file.'}),
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

export type GetFlags = Interfaces.InferredFlags<typeof getFlags>
