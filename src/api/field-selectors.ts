// Field selectors as the API server takes them: fields.ParseSelector (`a=b`, `a==b`, `a!=b`, comma =
// AND, `\,` `\=` `\\` escapes), each kind's field label conversion (which fields it supports, with its
// exact error), the selectable field values of an object, and kubectl's wording of a list error.
import {SelectorError} from './label-selector-parse.js'

/** One term: `field=value`, `field==value` or `field!=value` (value unescaped). */
export interface FieldRequirement {
  field: string
  operator: '=' | '==' | '!='
  value: string
}

/** AND of terms; no terms selects everything. */
export interface FieldSelector {
  requirements: FieldRequirement[]
}

const OPERATORS = ['!=', '==', '='] as const

/** splitTerms: commas separate terms unless escaped; escapes stay for UnescapeValue. */
function splitTerms(s: string): string[] {
  if (s.length === 0) return []
  const terms: string[] = []
  let start = 0
  let inSlash = false
  for (let i = 0; i < s.length; i++) {
    const c = s[i]
    if (inSlash) inSlash = false
    else if (c === '\\') inSlash = true
    else if (c === ',') {
      terms.push(s.slice(start, i))
      start = i + 1
    }
  }
  terms.push(s.slice(start))
  return terms
}

/** UnescapeValue, with fields' error types' messages (an unescaped rune prints as its number). */
function unescapeValue(s: string): string {
  if (!/[\\,=]/.test(s)) return s
  let out = ''
  let inSlash = false
  for (const c of s) {
    if (inSlash) {
      if (c !== '\\' && c !== ',' && c !== '=') throw new SelectorError(`invalid field selector: invalid escape sequence: \\${c}`)
      out += c
      inSlash = false
    } else if (c === '\\') inSlash = true
    else if (c === ',' || c === '=') throw new SelectorError(`invalid field selector: unescaped character in value: ${c.codePointAt(0)}`)
    else out += c
  }
  if (inSlash) throw new SelectorError('invalid field selector: invalid escape sequence: \\')
  return out
}

