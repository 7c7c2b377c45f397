import {Args, Flags} from '@oclif/core'
import fs from 'node:fs'
import path from 'node:path'

import {defineCommand} from '../../cli/define-command.js'
import {CliError} from '../../cli/errors.js'
import {updateConfig} from '../../config/contexts.js'

/** A file's bytes, base64, for --embed-certs; kubectl's error when it is not there. */
function embedded(file: string, flag: string): string {
  try {
    return fs.readFileSync(file).toString('base64')
  } catch {
    throw new CliError(`could not stat ${flag} file ${file}: stat ${file}: no such file or directory`)
  }
}

export default defineCommand({
  summary: 'Set a user entry in kubeconfig',
  description:
    'Set a user entry in kubeconfig.\n\n Specifying a name that already exists will merge new fields on top of existing values.\n\n        Client-certificate flags:\n        --client-certificate=certfile --client-key=keyfile\n\n        Bearer token flags:\n        --token=bearer_token\n\n        Basic auth flags:\n        --username=basic_user --password=basic_password\n\n Bearer token and basic auth are mutually exclusive.',
  examples: [
    '# Set only the "client-key" field on the "cluster-admin"\n# entry, without touching other values\n<%= config.bin %> config set-credentials cluster-admin --client-key=~/.kube/admin.key',
    '# Set basic auth for the "cluster-admin" entry\n<%= config.bin %> config set-credentials cluster-admin --username=admin --password=uXFGweU9l35qcif',
    '# Embed client certificate data in the "cluster-admin" entry\n<%= config.bin %> config set-credentials cluster-admin --client-certificate=~/.kube/admin.crt --embed-certs=true',
  ],
  usage: 'config set-credentials NAME [--client-certificate=path/to/certfile] [--client-key=path/to/keyfile] [--token=bearer_token] [--username=basic_user] [--password=basic_password]',
  args: {
    name: Args.string({description: 'user name'}),
  },
  flags: {
    'client-certificate': Flags.string({description: 'Path to client-certificate file for the user entry in kubeconfig'}),
    'client-key': Flags.string({description: 'Path to client-key file for the user entry in kubeconfig'}),
    'embed-certs': Flags.boolean({description: 'Embed client cert/key for the user entry in kubeconfig', default: false, allowNo: false}),
    password: Flags.string({description: 'password for the user entry in kubeconfig'}),
    token: Flags.string({description: 'token for the user entry in kubeconfig'}),
    username: Flags.string({description: 'username for the user entry in kubeconfig'}),
  },
  async run(cmd, {args, flags}) {
    if (!args.name) throw new CliError('unexpected args: []')
    const name = args.name
    const methods: string[] = []
    if (flags.token) methods.push('--token')
    if (flags.username || flags.password) methods.push('--username/--password')
    if (methods.length > 1) throw new CliError(`you cannot specify more than one authentication method at the same time: ${methods.join(', ')}`)
    const cert = flags['client-certificate']
    const key = flags['client-key']
    const embed = flags['embed-certs']
    if (embed && !cert && !key) throw new CliError('you must specify a --client-certificate or --client-key to embed')
    const certData = embed && cert ? embedded(cert, 'client-certificate') : undefined
    const keyData = embed && key ? embedded(key, 'client-key') : undefined
    await updateConfig((cfg) => {
      const u = {...cfg.users.get(name)}
      const file = (value: string, pathField: string, dataField: string, data: string | undefined) => {
        if (data === undefined) {
          u[pathField] = path.resolve(value)
          delete u[dataField]
        } else {
          u[dataField] = data
          delete u[pathField]
        }
      }
      if (cert) file(cert, 'client-certificate', 'client-certificate-data', certData)
      if (key) file(key, 'client-key', 'client-key-data', keyData)
      const setToken = Boolean(flags.token)
      const setBasic = Boolean(flags.username) || Boolean(flags.password)
      if (flags.token !== undefined) u.token = flags.token
      if (flags.username !== undefined) u.username = flags.username
      if (flags.password !== undefined) u.password = flags.password
      // one kind of credentials: setting a token clears basic auth, and the other way round
      if (setToken && !setBasic) delete u.username, delete u.password
      if (setBasic && !setToken) delete u.token, delete u.tokenFile
      for (const k of Object.keys(u)) if (u[k] === '') delete u[k]
      cfg.users.set(name, u)
    })
    cmd.out(`User "${name}" set.\n`)
  },
})
