import {Args, Flags} from '@oclif/core'

import {generatorCommand, generatorFlags} from '../../cli/verbs/generator-command.js'
import {generateRole} from '../../cli/verbs/rbac-generator.js'

export default generatorCommand(
  {
    summary: 'Create a role with single rule',
    description: 'Create a role with single rule.',
    examples: [
      '# Create a role named "pod-reader" that allows user to perform "get", "watch" and "list" on pods\n<%= config.bin %> create role pod-reader --verb=get --verb=list --verb=watch --resource=pods',
      '# Create a role named "pod-reader" with ResourceName specified\n<%= config.bin %> create role pod-reader --verb=get --resource=pods --resource-name=readablepod --resource-name=anotherpod',
      '# Create a role named "foo" with API Group specified\n<%= config.bin %> create role foo --verb=get,list,watch --resource=rs.apps',
      '# Create a role named "foo" with SubResource specified\n<%= config.bin %> create role foo --verb=get,list,watch --resource=pods,pods/status',
    ],
    args: {
      name: Args.string({description: 'role name'}),
    },
    flags: {
      ...generatorFlags,
      verb: Flags.string({description: 'Verb that applies to the resources contained in the rule', multiple: true, delimiter: ','}),
      resource: Flags.string({description: 'Resource that the rule applies to', multiple: true, delimiter: ','}),
      'resource-name': Flags.string({description: 'Resource in the white list that the rule applies to, repeat this flag for multiple items', multiple: true}),
    },
  },
  (name, target, flags) =>
    generateRole({name, namespace: target.namespace, verbs: flags.verb ?? [], resources: flags.resource ?? [], resourceNames: flags['resource-name'] ?? [], nonResourceURLs: [], aggregationRule: {}, warn: (l) => process.stderr.write(`${l}\n`)}),
)
