import {Args, Flags} from '@oclif/core'
import fs from 'node:fs'
import path from 'node:path'

import {defineCommand} from '../../cli/define-command.js'
import {CliError} from '../../cli/errors.js'
import {updateConfig} from '../../config/contexts.js'

export default defineCommand({
  summary: 'Set a cluster entry in kubeconfig',
  description: 'Set a cluster entry in kubeconfig.\n\n Specifying a name that already exists will merge new fields on top of existing values for those fields.',
  examples: [
    '# Set only the server field on the e2e cluster entry without touching other values\n<%= config.bin %> config set-cluster e2e --server=https://1.2.3.4',
    '# Embed certificate authority data for the e2e cluster entry\n<%= config.bin %> config set-cluster e2e --embed-certs --certificate-authority=~/.kube/e2e/kubernetes.ca.crt',
    '# Disable cert checking for the e2e cluster entry\n<%= config.bin %> config set-cluster e2e --insecure-skip-tls-verify=true',
    '# Point an entry at a ksim cluster\n<%= config.bin %> config set-cluster dev --server=ksim://dev',
  ],
  usage: 'config set-cluster NAME [--server=server] [--certificate-authority=path/to/certificate/authority] [--insecure-skip-tls-verify=true] [--tls-server-name=example.com]',
  args: {
    name: Args.string({description: 'cluster name'}),
  },
  flags: {
    'certificate-authority': Flags.string({description: 'Path to certificate-authority file for the cluster entry in kubeconfig'}),
    'embed-certs': Flags.boolean({description: 'embed-certs for the cluster entry in kubeconfig', default: false, allowNo: false}),
    'insecure-skip-tls-verify': Flags.boolean({description: 'insecure-skip-tls-verify for the cluster entry in kubeconfig'}),
    'proxy-url': Flags.string({description: 'proxy-url for the cluster entry in kubeconfig'}),
    server: Flags.string({description: 'server for the cluster entry in kubeconfig'}),
    'tls-server-name': Flags.string({description: 'tls-server-name for the cluster entry in kubeconfig'}),
  },
  async run(cmd, {args, flags}) {
    if (!args.name) throw new CliError('Unexpected args: []')
    const name = args.name
    const ca = flags['certificate-authority']
    const insecure = flags['insecure-skip-tls-verify']
    if (insecure && ca) throw new CliError('you cannot specify a certificate authority and insecure mode at the same time')
    let caData: string | undefined
    if (flags['embed-certs']) {
      if (!ca) throw new CliError('you must specify a --certificate-authority to embed')
      try {
        caData = fs.readFileSync(ca).toString('base64')
      } catch {
        throw new CliError(`could not stat certificate-authority file ${ca}: stat ${ca}: no such file or directory`)
      }
    }
    await updateConfig((cfg) => {
      const c: Record<string, unknown> = {server: '', ...cfg.clusters.get(name)}
      if (flags.server !== undefined) c.server = flags.server
      if (flags['tls-server-name'] !== undefined) c['tls-server-name'] = flags['tls-server-name']
      if (insecure !== undefined) {
        c['insecure-skip-tls-verify'] = insecure
        // insecure mode clears the certificate authority
        if (insecure) delete c['certificate-authority'], delete c['certificate-authority-data']
      }
      if (ca !== undefined && ca !== '') {
        if (caData === undefined) {
          c['certificate-authority'] = path.resolve(ca)
          delete c['certificate-authority-data']
        } else {
          c['certificate-authority-data'] = caData
          delete c['certificate-authority']
        }
        c['insecure-skip-tls-verify'] = false
      }
      if (flags['proxy-url'] !== undefined) c['proxy-url'] = flags['proxy-url']
      for (const k of Object.keys(c)) if (k !== 'server' && (c[k] === '' || c[k] === false)) delete c[k]
      cfg.clusters.set(name, c)
    })
    cmd.out(`Cluster "${name}" set.\n`)
  },
})
