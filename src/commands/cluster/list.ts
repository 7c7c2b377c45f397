import {KsimCommand} from '../../cli/base-command.js'
import {listClusters} from '../../cluster/clusters.js'

export default class ClusterList extends KsimCommand {
  static override description = 'List the local clusters, one name per line.'

  static override examples = ['<%= config.bin %> cluster list']

  static override summary = 'List local clusters'

  async run(): Promise<void> {
    await this.parse(ClusterList)
    const names = listClusters()
    if (names.length === 0) {
      this.warn2('No clusters found.')
      return
    }
    this.out(names.map((n) => `${n}\n`).join(''))
  }
}
