// `apply view-last-applied` (kubectl pkg/cmd/apply/apply_view_last_applied.go): the
// kubectl.kubernetes.io/last-applied-configuration annotation of each object found (TYPE [NAME | -l] |
// TYPE/NAME | -f), as YAML (keys sorted, as sigs.k8s.io/yaml turns the JSON into YAML) or as the stored
// JSON indented by two spaces (encoding/json.Indent: its key order kept, no newline added). The builder
// stops at its first error, and nothing is printed then. An object without the annotation is skipped
// silently when named by argument; named by a file it is kubectl's odd `error when no ...` (its
// AddSourceToErr is handed the message as its verb and a nil error).
import type {Api} from '../../api/server.js'
import type {Target} from '../../cluster/clusters.js'

import {goJsonIndent} from '../../machinery/go-format.js'
import {printYaml} from '../../printers/yaml.js'
import {CliError} from '../errors.js'
import {MISSING_RESOURCE, selectionOfFlags, type ParsedSelectionFlags} from '../resource/builder.js'
import {resolveResources} from '../resource/files.js'
import {LAST_APPLIED} from './create.js'

export interface ViewLastAppliedFlags extends ParsedSelectionFlags {
  output: string
}

/** The text to print for every object found; throws the first error met, before anything is printed. */
export function viewLastApplied(api: Api, target: Target, args: string[], flags: ViewLastAppliedFlags): string {
  const configs: string[] = []
  const {visited} = resolveResources(api, {
    ...selectionOfFlags(target.namespace, args, flags),
    requireNames: true,
    missing: new CliError(MISSING_RESOURCE),
    latest: true,
    continueOnError: false,
  })
  for (const {info, error} of visited) {
    if (!info) throw error
    const config = info.object!.metadata.annotations?.[LAST_APPLIED]
    if (config !== undefined) configs.push(config)
    else if (info.source) throw new CliError(`error when no last-applied-configuration annotation found on resource: ${info.name}\n "${info.source}": <nil>`)
  }
  // the output format is looked at per configuration: with none, any -o passes
  return configs.map((c) => {
    if (flags.output === 'json') return goJsonIndent(c, '  ')
    if (flags.output === 'yaml') return printYaml(JSON.parse(c))
    throw new CliError(`Unexpected -o output mode: ${flags.output}, the flag 'output' must be one of yaml|json`, true)
  }).join('')
}
