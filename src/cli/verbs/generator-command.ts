// `create namespace|serviceaccount|service ... NAME`: one body for the generators that take exactly one
// NAME and build one object from it and their flags (kubectl's create subcommands' Complete + Run).
import {Flags, type Interfaces} from '@oclif/core'

import type {KObject} from '../../api/types.js'
import type {Target} from '../../cluster/clusters.js'

import {defineCommand, type CommandHelp} from '../define-command.js'
import {serviceFromOptions, type CreateServiceOptions} from './create-service.js'
import {CliError} from '../errors.js'
import {generatorFlags, type GeneratorFlags} from './create-generated.js'

export {generatorFlags}

/**
 * A `create <kind> NAME` generator, with its help, its NAME argument and its flags: exactly one NAME, the
 * object `generate` builds from it created and printed (an API error prefixed with `failPrefix`).
 */
export function generatorCommand<F extends typeof generatorFlags, A extends Interfaces.ArgInput>(
  spec: CommandHelp & {args: A; flags: F},
  generate: (name: string, target: Target, flags: Interfaces.InferredFlags<F>) => KObject,
  failPrefix?: string,
) {
  return defineCommand({
    ...spec,
    strict: false,
    async run(cmd, {argv, flags}) {
      if (argv.length !== 1) throw new CliError(`exactly one NAME is required, got ${argv.length}`, true)
      const target = await cmd.target(flags)
      await cmd.createGenerated(target, generate(argv[0], target, flags), flags, failPrefix)
    },
  })
}

/** The --tcp of every `create service` subcommand. */
export const tcpFlag = Flags.string({description: "Port pairs can be specified as '<port>:<targetPort>'.", multiple: true, delimiter: ','})

/** `create service clusterip|nodeport|loadbalancer`: kubectl's ServiceOptions, one Service type each. */
export function serviceCommand<F extends typeof generatorFlags & {tcp: typeof tcpFlag}, A extends Interfaces.ArgInput>(type: CreateServiceOptions['type'], spec: CommandHelp & {args: A; flags: F}) {
  return generatorCommand(
    spec,
    (name, target, flags: {tcp?: string[]; clusterip?: string; 'node-port'?: number}) =>
      serviceFromOptions({name, namespace: target.namespace, type, tcp: flags.tcp ?? [], clusterIP: flags.clusterip, nodePort: flags['node-port']}),
    `failed to create ${type} service: `,
  )
}
