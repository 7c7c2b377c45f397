// Strategic merge patch metadata (the patchStrategy / patchMergeKey tags of k8s.io/api) for the kinds
// ksim serves, in one table that the API's patch and kubectl-style apply both read. A field not listed
// is atomic: a list in a patch replaces the whole list; maps are merged key by key.
import {defaultSchema, type Schema} from '../schema/schema.js'
import type {TypeExpr} from '../schema/types.js'

/** How a list field merges: by `key` for lists of objects, by value for lists of scalars (no key). */
export interface PatchMeta {
  strategy: 'merge'
  key?: string
}

const byName: PatchMeta = {strategy: 'merge', key: 'name'}
const byType: PatchMeta = {strategy: 'merge', key: 'type'}
const scalars: PatchMeta = {strategy: 'merge'}
const containerLists: Record<string, PatchMeta> = {
  ports: {strategy: 'merge', key: 'containerPort'},
  env: byName,
  volumeMounts: {strategy: 'merge', key: 'mountPath'},
  volumeDevices: {strategy: 'merge', key: 'devicePath'},
}

/** `<Go struct name>.<json field>` → merge strategy, as tagged in k8s.io/api (core, apps, meta). */
const PATCH_META: Record<string, PatchMeta> = {
  'ObjectMeta.finalizers': scalars,
  'ObjectMeta.ownerReferences': {strategy: 'merge', key: 'uid'},
  'PodSpec.volumes': byName,
  'PodSpec.initContainers': byName,
  'PodSpec.containers': byName,
  'PodSpec.ephemeralContainers': byName,
  'PodSpec.imagePullSecrets': byName,
  'PodSpec.hostAliases': {strategy: 'merge', key: 'ip'},
  'PodSpec.topologySpreadConstraints': {strategy: 'merge', key: 'topologyKey'},
  'PodSpec.schedulingGates': byName,
  'PodSpec.resourceClaims': byName,
  ...Object.fromEntries(Object.entries(containerLists).flatMap(([f, m]) => [[`Container.${f}`, m], [`EphemeralContainer.${f}`, m]])),
  'PodStatus.conditions': byType,
  'PodStatus.podIPs': {strategy: 'merge', key: 'ip'},
  'PodStatus.hostIPs': {strategy: 'merge', key: 'ip'},
  'PodStatus.resourceClaimStatuses': byName,
  'NodeSpec.podCIDRs': scalars,
  'NodeStatus.conditions': byType,
  'NodeStatus.addresses': byType,
  'NamespaceStatus.conditions': byType,
  'DeploymentStatus.conditions': byType,
  'ReplicaSetStatus.conditions': byType,
  'StatefulSetStatus.conditions': byType,
  'DaemonSetStatus.conditions': byType,
  'ReplicationControllerStatus.conditions': byType,
  'ServiceSpec.ports': {strategy: 'merge', key: 'port'},
  'ServiceStatus.conditions': byType,
  'ServiceAccount.secrets': byName,
}

/** A position in the schema while walking an object: the struct id of the current map, if known. */
export type SchemaPos = string | undefined

/** The struct id of a kind's root (`v1` `Pod` → `core/v1.Pod`), undefined for kinds outside the schema. */
export function rootStruct(apiVersion: unknown, kind: unknown, schema: Schema = defaultSchema()): SchemaPos {
  return typeof apiVersion === 'string' && typeof kind === 'string' ? schema.roots.get(`${apiVersion}/${kind}`) : undefined
}

function structName(id: string): string {
  return id.slice(id.lastIndexOf('.') + 1)
}

/** The merge metadata of `field` in struct `pos`; undefined for atomic fields and unknown places. */
export function patchMetaOf(pos: SchemaPos, field: string): PatchMeta | undefined {
  return pos ? PATCH_META[`${structName(pos)}.${field}`] : undefined
}

function refOf(t: TypeExpr | undefined): SchemaPos {
  if (!t || typeof t === 'string') return undefined
  if ('ref' in t) return t.ref
  return refOf('array' in t ? t.array : t.map)
}

/** The struct a field's value (or each of its list items / map values) is, for walking down. */
export function childStruct(pos: SchemaPos, field: string, schema: Schema = defaultSchema()): SchemaPos {
  if (!pos) return undefined
  return refOf(schema.structs.get(pos)?.fields.get(field)?.type)
}
