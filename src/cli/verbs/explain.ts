// kubectl explain: the resource argument and its field path resolved as kubectl's
// SplitAndParseResourceRequest(WithMatchingPrefix) does, --api-version choosing the group/version,
// then the plaintext view (printers/explain) of that group/version's OpenAPI v3 document — the same
// document `ksim serve` answers /openapi/v3 with, which the command passes in.
import {Flags, type Interfaces} from '@oclif/core'

import {isNoResourceMatch, mustLookupResource, qualifiedPlural} from '../../api/registry.js'
import {ExplainError, explainPlaintext, type ExplainTarget} from '../../printers/explain/plaintext.js'
import type {Json} from '../../printers/explain/schema-walk.js'
import {CliError, PlainError} from '../errors.js'
import type {Sinks} from './sinks.js'

export const explainFlags = {
  'api-version': Flags.string({description: 'Get different explanations for particular API version (API group/version)'}),
  output: Flags.string({char: 'o', description: 'Format in which to render the schema (plaintext, plaintext-openapiv2)', default: 'plaintext'}),
  recursive: Flags.boolean({description: 'Print the fields of fields (Currently only 1 level deep)', default: false}),
}

/** The OpenAPI v3 document of `api/v1` or `apis/<group>/<version>`, undefined for one not served. */
export type OpenApiDocuments = (key: string) => Json | undefined

/** The resource and the field path of `pods.spec.containers` or `deployments.apps.spec`. */
export function parseExplainArg(arg: string, withPrefix: boolean): {target: ExplainTarget; fieldPath: string[]} {
  const text = arg.endsWith('.') ? arg.slice(0, -1) : arg
  const [first = '', ...rest] = text.split('.')
  const rt = mustLookupResource(first)
  const target = {group: rt.group, version: rt.version, resource: rt.plural}
  const qualified = qualifiedPlural(rt)
  // `deployments.apps.spec`: the group-qualified name is the resource, the rest the path
  if (withPrefix && text.startsWith(qualified)) return {target, fieldPath: text.slice(qualified.length).split('.').filter((s) => s !== '')}
  return {target, fieldPath: rest.filter((s) => s !== '')}
}

/** schema.ParseGroupVersion: `v1`, `apps/v1`; more than one slash is an error. */
function parseGroupVersion(gv: string): {group: string; version: string} {
  const parts = gv.split('/')
  if (gv === '' || parts.length > 2) throw new CliError(`unexpected GroupVersion string: ${gv}`)
  return parts.length === 1 ? {group: '', version: gv} : {group: parts[0]!, version: parts[1]!}
}

export function runExplain(argv: string[], flags: Interfaces.InferredFlags<typeof explainFlags>, documents: OpenApiDocuments, sinks: Sinks): void {
  if (argv.length === 0) throw new CliError('You must specify the type of resource to explain. Use "ksim api-resources" for a complete list of supported resources.')
  if (argv.length > 1) throw new CliError('We accept only this format: explain RESOURCE')
  const apiVersion = flags['api-version'] ?? ''
  const {target, fieldPath} = resolveArg(argv[0]!, apiVersion === '')
  if (flags.output !== 'plaintext') {
    if (flags.output === 'plaintext-openapiv2') throw new CliError('--output plaintext-openapiv2 (the OpenAPI v2 view) is not available in ksim: use plaintext')
    throw new CliError(`unrecognized format: ${flags.output}`)
  }
  if (apiVersion !== '') Object.assign(target, parseGroupVersion(apiVersion))
  const key = target.group ? `apis/${target.group}/${target.version}` : `api/${target.version}`
  const doc = documents(key)
  if (!doc) throw new CliError(`couldn't find resource for "${target.group}/${target.version}, Resource=${target.resource}"`)
  try {
    sinks.out(explainPlaintext(doc, target, fieldPath, flags.recursive))
  } catch (e) {
    if (!(e instanceof ExplainError)) throw e
    if (e.written) sinks.out(e.written)
    throw new PlainError(e.message)
  }
}

/** parseExplainArg, with an unknown resource in explain's words (no `error:` before it). */
function resolveArg(arg: string, withPrefix: boolean): ReturnType<typeof parseExplainArg> {
  try {
    return parseExplainArg(arg, withPrefix)
  } catch (e) {
    if (isNoResourceMatch(e)) throw new PlainError(e.message)
    throw e
  }
}
