// create job --from: the one object the argument names (kubectl's builder with Latest: `cronjob/x`, or a
// bare type that lists), which must be a CronJob.
import type {Api} from '../../api/server.js'
import type {KObject} from '../../api/types.js'

import {CliError} from '../errors.js'
import {resourcesFromArgs} from '../resource/builder.js'

/** The CronJob --from names; kubectl's errors when it names none, several, or another kind. */
export function fromCronJob(api: Api, namespace: string, from: string): KObject {
  const found = resourcesFromArgs(api, {namespace, args: [from], latest: true})
  if (found.errors.length > 0) throw found.errors[0]
  if (found.infos.length !== 1) throw new CliError('from must be an existing cronjob')
  const {rt, object} = found.infos[0]
  if (rt.kind !== 'CronJob') throw new CliError(`unknown object type *${rt.version}.${rt.kind}`)
  return object!
}
