import {Args, Flags} from '@oclif/core'

import {generatorCommand, generatorFlags} from '../../cli/verbs/generator-command.js'
import {generatePdb} from '../../cli/verbs/pdb-generator.js'

export default generatorCommand(
  {
    summary: 'Create a pod disruption budget with the specified name.',
    description: 'Create a pod disruption budget with the specified name, selector, and desired minimum available pods.',
    examples: [
      '# Create a pod disruption budget named my-pdb that will select all pods with the app=rails label\n# and require at least one of them being available at any point in time\n<%= config.bin %> create poddisruptionbudget my-pdb --selector=app=rails --min-available=1',
      '# Create a pod disruption budget named my-pdb that will select all pods with the app=nginx label\n# and require at least half of the pods selected to be available at any point in time\n<%= config.bin %> create pdb my-pdb --selector=app=nginx --min-available=50%',
    ],
    aliases: ['create:pdb'],
    args: {
      name: Args.string({description: 'pod disruption budget name'}),
    },
    flags: {
      ...generatorFlags,
      'max-unavailable': Flags.string({description: 'The maximum number or percentage of unavailable pods this budget requires.'}),
      'min-available': Flags.string({description: 'The minimum number or percentage of available pods this budget requires.'}),
      selector: Flags.string({description: 'A label selector to use for this budget. Only equality-based selector requirements are supported.'}),
    },
  },
  (name, target, flags) =>
    generatePdb({name, namespace: target.namespace, selector: flags.selector, minAvailable: flags['min-available'], maxUnavailable: flags['max-unavailable'], forPrinting: flags['dry-run'] === 'client'}),
  'failed to create poddisruptionbudgets: ',
)
