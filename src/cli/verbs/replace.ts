// `replace -f`: each document PUT over the live object of its name (kubectl's Helper.Replace with
// overwrite: a document without a resourceVersion takes the live one, so only a stale one it carries is
// a Conflict; a missing object is NotFound), printing `<kind>/<name> replaced`. With --force, kubectl's
// forceReplace: delete what the files name (graceful unless --grace-period says otherwise), wait until it
// is gone, then create the documents anew.
import type {Api} from '../../api/server.js'
import type {Target} from '../../cluster/clusters.js'

import {CliError} from '../errors.js'
import {parseDuration} from '../duration-flag.js'
import {fieldValidationOf, parseCascade, parseValidate} from '../flags.js'
import {printerFor, printOptionsOf} from '../print/print-flags.js'
import {placeInNamespace} from '../resource/namespace.js'
import {readStdin} from '../resource/stdin.js'
import {runDelete, type DeleteOptions} from './delete.js'
import type {DeleteFlags} from './delete-flags.js'
import {withLastApplied} from './last-applied.js'
import {eachDocument, manifestObjects} from './manifest-documents.js'
import type {ReplaceFlags} from './replace-flags.js'
import type {Sinks} from './sinks.js'
import type {KObject} from '../../api/types.js'

/** kubectl's Complete and Validate, before the cluster is opened; the options a --force delete uses. */
export function validateReplace(flags: ReplaceFlags, sinks: Sinks): DeleteOptions {
  parseValidate(flags.validate)
  const cascade = parseCascade(flags.cascade, sinks.err)
  const timeoutMs = parseDuration(flags.timeout, 'timeout')
  if ((flags.filename ?? []).length === 0) throw new CliError('must specify one of -f and -k')
  // replace turns --grace-period=0 into 1 (and waits), so a force delete is never immediate
  const grace = flags['grace-period'] === 0 ? 1 : flags['grace-period']
  if (grace >= 0 && !flags.force) throw new CliError('--grace-period must have --force specified')
  if (timeoutMs !== 0 && !flags.force) throw new CliError('--timeout must have --force specified')
  if (flags.force && flags['dry-run'] !== 'none') throw new CliError('--dry-run can not be used when --force is set')
  return {grace, cascade, timeoutMs: timeoutMs === 0 ? 5 * 60_000 : timeoutMs, ignoreNotFound: true}
}

/** The file's object as it is sent: in its namespace, with the last-applied annotation under --save-config. */
function outgoing(raw: KObject, info: {rt: Parameters<typeof placeInNamespace>[1]}, target: Target, saveConfig: boolean): KObject {
  const obj = placeInNamespace(raw, info.rt, target)
  return saveConfig ? withLastApplied(obj) : obj
}

/** Replaces every document of the files (`api` undefined for --dry-run=client); returns the errors. */
export function replaceFromItems(api: Api | undefined, target: Target, flags: ReplaceFlags, sinks: Sinks, stdin: () => string = readStdin): string[] {
  const printer = printerFor(flags.output, {operation: 'replaced', dryRun: flags['dry-run'], ...printOptionsOf(flags)})
  const items = manifestObjects(api, target, {...flags, selector: undefined}, stdin)
  return eachDocument(items, {verb: 'replace', doing: 'replacing', output: flags.output, printer}, sinks, (info) => {
    const obj = outgoing(info.object!, info, target, flags['save-config'])
    if (!api) return {result: obj}
    const result = api.transaction(() => {
      // overwrite: no resourceVersion in the file means "whatever is there now" (a GET, NotFound if nothing is)
      if (!obj.metadata.resourceVersion) {
        const live = api.get(info.rt, info.namespace, info.name)
        obj.metadata = {...obj.metadata, resourceVersion: live.metadata.resourceVersion}
      }
      return api.update(obj, {dryRun: flags['dry-run'] === 'server', fieldValidation: fieldValidationOf(flags.validate)})
    })
    return {result}
  })
}

/** --force: delete what the files name, wait until it is gone, create the documents; returns the errors. */
export async function forceReplace(api: Api, target: Target, flags: ReplaceFlags, o: DeleteOptions, sinks: Sinks, stdin: () => string = readStdin): Promise<string[]> {
  // stdin is read once and serves both passes, as kubectl copies it to a temporary file
  let input: string | undefined
  const once = (): string => (input ??= stdin())
  const deleteFlags: DeleteFlags = {
    all: false,
    'all-namespaces': false,
    cascade: flags.cascade,
    'dry-run': 'none',
    'field-selector': undefined,
    filename: flags.filename,
    force: true,
    'grace-period': o.grace,
    json: undefined,
    'ignore-not-found': true,
    interactive: false,
    now: false,
    output: flags.output === 'name' ? 'name' : undefined,
    recursive: flags.recursive,
    selector: undefined,
    timeout: flags.timeout,
    wait: true,
  }
  const deleted = await runDelete(api, target, [], deleteFlags, o, sinks, once)
  if (deleted.length > 0) return deleted
  const printer = printerFor(flags.output, {operation: 'replaced', ...printOptionsOf(flags)})
  const items = manifestObjects(api, target, {...flags, selector: undefined}, once)
  // forceReplace returns the create's error as the server worded it, without the file
  return eachDocument(items, {verb: 'replace', doing: 'replacing', output: flags.output, printer, failure: (e) => e}, sinks, (info) => {
    const r = api.create(outgoing(info.object!, info, target, flags['save-config']), {fieldValidation: fieldValidationOf(flags.validate)})
    for (const w of r.warnings) sinks.err(`Warning: ${w}`)
    return {result: r.object}
  })
}