/** fields.ParseSelector: terms are sorted, the first one that cannot be understood fails. */
export function parseFieldSelector(text: string): FieldSelector {
  const parts = splitTerms(text).sort((a, b) => Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8')))
  const requirements: FieldRequirement[] = []
  for (const part of parts) {
    if (part === '') continue
    let split: FieldRequirement | undefined
    for (let i = 0; i < part.length && !split; i++) {
      const op = OPERATORS.find((o) => part.startsWith(o, i))
      if (op) split = {field: part.slice(0, i), operator: op, value: part.slice(i + op.length)}
    }
    if (!split) throw new SelectorError(`invalid selector: '${text}'; can't understand '${part}'`)
    requirements.push({...split, value: unescapeValue(split.value)})
  }
  return {requirements}
}

/** Selector.String(): terms joined by commas, values escaped again. */
export function fieldSelectorString(sel: FieldSelector): string {
  const esc = (v: string): string => v.replace(/[\\,=]/g, (c) => `\\${c}`)
  return sel.requirements.map((r) => `${r.field}${r.operator === '!=' ? '!=' : '='}${esc(r.value)}`).join(',')
}

const META = ['metadata.name', 'metadata.namespace']

/** Field labels each kind's conversion function accepts (core/v1 conversion.go); others use the default. */
const SUPPORTED: Record<string, string[]> = {
  Pod: [...META, 'spec.nodeName', 'spec.restartPolicy', 'spec.schedulerName', 'spec.serviceAccountName', 'spec.hostNetwork', 'status.phase', 'status.podIP', 'status.podIPs', 'status.nominatedNodeName', 'spec.host'],
  Node: ['metadata.name', 'spec.unschedulable'],
  Namespace: ['status.phase', 'metadata.name'],
  Secret: ['type', ...META],
  Service: [...META, 'spec.clusterIP', 'spec.type'],
  ReplicationController: [...META, 'status.replicas'],
  Event: [
    'involvedObject.kind',
    'involvedObject.namespace',
    'involvedObject.name',
    'involvedObject.uid',
    'involvedObject.apiVersion',
    'involvedObject.resourceVersion',
    'involvedObject.fieldPath',
    'reason',
    'reportingComponent',
    'source',
    'type',
    ...META,
  ],
}

/** Whether the API server accepts `field` in a field selector for `kind` (`Pod`, `ConfigMap`, ...). */
export function fieldSelectorSupported(kind: string, field: string): boolean {
  return (SUPPORTED[kind] ?? META).includes(field)
}

/** The API server's message for a field it does not support (a 400 BadRequest). */
export function fieldLabelErrorMessage(kind: string, field: string): string {
  if (SUPPORTED[kind]) return `field label not supported: ${field}`
  // runtime.DefaultMetaV1FieldSelectorConversion, for kinds without their own conversion
  return `"${field}" is not a known field selector: only "metadata.name", "metadata.namespace"`
}

/**
 * The field label conversion the server applies before listing: unsupported fields throw with
 * fieldLabelErrorMessage (the first in sorted term order), `spec.host` becomes `spec.nodeName`.
 */
export function convertFieldSelector(kind: string, sel: FieldSelector): FieldSelector {
  return {
    requirements: sel.requirements.map((r) => {
      if (!fieldSelectorSupported(kind, r.field)) throw new SelectorError(fieldLabelErrorMessage(kind, r.field))
      return kind === 'Pod' && r.field === 'spec.host' ? {...r, field: 'spec.nodeName'} : r
    }),
  }
}

type Obj = Record<string, unknown>
const str = (v: unknown): string => (typeof v === 'string' ? v : '')
const sub = (o: unknown, k: string): Obj => ((o as Obj | undefined)?.[k] ?? {}) as Obj

/** The object's selectable fields, as its registry strategy builds them (absent fields read as ""). */
export function selectableFields(obj: Obj): Record<string, string> {
  const meta = sub(obj, 'metadata')
  const spec = sub(obj, 'spec')
  const status = sub(obj, 'status')
  const f: Record<string, string> = {'metadata.name': str(meta.name)}
  if (typeof meta.namespace === 'string' || !['Node', 'Namespace'].includes(str(obj.kind))) f['metadata.namespace'] = str(meta.namespace)
  switch (obj.kind) {
    case 'Pod': {
      const ips = (status.podIPs as {ip?: string}[] | undefined) ?? []
      Object.assign(f, {
        'spec.nodeName': str(spec.nodeName),
        'spec.restartPolicy': str(spec.restartPolicy),
        'spec.schedulerName': str(spec.schedulerName),
        'spec.serviceAccountName': str(spec.serviceAccountName),
        'spec.hostNetwork': spec.hostNetwork === true ? 'true' : 'false',
        'status.phase': str(status.phase),
        'status.podIP': ips.length > 0 ? str(ips[0].ip) : '',
        'status.nominatedNodeName': str(status.nominatedNodeName),
      })
      break
    }
    case 'Node':
      f['spec.unschedulable'] = spec.unschedulable === true ? 'true' : 'false'
      break
    case 'Namespace':
      f['status.phase'] = str(status.phase)
      break
    case 'Secret':
      f.type = str(obj.type)
      break
    case 'Service':
      Object.assign(f, {'spec.clusterIP': str(spec.clusterIP), 'spec.type': str(spec.type)})
      break
    case 'Event': {
      const io = sub(obj, 'involvedObject')
      for (const k of ['kind', 'namespace', 'name', 'uid', 'apiVersion', 'resourceVersion', 'fieldPath']) f[`involvedObject.${k}`] = str(io[k])
      Object.assign(f, {
        reason: str(obj.reason),
        reportingComponent: str(obj.reportingComponent),
        source: str(sub(obj, 'source').component) || str(obj.reportingComponent),
        type: str(obj.type),
      })
      break
    }
  }
  return f
}

/** Whether an object matches a (converted) field selector: every term compares the field's string. */
export function matchFieldSelector(sel: FieldSelector, obj: Obj): boolean {
  const fields = selectableFields(obj)
  return sel.requirements.every((r) => ((fields[r.field] ?? '') === r.value) !== (r.operator === '!='))
}

/** GroupVersionResource.String(): `/v1, Resource=pods`, `apps/v1, Resource=deployments`. */
export function groupVersionResourceString(group: string, version: string, resource: string): string {
  return `${group}/${version}, Resource=${resource}`
}

/**
 * kubectl's EnhanceListError for a BadRequest/NotFound from a list: `Unable to find "/v1,
 * Resource=pods" that match label selector "", field selector "foo=bar": field label not supported: foo`.
 */
export function listErrorMessage(gvr: string, labelSelector: string, fieldSelector: string, message: string): string {
  if (labelSelector === '' && fieldSelector === '') return `Unable to list ${JSON.stringify(gvr)}: ${message}`
  return `Unable to find ${JSON.stringify(gvr)} that match label selector ${JSON.stringify(labelSelector)}, field selector ${JSON.stringify(fieldSelector)}: ${message}`
}
