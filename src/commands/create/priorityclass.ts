import {Args, Flags} from '@oclif/core'

import {CliError} from '../../cli/errors.js'
import {parseBool} from '../../cli/flags.js'
import {generatorCommand, generatorFlags} from '../../cli/verbs/generator-command.js'

export default generatorCommand(
  {
    summary: 'Create a priority class with the specified name',
    description: 'Create a priority class with the specified name, value, globalDefault and description.',
    examples: [
      '# Create a priority class named high-priority\n<%= config.bin %> create priorityclass high-priority --value=1000 --description="high priority"',
      '# Create a priority class named default-priority that is considered as the global default priority\n<%= config.bin %> create priorityclass default-priority --value=1000 --global-default=true --description="default priority"',
      '# Create a priority class named high-priority that cannot preempt pods with lower priority\n<%= config.bin %> create priorityclass high-priority --value=1000 --description="high priority" --preemption-policy="Never"',
    ],
    aliases: ['create:pc'],
    args: {
      name: Args.string({description: 'priority class name'}),
    },
    flags: {
      ...generatorFlags,
      description: Flags.string({description: 'description is an arbitrary string that usually provides guidelines on when this priority class should be used.', default: ''}),
      'global-default': Flags.string({description: 'global-default specifies whether this PriorityClass should be considered as the default priority.', default: 'false'}),
      'preemption-policy': Flags.string({description: 'preemption-policy is the policy for preempting pods with lower priority.', default: 'PreemptLowerPriority'}),
      value: Flags.string({description: 'the value of this priority class.', default: '0'}),
    },
  },
  (name, _target, flags) => {
    const value = /^[+-]?\d+$/.test(flags.value) ? Number(flags.value) : NaN
    if (!Number.isInteger(value) || value < -2147483648 || value > 2147483647) {
      throw new CliError(`invalid argument "${flags.value}" for "--value" flag: strconv.ParseInt: parsing "${flags.value}": ${Number.isNaN(value) ? 'invalid syntax' : 'value out of range'}`, true)
    }
    const globalDefault = parseBoolFlag(flags['global-default'])
    return {
      apiVersion: 'scheduling.k8s.io/v1',
      kind: 'PriorityClass',
      metadata: {name},
      value,
      globalDefault,
      description: flags.description,
      preemptionPolicy: flags['preemption-policy'],
    }
  },
)

function parseBoolFlag(v: string): boolean {
  const b = parseBool(v)
  if (b !== undefined) return b
  throw new CliError(`invalid argument "${v}" for "--global-default" flag: strconv.ParseBool: parsing "${v}": invalid syntax`, true)
}
