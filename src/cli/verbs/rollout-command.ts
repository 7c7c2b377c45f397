// What the rollout subcommands share: kubectl's resource flags, the builder's selection of objects, and
// errors printed after the results, aggregated as kubectl's CheckErr prints them.
import {Args, Flags} from '@oclif/core'

import type {Api} from '../../api/server.js'
import type {Target} from '../../cluster/clusters.js'

import {KsimCommand} from '../base-command.js'
import {aggregateErrorText} from '../errors.js'
import {rolloutTargets, type RolloutTargets} from './rollout.js'

/** -f, -R and -l as the rollout subcommands word them. */
export const rolloutFlags = {
  filename: Flags.string({char: 'f', multiple: true, multipleNonGreedy: true, delimiter: ',', description: 'Filename, directory, or URL to files identifying the resource to get from a server.'}),
  recursive: Flags.boolean({char: 'R', default: false, description: 'Process the directory used in -f, --filename recursively. Useful when you want to manage related manifests organized within the same directory.'}),
  selector: Flags.string({char: 'l', description: "Selector (label query) to filter on, supports '=', '==', and '!='.(e.g. -l key1=value1,key2=value2). Matching objects must satisfy all of the specified label constraints."}),
}

/** RESOURCE: TYPE, TYPE NAME..., TYPE/NAME... (each subcommand names it as its own static: oclif reads own statics). */
export const rolloutArgs = {
  resource: Args.string({description: 'TYPE NAME or TYPE/NAME'}),
}

/** The base of the rollout subcommands that act on RESOURCE arguments (they also set `strict = false`). */
export abstract class RolloutCommand extends KsimCommand {
  /** Opens the cluster and finds the objects the arguments and flags name. */
  protected async select(argv: unknown[], flags: {filename?: string[]; recursive: boolean; selector?: string; context?: string; namespace?: string}): Promise<{api: Api; target: Target; found: RolloutTargets}> {
    const target = await this.target(flags)
    // opening the API registers the kinds the resource arguments name
    const api = await this.openApi(target)
    const found = rolloutTargets(api, {args: argv.map(String), files: flags.filename ?? [], recursive: flags.recursive, selector: flags.selector, namespace: target.namespace})
    return {api, target, found}
  }

  /** Fails the command with `errors` as kubectl's CheckErr prints their aggregate. */
  protected fail(errors: unknown[]): void {
    if (errors.length > 0) this.failOn([aggregateErrorText(errors, this.id)])
  }
}
