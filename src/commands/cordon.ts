import {cordonCommand} from '../cli/verbs/cordon-command.js'

export default cordonCommand(true, {
  summary: 'Mark node as unschedulable',
  description: 'Mark node as unschedulable.',
  examples: ['# Mark node "foo" as unschedulable\n<%= config.bin %> cordon foo'],
  usage: 'cordon NODE',
})
