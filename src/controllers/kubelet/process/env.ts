// A container's environment as the kubelet builds it (makeEnvironmentVariables): envFrom first
// (ConfigMap and Secret keys, with their prefix), then env in order — plain values with `$(VAR)`
// expanded against what is defined so far, ConfigMap and Secret keys, and the downward API's fieldRef
// and resourceFieldRef — over the runtime's base (PATH, HOSTNAME, HOME). The command and args are
// expanded against the result. Missing references were refused earlier (CreateContainerConfigError in
// config.ts); optional ones are left out here.
import type {Container, EnvVarSource, Pod} from 'kubernetes-types/core/v1.js'
import type {ObjectLookup} from '../config.js'

import os from 'node:os'

import {parseQuantity} from '../../../machinery/quantity.js'
import {serviceEnv, type ServiceLister} from './service-env.js'

/** containerd's default PATH for a container whose image sets none */
export const DEFAULT_PATH = '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin'

/** `$(VAR)` → its value when defined; `$$` → `$`; anything else as written (expansion.Expand). */
export function expand(text: string, env: Record<string, string>): string {
  return text.replace(/\$\$|\$\(([^)]*)\)/g, (m, name: string | undefined) => {
    if (m === '$$') return '$'
    return name !== undefined && Object.hasOwn(env, name) ? env[name] : m
  })
}

function dataOf(obj: Record<string, unknown>, secret: boolean): Record<string, string> {
  const out: Record<string, string> = {}
  for (const [k, v] of Object.entries((obj.data as Record<string, string> | undefined) ?? {})) out[k] = secret ? Buffer.from(v, 'base64').toString('utf8') : v
  return out
}

// metadata.labels['app'] and the other paths the downward API allows in env
export function fieldValue(pod: Pod, fieldPath: string): string {
  const m = /^metadata\.(labels|annotations)\['(.*)'\]$/.exec(fieldPath)
  if (m) return (pod.metadata?.[m[1] as 'labels' | 'annotations'] ?? {})[m[2]] ?? ''
  const values: Record<string, string | undefined> = {
    'metadata.name': pod.metadata?.name,
    'metadata.namespace': pod.metadata?.namespace,
    'metadata.uid': pod.metadata?.uid,
    'spec.nodeName': pod.spec?.nodeName,
    'spec.serviceAccountName': pod.spec?.serviceAccountName,
    'status.hostIP': pod.status?.hostIP,
    'status.hostIPs': (pod.status?.hostIPs ?? []).map((i) => i.ip).join(','),
    'status.podIP': pod.status?.podIP,
    'status.podIPs': (pod.status?.podIPs ?? []).map((i) => i.ip).join(','),
  }
  return values[fieldPath] ?? ''
}

// limits.cpu and the like, in units of the divisor rounded up (a missing limit: the node's allocatable is not known here, so the request)
export function resourceValue(c: Container, ref: NonNullable<EnvVarSource['resourceFieldRef']>): string {
  const [kind, name] = ref.resource.split('.') as ['limits' | 'requests', string]
  const res = c.resources as {limits?: Record<string, string>; requests?: Record<string, string>} | undefined
  const raw = res?.[kind]?.[name] ?? res?.requests?.[name] ?? res?.limits?.[name]
  if (raw === undefined) return name === 'cpu' ? '1' : '0'
  const value = parseQuantity(String(raw))
  const divisor = parseQuantity(String(ref.divisor ?? '1'))
  if (!value || !divisor) return String(raw)
  return String(Math.ceil(value.milliValue() / divisor.milliValue()))
}

/** The environment the container's process gets; `services` lists a namespace's Services (service-env.ts). */
export function containerEnv(pod: Pod, c: Container, lookup: ObjectLookup, services: ServiceLister = () => []): Record<string, string> {
  const ns = pod.metadata?.namespace ?? 'default'
  const env: Record<string, string> = {PATH: DEFAULT_PATH, HOSTNAME: pod.metadata?.name ?? '', HOME: os.homedir()}
  const fromServices = Object.fromEntries(serviceEnv(pod, services))
  for (const from of c.envFrom ?? []) {
    const ref = from.configMapRef ?? from.secretRef
    const obj = ref && lookup(from.configMapRef ? 'ConfigMap' : 'Secret', ns, ref.name ?? '')
    if (!obj) continue
    for (const [k, v] of Object.entries(dataOf(obj, !!from.secretRef))) env[`${from.prefix ?? ''}${k}`] = v
  }
  for (const e of c.env ?? []) {
    const from = e.valueFrom
    if (!from) {
      // `$(VAR)` sees the container's variables first, then the services' (MappingFuncFor(tmpEnv, serviceEnv))
      env[e.name] = expand(e.value ?? '', {...fromServices, ...env})
      continue
    }
    const keyRef = from.configMapKeyRef ?? from.secretKeyRef
    if (keyRef) {
      const obj = lookup(from.configMapKeyRef ? 'ConfigMap' : 'Secret', ns, keyRef.name ?? '')
      const value = obj && dataOf(obj, !!from.secretKeyRef)[keyRef.key]
      if (value !== undefined) env[e.name] = value
    } else if (from.fieldRef) env[e.name] = fieldValue(pod, from.fieldRef.fieldPath)
    else if (from.resourceFieldRef) env[e.name] = resourceValue(c, from.resourceFieldRef)
  }
  // the services' variables where the container defines none of its own
  for (const [k, v] of Object.entries(fromServices)) if (!(k in env)) env[k] = v
  return env
}
