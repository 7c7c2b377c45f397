import {CordonCommand} from '../cli/verbs/cordon-command.js'

export default class Cordon extends CordonCommand {
  static override description = 'Mark node as unschedulable.'

  static override examples = ['# Mark node "foo" as unschedulable\n<%= config.bin %> cordon foo']

  static override summary = 'Mark node as unschedulable'

  static override usage = 'cordon NODE'

  protected readonly cordon = true
}
