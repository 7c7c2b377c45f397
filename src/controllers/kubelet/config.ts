// ConfigMaps and Secrets a pod needs before it can run, checked with the kubelet's messages: volumes
// (the volume manager: FailedMount, the pod stays ContainerCreating) and a container's envFrom/env
// (CreateContainerConfigError). `optional: true` references never block.
import type {Container, KeyToPath, Pod} from 'kubernetes-types/core/v1.js'
import type {KObject} from '../../api/types.js'

/** Reads a ConfigMap or Secret of the pod's namespace, or a RuntimeClass (namespace ''). */
export type ObjectLookup = (kind: 'ConfigMap' | 'Secret' | 'RuntimeClass', namespace: string, name: string) => KObject | undefined

/** A volume that cannot be set up, and the error the volume plugin reports for it. */
export interface MountFailure {
  volume: string
  message: string
}

function keysOf(obj: KObject): Set<string> {
  return new Set([...Object.keys((obj.data as object | undefined) ?? {}), ...Object.keys((obj.binaryData as object | undefined) ?? {}), ...Object.keys((obj.stringData as object | undefined) ?? {})])
}

// the configmap/secret managers report NotFound with the singular resource name
const notFound = (kind: 'ConfigMap' | 'Secret', name: string): string => `${kind === 'ConfigMap' ? 'configmap' : 'secret'} "${name}" not found`

function sourceError(kind: 'ConfigMap' | 'Secret', name: string, items: KeyToPath[] | undefined, optional: boolean | undefined, pod: Pod, lookup: ObjectLookup): string | undefined {
  const obj = lookup(kind, pod.metadata?.namespace ?? 'default', name)
  if (!obj) return optional ? undefined : notFound(kind, name)
  const keys = keysOf(obj)
  for (const item of items ?? []) {
    if (keys.has(item.key) || optional) continue
    return kind === 'ConfigMap' ? `configmap references non-existent config key: ${item.key}` : `references non-existent secret key: ${item.key}`
  }
  return undefined
}

/** Every volume the volume manager cannot mount yet, in spec order. */
export function mountFailures(pod: Pod, lookup: ObjectLookup): MountFailure[] {
  const failures: MountFailure[] = []
  for (const v of pod.spec?.volumes ?? []) {
    let message: string | undefined
    if (v.configMap) message = sourceError('ConfigMap', v.configMap.name ?? '', v.configMap.items, v.configMap.optional, pod, lookup)
    else if (v.secret) message = sourceError('Secret', v.secret.secretName ?? '', v.secret.items, v.secret.optional, pod, lookup)
    else if (v.projected) {
      for (const s of v.projected.sources ?? []) {
        if (s.configMap) message = sourceError('ConfigMap', s.configMap.name ?? '', s.configMap.items, s.configMap.optional, pod, lookup)
        else if (s.secret) message = sourceError('Secret', s.secret.name ?? '', s.secret.items, s.secret.optional, pod, lookup)
        if (message) break
      }
    }
    if (message) failures.push({volume: v.name, message})
  }
  return failures
}

/** The FailedMount event message for one volume. */
export function failedMountMessage(f: MountFailure): string {
  return `MountVolume.SetUp failed for volume "${f.volume}" : ${f.message}`
}

/**
 * Why the kubelet cannot build this container's environment (makeEnvironmentVariables: envFrom
 * first, then env in order), or undefined when it can.
 */
export function containerConfigError(pod: Pod, c: Container, lookup: ObjectLookup): string | undefined {
  const ns = pod.metadata?.namespace ?? 'default'
  for (const from of c.envFrom ?? []) {
    const ref = from.configMapRef ?? from.secretRef
    if (!ref) continue
    const kind = from.configMapRef ? 'ConfigMap' : 'Secret'
    if (!lookup(kind, ns, ref.name ?? '') && !ref.optional) return notFound(kind, ref.name ?? '')
  }
  for (const e of c.env ?? []) {
    const ref = e.valueFrom?.configMapKeyRef ?? e.valueFrom?.secretKeyRef
    if (!ref) continue
    const kind = e.valueFrom?.configMapKeyRef ? 'ConfigMap' : 'Secret'
    const obj = lookup(kind, ns, ref.name ?? '')
    if (!obj) {
      if (ref.optional) continue
      return notFound(kind, ref.name ?? '')
    }
    if (!keysOf(obj).has(ref.key) && !ref.optional) return `couldn't find key ${ref.key} in ${kind} ${ns}/${ref.name ?? ''}`
  }
  return undefined
}
