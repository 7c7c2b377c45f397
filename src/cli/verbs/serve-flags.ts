// The flags of `ksim serve` (ksim's own command: kubectl has none like it).
import {Flags, type Interfaces} from '@oclif/core'

export const serveFlags = {
  address: Flags.string({description: 'The IP address (or host name) to listen on.', default: '127.0.0.1'}),
  port: Flags.integer({description: 'The port to listen on; 0 picks a free one (the one chosen is printed).', default: 6443, min: 0, max: 65535}),
  kubeconfig: Flags.string({description: 'Where to write the kubeconfig that reaches the server (default $KSIM_HOME/clusters/<name>/kubeconfig).'}),
}

export type ServeFlags = Interfaces.InferredFlags<typeof serveFlags>
