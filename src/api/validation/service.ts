// ValidateService (core/validation) for the fields ksim serves: ports, type, session affinity, selector,
// external names, and the immutability of an allocated cluster IP, with the API server's messages.
import type {Service, ServicePort} from 'kubernetes-types/core/v1.js'

import {fieldErr, type FieldError} from '../errors.js'
import {byteLength, inclusiveRangeError, isDNS1123Label, isDNS1123Subdomain, isQualifiedName, isValidLabelValue, maxLenError, regexError} from '../../machinery/names.js'
import {isValidPortName} from './pod-containers.js'

const SERVICE_TYPES = ['ClusterIP', 'ExternalName', 'LoadBalancer', 'NodePort']
const PROTOCOLS = ['SCTP', 'TCP', 'UDP']
const AFFINITIES = ['ClientIP', 'None']
const DNS1035_RE = /^[a-z]([-a-z0-9]*[a-z0-9])?$/

/** IsDNS1035Label: Service names must start with a letter. */
export function isDNS1035Label(value: string): string[] {
  const errs: string[] = []
  if (byteLength(value) > 63) errs.push(maxLenError(63))
  if (!DNS1035_RE.test(value)) {
    errs.push(regexError("a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character", '[a-z]([-a-z0-9]*[a-z0-9])?', 'my-name', 'abc-123'))
  }
  return errs
}

const validPort = (n: unknown): boolean => typeof n === 'number' && Number.isInteger(n) && n >= 1 && n <= 65535

/** Go's %#v of the internal core.ServicePort, as Duplicate errors print the (protocol, port) key. */
function servicePortKey(p: ServicePort): string {
  return `core.ServicePort{Name:"", Protocol:${JSON.stringify(p.protocol ?? '')}, AppProtocol:(*string)(nil), Port:${p.port}, TargetPort:intstr.IntOrString{Type:0, IntVal:0, StrVal:""}, NodePort:0}`
}

function validatePort(p: ServicePort, i: number, requireName: boolean, names: Set<string>, type: string): FieldError[] {
  const at = `spec.ports[${i}]`
  const errs: FieldError[] = []
  if (requireName && !p.name) errs.push(fieldErr.required(`${at}.name`))
  else if (p.name) {
    for (const m of isDNS1123Label(p.name)) errs.push(fieldErr.invalid(`${at}.name`, p.name, m))
    if (names.has(p.name)) errs.push(fieldErr.duplicate(`${at}.name`, p.name))
    names.add(p.name)
  }
  if (!validPort(p.port)) errs.push(fieldErr.invalid(`${at}.port`, p.port, inclusiveRangeError(1, 65535)))
  if (!p.protocol) errs.push(fieldErr.required(`${at}.protocol`))
  else if (!PROTOCOLS.includes(p.protocol)) errs.push(fieldErr.notSupported(`${at}.protocol`, p.protocol, PROTOCOLS))
  const tp = p.targetPort as number | string | undefined
  if (typeof tp === 'number' && !validPort(tp)) errs.push(fieldErr.invalid(`${at}.targetPort`, tp, inclusiveRangeError(1, 65535)))
  if (typeof tp === 'string') for (const m of isValidPortName(tp)) errs.push(fieldErr.invalid(`${at}.targetPort`, tp, m))
  if (type === 'ClusterIP' && p.nodePort) errs.push(fieldErr.forbidden(`${at}.nodePort`, "may not be used when `type` is 'ClusterIP'"))
  return errs
}

/** The field errors of a Service's spec (metadata is validated by the API server itself). */
export function validateServiceSpec(svc: Service): FieldError[] {
  const errs: FieldError[] = []
  const name = svc.metadata?.name ?? ''
  // Service names are DNS-1035 labels; the generic subdomain check has already reported worse names
  if (name && isDNS1123Subdomain(name).length === 0) for (const m of isDNS1035Label(name)) errs.push(fieldErr.invalid('metadata.name', name, m))
  const spec = svc.spec ?? {}
  const type = spec.type ?? 'ClusterIP'
  const ports = spec.ports ?? []
  if (type === 'ExternalName') {
    if (!spec.externalName) errs.push(fieldErr.required('spec.externalName'))
    else for (const m of isDNS1123Subdomain(spec.externalName)) errs.push(fieldErr.invalid('spec.externalName', spec.externalName, m))
  } else if (ports.length === 0 && spec.clusterIP !== 'None') {
    errs.push(fieldErr.required('spec.ports'))
  }
  const names = new Set<string>()
  ports.forEach((p, i) => errs.push(...validatePort(p, i, ports.length > 1, names, type)))
  for (const [k, v] of Object.entries(spec.selector ?? {})) {
    for (const m of isQualifiedName(k)) errs.push(fieldErr.invalid('spec.selector', k, m))
    for (const m of isValidLabelValue(v)) errs.push(fieldErr.invalid('spec.selector', v, m))
  }
  if (spec.sessionAffinity && !AFFINITIES.includes(spec.sessionAffinity)) errs.push(fieldErr.notSupported('spec.sessionAffinity', spec.sessionAffinity, AFFINITIES))
  if (!SERVICE_TYPES.includes(type)) errs.push(fieldErr.notSupported('spec.type', type, SERVICE_TYPES))
  const seen = new Set<string>()
  ports.forEach((p, i) => {
    const key = `${p.protocol}/${p.port}`
    if (seen.has(key)) errs.push({type: 'FieldValueDuplicate', field: `spec.ports[${i}]`, hasValue: false, detail: servicePortKey(p)})
    seen.add(key)
  })
  return errs
}

/** ValidateServiceUpdate: an allocated cluster IP may not change (outside ExternalName). */
export function validateServiceUpdate(svc: Service, old: Service): FieldError[] {
  const errs = validateServiceSpec(svc)
  const wasExternal = (old.spec?.type ?? 'ClusterIP') === 'ExternalName'
  const isExternal = (svc.spec?.type ?? 'ClusterIP') === 'ExternalName'
  const before = old.spec?.clusterIPs ?? []
  const after = svc.spec?.clusterIPs ?? []
  if (!wasExternal && !isExternal) {
    before.forEach((ip, i) => {
      if (after[i] !== undefined && after[i] !== ip) errs.push(fieldErr.invalid(`spec.clusterIPs[${i}]`, after, 'may not change once set'))
    })
  }
  return errs
}
