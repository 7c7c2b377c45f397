// `set env --list` (and --resolve): each selected container's variables, after the command's changes,
// as kubectl prints them: `NAME=value`, or `# NAME from <reference>`; with --resolve the references to
// secrets, config maps (in the command's namespace), the object's own metadata and the container's
// resources are looked up, and what could not be is reported on stderr, sorted.
import type {Api} from '../../api/server.js'
import type {KObject} from '../../api/types.js'

import {isStatusError} from '../../api/errors.js'
import {lookupResource} from '../../api/registry.js'
import {parseQuantity} from '../../machinery/quantity.js'
import {isQualifiedName} from '../../machinery/names.js'
import type {Container, EnvVar} from './set-pod-template.js'

type Ref = Record<string, string | undefined>

/** GetEnvVarRefString. */
export function refString(from: NonNullable<EnvVar['valueFrom']>): string {
  const cm = from.configMapKeyRef as Ref | undefined
  const secret = from.secretKeyRef as Ref | undefined
  const field = from.fieldRef as Ref | undefined
  const res = from.resourceFieldRef as Ref | undefined
  if (cm) return `configmap ${cm.name ?? ''}, key ${cm.key ?? ''}`
  if (secret) return `secret ${secret.name ?? ''}, key ${secret.key ?? ''}`
  if (field) return `field path ${field.fieldPath ?? ''}`
  if (res) return `resource field ${res.containerName ? `${res.containerName}/` : ''}${res.resource ?? ''}`
  return 'invalid valueFrom'
}

/** The lookups one container's listing shares (kubectl's ResourceStore caches per object name). */
export interface Resolver {
  api: Api
  namespace: string
}

function dataOf(r: Resolver, plural: 'secrets' | 'configmaps', name: string): Record<string, string> {
  const obj = r.api.get(lookupResource(plural)!, r.namespace, name)
  const data = (obj.data ?? {}) as Record<string, string>
  if (plural === 'configmaps') return data
  return Object.fromEntries(Object.entries(data).map(([k, v]) => [k, Buffer.from(v, 'base64').toString('utf8')]))
}

/** formatMap: sorted `key="value"` lines. */
const formatMap = (m: Record<string, string> | undefined): string =>
  Object.keys(m ?? {}).sort().map((k) => `${k}=${JSON.stringify(m![k])}`).join('\n')

/** extractFieldPathAsString on the listed object. */
function fieldValue(obj: KObject, path: string): string {
  const sub = /^(.+?)\['(.*)'\]$/s.exec(path)
  if (sub) {
    const [, base, key] = sub
    if (base !== 'metadata.annotations' && base !== 'metadata.labels') throw new Error(`fieldPath ${JSON.stringify(path)} does not support subscript`)
    const errs = isQualifiedName(base === 'metadata.annotations' ? key.toLowerCase() : key)
    if (errs.length > 0) throw new Error(`invalid key subscript in ${path}: ${errs.join(';')}`)
    return (base === 'metadata.labels' ? obj.metadata.labels : obj.metadata.annotations)?.[key] ?? ''
  }
  switch (path) {
    case 'metadata.annotations': return formatMap(obj.metadata.annotations)
    case 'metadata.labels': return formatMap(obj.metadata.labels)
    case 'metadata.name': return obj.metadata.name ?? ''
    case 'metadata.namespace': return obj.metadata.namespace ?? ''
    case 'metadata.uid': return obj.metadata.uid ?? ''
  }
  throw new Error(`unsupported fieldPath: ${path}`)
}

/** extractContainerResourceValue: the container's request or limit over the divisor, rounded up. */
function resourceValue(ref: Ref, c: Container): string {
  const divisor = parseQuantity(ref.divisor ?? '')
  const one = divisor && !divisor.isZero() ? divisor : parseQuantity('1')!
  const [kind, name] = [ref.resource?.split('.')[0], ref.resource?.slice(ref.resource.indexOf('.') + 1) ?? '']
  const known = ['cpu', 'memory', 'ephemeral-storage'].includes(name) || name.startsWith('hugepages-')
  if ((kind !== 'limits' && kind !== 'requests') || !known) throw new Error(`Unsupported container resource : ${ref.resource ?? ''}`)
  const q = parseQuantity(c.resources?.[kind]?.[name] ?? '0') ?? parseQuantity('0')!
  return String(name === 'cpu' ? Math.ceil(q.milliValue() / one.milliValue()) : Math.ceil(q.value() / one.value()))
}

/** GetEnvVarRefValue. */
function refValue(r: Resolver, from: NonNullable<EnvVar['valueFrom']>, obj: KObject, c: Container): string {
  const secret = from.secretKeyRef as Ref | undefined
  const cm = from.configMapKeyRef as Ref | undefined
  if (secret || cm) {
    const [plural, what, ref] = secret ? (['secrets', 'secret', secret] as const) : (['configmaps', 'config map', cm!] as const)
    const data = dataOf(r, plural, ref.name ?? '')
    if (ref.key !== undefined && ref.key in data) return data[ref.key]
    throw new Error(`key ${ref.key ?? ''} not found in ${what} ${ref.name ?? ''}`)
  }
  if (from.fieldRef) return fieldValue(obj, (from.fieldRef as Ref).fieldPath ?? '')
  if (from.resourceFieldRef) return resourceValue(from.resourceFieldRef as Ref, c)
  throw new Error('invalid valueFrom')
}

/** One container's listing (stdout) and its sorted resolution errors (stderr lines). */
export function listContainer(kind: string, obj: KObject, c: Container, resolver: Resolver | undefined): {out: string; errors: string[]} {
  let out = `# ${kind} ${obj.metadata.name ?? ''}, container ${c.name ?? ''}\n`
  const failures = new Map<string, string[]>()
  for (const e of c.env ?? []) {
    if (!e.valueFrom) {
      out += `${e.name}=${e.value ?? ''}\n`
      continue
    }
    if (resolver) {
      try {
        out += `${e.name}=${refValue(resolver, e.valueFrom, obj, c)}\n`
        continue
      } catch (error) {
        const text = isStatusError(error) ? error.message : (error as Error).message
        failures.set(text, [...(failures.get(text) ?? []), e.name])
      }
    }
    out += `# ${e.name} from ${refString(e.valueFrom)}\n`
  }
  const errors = [...failures].map(([err, vars]) => `error retrieving reference for ${vars.sort().join(', ')}: ${err}`).sort()
  return {out, errors}
}
