import {Args, Flags} from '@oclif/core'

import {CliError} from '../../cli/errors.js'
import {generatorCommand, generatorFlags} from '../../cli/verbs/generator-command.js'
import {generateClusterRole} from '../../cli/verbs/rbac-generator.js'

/** cliflag.MapStringString: comma-separated key=value pairs, repeatable. */
function parseMap(values: string[]): Record<string, string> {
  const out: Record<string, string> = {}
  for (const value of values) {
    for (const pair of value.split(',')) {
      const eq = pair.indexOf('=')
      if (eq < 0) throw new CliError(`invalid argument "${value}" for "--aggregation-rule" flag: malformed pair, expect string=string`, true)
      out[pair.slice(0, eq).trim()] = pair.slice(eq + 1).trim()
    }
  }
  return out
}

export default generatorCommand(
  {
    summary: 'Create a cluster role',
    description: 'Create a cluster role.',
    examples: [
      '# Create a cluster role named "pod-reader" that allows user to perform "get", "watch" and "list" on pods\n<%= config.bin %> create clusterrole pod-reader --verb=get,list,watch --resource=pods',
      '# Create a cluster role named "pod-reader" with ResourceName specified\n<%= config.bin %> create clusterrole pod-reader --verb=get --resource=pods --resource-name=readablepod --resource-name=anotherpod',
      '# Create a cluster role named "foo" with API Group specified\n<%= config.bin %> create clusterrole foo --verb=get,list,watch --resource=rs.apps',
      '# Create a cluster role named "foo" with SubResource specified\n<%= config.bin %> create clusterrole foo --verb=get,list,watch --resource=pods,pods/status',
      '# Create a cluster role name "foo" with NonResourceURL specified\n<%= config.bin %> create clusterrole "foo" --verb=get --non-resource-url=/logs/*',
      '# Create a cluster role name "monitoring" with AggregationRule specified\n<%= config.bin %> create clusterrole monitoring --aggregation-rule="rbac.example.com/aggregate-to-monitoring=true"',
    ],
    args: {
      name: Args.string({description: 'cluster role name'}),
    },
    flags: {
      ...generatorFlags,
      verb: Flags.string({description: 'Verb that applies to the resources contained in the rule', multiple: true, delimiter: ','}),
      'non-resource-url': Flags.string({description: 'A partial url that user should have access to.', multiple: true, delimiter: ','}),
      resource: Flags.string({description: 'Resource that the rule applies to', multiple: true, delimiter: ','}),
      'resource-name': Flags.string({description: 'Resource in the white list that the rule applies to, repeat this flag for multiple items', multiple: true}),
      'aggregation-rule': Flags.string({description: 'An aggregation label selector for combining ClusterRoles.', multiple: true}),
    },
  },
  (name, _target, flags) =>
    generateClusterRole({
      name,
      verbs: flags.verb ?? [],
      resources: flags.resource ?? [],
      resourceNames: flags['resource-name'] ?? [],
      nonResourceURLs: flags['non-resource-url'] ?? [],
      aggregationRule: parseMap(flags['aggregation-rule'] ?? []),
      warn: (l) => process.stderr.write(`${l}\n`),
    }),
)
