import {defineCommand} from '../../cli/define-command.js'
import {readConfig} from '../../config/contexts.js'

export default defineCommand({
  summary: 'Display users defined in the kubeconfig',
  description: 'Display users defined in the kubeconfig.',
  examples: ['# List the users that kubectl knows about\n<%= config.bin %> config get-users'],
  strict: false,
  async run(cmd) {
    const names = [...readConfig().users.keys()].sort()
    cmd.out(['NAME', ...names].map((n) => `${n}\n`).join(''))
  },
})
