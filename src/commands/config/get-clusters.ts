import {defineCommand} from '../../cli/define-command.js'
import {readConfig} from '../../config/contexts.js'

export default defineCommand({
  summary: 'Display clusters defined in the kubeconfig',
  description: 'Display clusters defined in the kubeconfig.',
  examples: ['# List the clusters that kubectl knows about\n<%= config.bin %> config get-clusters'],
  strict: false,
  async run(cmd) {
    const names = [...readConfig().clusters.keys()].sort()
    cmd.out(['NAME', ...names].map((n) => `${n}\n`).join(''))
  },
})
