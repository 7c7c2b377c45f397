import {CordonCommand} from '../cli/verbs/cordon-command.js'

export default class Uncordon extends CordonCommand {
  static override description = 'Mark node as schedulable.'

  static override examples = ['# Mark node "foo" as schedulable\n<%= config.bin %> uncordon foo']

  static override summary = 'Mark node as schedulable'

  static override usage = 'uncordon NODE'

  protected readonly cordon = false
}
