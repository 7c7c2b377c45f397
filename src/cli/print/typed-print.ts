// What kubectl prints for an object it generated itself (`create <kind> ... --dry-run=client -o json|yaml`):
// a typed Go struct, not the unstructured map `get` prints. Its JSON keys come in the struct's field order
// (maps sorted), a zero creationTimestamp is omitted (1.35), an empty spec/status struct still prints, and
// metadata.namespace is set only when -n was given (cmdutil's EnforceNamespace).
import type {ResourceType} from '../../api/registry.js'
import type {KObject} from '../../api/types.js'

/**
 * Field order of the Go structs ksim's generators fill, as one list: no two of these structs order two
 * shared keys differently (ObjectMeta, ConfigMap, Secret, ServiceAccount, Namespace, Service(Spec|Port),
 * Deployment(Spec), LabelSelector, PodTemplateSpec, PodSpec, Container, ContainerPort, LoadBalancerStatus, Role,
 * ClusterRole, PolicyRule, RoleBinding, Subject) but RoleRef (apiGroup before kind), ordered on its own.
 */
const FIELD_ORDER = [
  'kind', 'apiVersion', 'metadata', 'apiGroup', 'name', 'generateName', 'namespace', 'creationTimestamp', 'labels', 'annotations',
  'rules', 'aggregationRule', 'subjects', 'roleRef', 'spec', 'immutable', 'data', 'binaryData', 'stringData', 'secrets', 'imagePullSecrets', 'automountServiceAccountToken',
  'replicas', 'containers', 'image', 'command', 'args', 'containerPort', 'protocol', 'appProtocol', 'port', 'targetPort', 'nodePort',
  'ports', 'selector', 'matchLabels', 'matchExpressions', 'template', 'clusterIP', 'clusterIPs', 'type', 'externalIPs', 'externalName',
  'strategy', 'verbs', 'apiGroups', 'resources', 'resourceNames', 'nonResourceURLs', 'restartPolicy', 'dnsPolicy', 'status', 'loadBalancer',
]
const RANK = new Map(FIELD_ORDER.map((k, i) => [k, i]))
/** Go maps (sorted keys) among those structs' fields; a Service's selector is a map, a Deployment's a LabelSelector. */
const MAPS = new Set(['labels', 'annotations', 'data', 'binaryData', 'stringData', 'matchLabels'])

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v)

const ROLE_REF_RANK = new Map(['apiGroup', 'kind', 'name'].map((k, i) => [k, i]))

function ordered(value: unknown, isMap: boolean, serviceSpec: boolean, roleRef = false): unknown {
  if (Array.isArray(value)) return value.map((v) => ordered(v, false, false))
  if (!isObject(value)) return value
  const keys = Object.keys(value).filter((k) => value[k] !== undefined)
  const rank = roleRef ? ROLE_REF_RANK : RANK
  keys.sort(isMap ? undefined : (a, b) => (rank.get(a) ?? FIELD_ORDER.length) - (rank.get(b) ?? FIELD_ORDER.length))
  const out: Record<string, unknown> = {}
  for (const k of keys) out[k] = ordered(value[k], MAPS.has(k) || (serviceSpec && k === 'selector'), k === 'spec' && value.kind === 'Service', k === 'roleRef')
  return out
}

/** The object as kubectl's generator builds it, `namespace` being -n's value when -n was given. */
export function asGenerated(obj: KObject, rt: ResourceType, namespace: string | undefined): KObject {
  const {creationTimestamp, namespace: _, ...meta} = obj.metadata
  const metadata = {...meta, ...(rt.namespaced && namespace !== undefined ? {namespace} : {}), ...(creationTimestamp ? {creationTimestamp} : {})}
  const out: KObject = {...obj, metadata}
  // corev1.Namespace's spec and status are structs: encoding/json prints them empty
  if (obj.kind === 'Namespace') Object.assign(out, {spec: obj.spec ?? {}, status: obj.status ?? {}})
  return out
}

const GO_ESCAPES: Record<string, string> = {'<': '\\u003c', '>': '\\u003e', '&': '\\u0026', '\u2028': '\\u2028', '\u2029': '\\u2029'}

/** `-o json` of a generated object: the typed struct's field order, four-space indent, Go's escapes. */
export function typedJson(obj: KObject): string {
  return JSON.stringify(ordered(obj, false, false), null, 4).replace(/[<>&\u2028\u2029]/g, (c) => GO_ESCAPES[c]) + '\n'
}
