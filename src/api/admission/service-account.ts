// ServiceAccount admission (plugin/pkg/admission/serviceaccount), on pod create: the named account
// (default `default`) must exist in the pod's namespace, its image pull secrets become the pod's when the
// pod names none, and unless automounting is off (pod first, then account) every container and init
// container mounts a projected `kube-api-access-<5>` volume at the API token path: a bound token, the
// cluster CA from kube-root-ca.crt, and the namespace.
import type {Pod, Volume, VolumeMount} from 'kubernetes-types/core/v1.js'
import type {StrategyContext} from '../strategy.js'

import {apiErrors} from '../errors.js'
import {generateName} from '../meta.js'
import {ROOT_CA_CONFIGMAP} from '../kinds/namespace-companions.js'
import {fieldsOf} from '../../machinery/sort-keys.js'

export const TOKEN_MOUNT_PATH = '/var/run/secrets/kubernetes.io/serviceaccount'
const VOLUME_PREFIX = 'kube-api-access-'
const MIRROR_POD_ANNOTATION = 'kubernetes.io/config.mirror'

interface ServiceAccount {
  automountServiceAccountToken?: boolean
  imagePullSecrets?: {name?: string}[]
}

/** The projected volume source the plugin adds (TokenVolumeSource; keys in kubectl's sorted order). */
function tokenVolume(name: string): Volume {
  return {
    name,
    projected: {
      defaultMode: 420,
      sources: [
        {serviceAccountToken: {expirationSeconds: 3607, path: 'token'}},
        {configMap: {items: [{key: 'ca.crt', path: 'ca.crt'}], name: ROOT_CA_CONFIGMAP}},
        {downwardAPI: {items: [{fieldRef: {apiVersion: 'v1', fieldPath: 'metadata.namespace'}, path: 'namespace'}]}},
      ],
    },
  }
}

/** Reorders an object's own keys alphabetically, in place (stored specs keep kubectl's key order). */
export function sortOwnKeys(obj: Record<string, unknown>): void {
  const entries = Object.entries(obj).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
  for (const [k] of entries) delete obj[k]
  for (const [k, v] of entries) obj[k] = v
}

/** Mutates a new pod as the ServiceAccount admission plugin does; throws its 403 when the account is missing. */
export function admitServiceAccount(pod: Pod, name: string, ctx: StrategyContext): void {
  if (pod.metadata?.annotations?.[MIRROR_POD_ANNOTATION] !== undefined) return
  const spec = pod.spec!
  spec.serviceAccountName ||= 'default'
  const namespace = pod.metadata?.namespace ?? 'default'
  const account = ctx.getObject('ServiceAccount', namespace, spec.serviceAccountName) as ServiceAccount | undefined
  if (!account) {
    const sa = spec.serviceAccountName
    throw apiErrors.forbidden('pods', '', name, `error looking up service account ${namespace}/${sa}: serviceaccount "${sa}" not found`)
  }
  const automount = spec.automountServiceAccountToken ?? account.automountServiceAccountToken ?? true
  if (automount) mountToken(spec)
  if ((spec.imagePullSecrets ?? []).length === 0 && (account.imagePullSecrets ?? []).length > 0) {
    spec.imagePullSecrets = account.imagePullSecrets!.map((s) => ({name: s.name}))
  }
  sortOwnKeys(fieldsOf(spec))
}

// mountServiceAccountToken: reuse a kube-api-access-* volume the pod already has; every container
// without a mount at the token path gets one; the volume is added only when some container needed it
function mountToken(spec: NonNullable<Pod['spec']>): void {
  const existing = (spec.volumes ?? []).find((v) => v.name.startsWith(VOLUME_PREFIX))
  const volumeName = existing?.name ?? generateName(VOLUME_PREFIX)
  let needed = false
  for (const c of [...(spec.initContainers ?? []), ...spec.containers]) {
    if ((c.volumeMounts ?? []).some((m) => m.mountPath === TOKEN_MOUNT_PATH)) continue
    const mount: VolumeMount = {mountPath: TOKEN_MOUNT_PATH, name: volumeName, readOnly: true}
    c.volumeMounts = [...(c.volumeMounts ?? []), mount]
    needed = true
  }
  if (needed && !existing) spec.volumes = [...(spec.volumes ?? []), tokenVolume(volumeName)]
}
