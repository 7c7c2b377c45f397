// `create namespace|serviceaccount|service ... NAME`: one body for the generators that take exactly one
// NAME and build one object from it and their flags (kubectl's create subcommands' Complete + Run).
import {Flags} from '@oclif/core'

import type {KObject} from '../../api/types.js'
import type {Target} from '../../cluster/clusters.js'

import {KsimCommand} from '../base-command.js'
import {serviceFromOptions, type CreateServiceOptions} from './create-service.js'
import {CliError} from '../errors.js'
import {dryRunFlag} from '../flags.js'
import {outputFlag} from '../print/print-flags.js'

/** The flags every such generator has. */
export const generatorFlags = {
  'dry-run': dryRunFlag,
  output: outputFlag,
}

export abstract class GeneratorCommand extends KsimCommand {
  static override strict = false

  /** The object to create for NAME (its own flags as parsed). */
  protected abstract generate(name: string, target: Target, flags: Record<string, unknown>): KObject

  /** What an API error is prefixed with, if anything. */
  protected failPrefix(): string | undefined {
    return undefined
  }

  async run(): Promise<void> {
    // oclif spreads the class it is given into its options, which drops inherited statics: name them
    const ctor = this.ctor as typeof KsimCommand
    const {argv, flags} = await this.parse({args: ctor.args, flags: ctor.flags as typeof generatorFlags, baseFlags: KsimCommand.baseFlags, strict: false})
    if (argv.length !== 1) throw new CliError(`exactly one NAME is required, got ${argv.length}`, true)
    const target = await this.target(flags)
    await this.createGenerated(target, this.generate(String(argv[0]), target, flags), flags['dry-run'], flags.output, this.failPrefix())
  }
}

/** The --tcp of every `create service` subcommand. */
export const tcpFlag = Flags.string({description: "Port pairs can be specified as '<port>:<targetPort>'.", multiple: true, delimiter: ','})

/** `create service clusterip|nodeport|loadbalancer`: kubectl's ServiceOptions, one Service type each. */
export abstract class CreateServiceCommand extends GeneratorCommand {
  protected abstract readonly type: CreateServiceOptions['type']

  protected override failPrefix(): string {
    return `failed to create ${this.type} service: `
  }

  protected generate(name: string, target: Target, flags: {tcp?: string[]; clusterip?: string; 'node-port'?: number}): KObject {
    return serviceFromOptions({name, namespace: target.namespace, type: this.type, tcp: flags.tcp ?? [], clusterIP: flags.clusterip, nodePort: flags['node-port']})
  }
}
