// What the generated schema (kubernetes-types 1.30) lacks for the v1.34 API ksim serves: fields and
// structs Kubernetes added in 1.31–1.34 (k8s.io/api types.go), fields it removed, and shapes whose JSON
// decoding differs from their TypeScript declaration (base64 []byte, FieldsV1).
import type {StructDef, TypeExpr} from './types.js'

const S: TypeExpr = 'string'
const N: TypeExpr = 'number'
const B: TypeExpr = 'boolean'
const ref = (id: string): TypeExpr => ({ref: id})
const arr = (of: TypeExpr): TypeExpr => ({array: of})

/** Builds a struct definition; every added field is optional unless listed in `required`. */
function struct(fields: Record<string, TypeExpr>, required: string[] = []): StructDef {
  return Object.fromEntries(Object.entries(fields).map(([k, t]) => [k, {type: t, optional: !required.includes(k)}]))
}

/** Structs new since 1.30, by id. */
export const ADDED_STRUCTS: Record<string, StructDef> = {
  // 1.31 ImageVolume
  'core/v1.ImageVolumeSource': struct({reference: S, pullPolicy: S}),
  // 1.31 SupplementalGroupsPolicy: the user a container runs as
  'core/v1.ContainerUser': struct({linux: ref('core/v1.LinuxContainerUser')}),
  'core/v1.LinuxContainerUser': struct({uid: N, gid: N, supplementalGroups: arr(N)}, ['uid', 'gid']),
  // 1.31 ResourceHealthStatus
  'core/v1.ResourceStatus': struct({name: S, resources: arr(ref('core/v1.ResourceHealth'))}, ['name']),
  'core/v1.ResourceHealth': struct({resourceID: S, health: S}, ['resourceID']),
  'core/v1.NodeFeatures': struct({supplementalGroupsPolicy: B}),
  // 1.32 node swap
  'core/v1.NodeSwapStatus': struct({capacity: N}),
  // 1.34 EnvFiles
  'core/v1.FileKeySelector': struct({volumeName: S, path: S, key: S, optional: B}, ['volumeName', 'path', 'key']),
  // 1.34 ContainerRestartRules
  'core/v1.ContainerRestartRule': struct({action: S, exitCodes: ref('core/v1.ContainerRestartRuleOnExitCodes')}, ['action']),
  'core/v1.ContainerRestartRuleOnExitCodes': struct({operator: S, values: arr(N)}, ['operator']),
  // 1.34 PodCertificateRequest
  'core/v1.PodCertificateProjection': struct(
    {signerName: S, keyType: S, maxExpirationSeconds: N, credentialBundlePath: S, keyPath: S, certificateChainPath: S},
    ['signerName', 'keyType'],
  ),
  // 1.34 DRAExtendedResource
  'core/v1.PodExtendedResourceClaimStatus': struct(
    {requestMappings: arr(ref('core/v1.ContainerExtendedResourceRequest')), resourceClaimName: S},
    ['requestMappings', 'resourceClaimName'],
  ),
  'core/v1.ContainerExtendedResourceRequest': struct({containerName: S, resourceName: S, requestName: S}, [
    'containerName',
    'resourceName',
    'requestName',
  ]),
  // 1.33 PreferSameTrafficDistribution
  'discovery/v1.ForNode': struct({name: S}, ['name']),
}

/** Fields new since 1.30, by struct id (the struct may be generated or added above). */
export const ADDED_FIELDS: Record<string, Record<string, TypeExpr>> = {
  'core/v1.Volume': {image: ref('core/v1.ImageVolumeSource')},
  'core/v1.VolumeProjection': {podCertificate: ref('core/v1.PodCertificateProjection')},
  'core/v1.EnvVarSource': {fileKeyRef: ref('core/v1.FileKeySelector')},
  'core/v1.Container': {restartPolicyRules: arr(ref('core/v1.ContainerRestartRule'))},
  'core/v1.EphemeralContainer': {restartPolicyRules: arr(ref('core/v1.ContainerRestartRule'))},
  'core/v1.Lifecycle': {stopSignal: S},
  'core/v1.PodSpec': {resources: ref('core/v1.ResourceRequirements'), hostnameOverride: S},
  'core/v1.PodSecurityContext': {supplementalGroupsPolicy: S, seLinuxChangePolicy: S},
  'core/v1.PodResourceClaim': {resourceClaimName: S, resourceClaimTemplateName: S},
  'core/v1.ResourceClaim': {request: S},
  'core/v1.ContainerStatus': {
    user: ref('core/v1.ContainerUser'),
    allocatedResourcesStatus: arr(ref('core/v1.ResourceStatus')),
    stopSignal: S,
  },
  'core/v1.PodStatus': {observedGeneration: N, extendedResourceClaimStatus: ref('core/v1.PodExtendedResourceClaimStatus')},
  'core/v1.PodCondition': {observedGeneration: N},
  'core/v1.NodeStatus': {features: ref('core/v1.NodeFeatures')},
  'core/v1.NodeSystemInfo': {swap: ref('core/v1.NodeSwapStatus')},
  'core/v1.NodeRuntimeHandlerFeatures': {userNamespaces: B},
  'apps/v1.DeploymentStatus': {terminatingReplicas: N},
  'apps/v1.ReplicaSetStatus': {terminatingReplicas: N},
  'coordination/v1.LeaseSpec': {strategy: S, preferredHolder: S},
  'discovery/v1.EndpointHints': {forNodes: arr(ref('discovery/v1.ForNode'))},
}

/** Fields gone since 1.30 (1.31 replaced PodResourceClaim.source by the two names it held). */
export const REMOVED_FIELDS: Record<string, string[]> = {
  'core/v1.PodResourceClaim': ['source'],
}

/** Shapes whose JSON decoding differs from their TypeScript declaration. */
export const SHAPE_OVERRIDES: Record<string, Record<string, TypeExpr>> = {
  'core/v1.Secret': {data: {map: 'bytes'}},
  'core/v1.ConfigMap': {binaryData: {map: 'bytes'}},
  'meta/v1.ManagedFieldsEntry': {fieldsV1: 'any'},
  // runtime.RawExtension: any JSON value
  'apps/v1.ControllerRevision': {data: 'any'},
}
