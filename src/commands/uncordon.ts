import {cordonCommand} from '../cli/verbs/cordon-command.js'

export default cordonCommand(false, {
  summary: 'Mark node as schedulable',
  description: 'Mark node as schedulable.',
  examples: ['# Mark node "foo" as schedulable\n<%= config.bin %> uncordon foo'],
  usage: 'uncordon NODE',
})
