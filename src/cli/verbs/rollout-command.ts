// What the rollout subcommands share: kubectl's resource flags, the builder's selection of objects, and
// errors printed after the results, aggregated as kubectl's CheckErr prints them.
import {Args, Flags} from '@oclif/core'

import type {Api} from '../../api/server.js'
import type {Target} from '../../cluster/clusters.js'

import type {KsimCommand} from '../base-command.js'
import {aggregateErrorText} from '../errors.js'
import {rolloutTargets, type RolloutTargets} from './rollout.js'

/** -f, -R and -l as the rollout subcommands word them. */
export const rolloutFlags = {
  filename: Flags.string({char: 'f', multiple: true, multipleNonGreedy: true, delimiter: ',', description: 'Filename, directory, or URL to files identifying the resource to get from a server.'}),
  recursive: Flags.boolean({char: 'R', default: false, description: 'Process the directory used in -f, --filename recursively. Useful when you want to manage related manifests organized within the same directory.'}),
  selector: Flags.string({char: 'l', description: "Selector (label query) to filter on, supports '=', '==', and '!='.(e.g. -l key1=value1,key2=value2). Matching objects must satisfy all of the specified label constraints."}),
}

/** RESOURCE: TYPE, TYPE NAME..., TYPE/NAME... */
export const rolloutArgs = {
  resource: Args.string({description: 'TYPE NAME or TYPE/NAME'}),
}

/** Opens the cluster and finds the objects the arguments and flags of a rollout subcommand name. */
export async function selectRollout(
  cmd: KsimCommand,
  argv: string[],
  flags: {filename?: string[]; recursive: boolean; selector?: string; context?: string; namespace?: string},
): Promise<{api: Api; target: Target; found: RolloutTargets}> {
  // opening the API registers the kinds the resource arguments name
  const {target, api} = await cmd.open(flags)
  const found = rolloutTargets(api, {args: argv, files: flags.filename ?? [], recursive: flags.recursive, selector: flags.selector, namespace: target.namespace})
  return {api, target, found}
}

/** `errors` as kubectl's CheckErr prints their aggregate: one entry, or none when there are none. */
export function rolloutErrors(errors: unknown[], commandId: string | undefined): string[] {
  return errors.length > 0 ? [aggregateErrorText(errors, commandId)] : []
}
