// The kinds a Kubernetes 1.35 API server serves by default (`kubectl api-resources` on a new cluster),
// so that ksim can tell a kind it has not implemented yet (Job, StatefulSet, Ingress...) from one that
// does not exist: for the former it says so plainly instead of kubectl's "ensure CRDs are installed".

/** A built-in resource: its apiVersion, kind, plural and short names. */
export interface BuiltinResource {
  apiVersion: string
  kind: string
  plural: string
  shortNames: string[]
}

/** `apiVersion kind plural [shortNames,...]`, one a line. */
const TABLE = `
v1 Binding bindings
v1 ComponentStatus componentstatuses cs
v1 ConfigMap configmaps cm
v1 Endpoints endpoints ep
v1 Event events ev
v1 LimitRange limitranges limits
v1 Namespace namespaces ns
v1 Node nodes no
v1 PersistentVolumeClaim persistentvolumeclaims pvc
v1 PersistentVolume persistentvolumes pv
v1 Pod pods po
v1 PodTemplate podtemplates
v1 ReplicationController replicationcontrollers rc
v1 ResourceQuota resourcequotas quota
v1 Secret secrets
v1 ServiceAccount serviceaccounts sa
v1 Service services svc
admissionregistration.k8s.io/v1 MutatingWebhookConfiguration mutatingwebhookconfigurations
admissionregistration.k8s.io/v1 ValidatingAdmissionPolicy validatingadmissionpolicies
admissionregistration.k8s.io/v1 ValidatingAdmissionPolicyBinding validatingadmissionpolicybindings
admissionregistration.k8s.io/v1 ValidatingWebhookConfiguration validatingwebhookconfigurations
apiextensions.k8s.io/v1 CustomResourceDefinition customresourcedefinitions crd,crds
apiregistration.k8s.io/v1 APIService apiservices
apps/v1 ControllerRevision controllerrevisions
apps/v1 DaemonSet daemonsets ds
apps/v1 Deployment deployments deploy
apps/v1 ReplicaSet replicasets rs
apps/v1 StatefulSet statefulsets sts
authentication.k8s.io/v1 SelfSubjectReview selfsubjectreviews
authentication.k8s.io/v1 TokenReview tokenreviews
authorization.k8s.io/v1 LocalSubjectAccessReview localsubjectaccessreviews
authorization.k8s.io/v1 SelfSubjectAccessReview selfsubjectaccessreviews
authorization.k8s.io/v1 SelfSubjectRulesReview selfsubjectrulesreviews
authorization.k8s.io/v1 SubjectAccessReview subjectaccessreviews
autoscaling/v2 HorizontalPodAutoscaler horizontalpodautoscalers hpa
batch/v1 CronJob cronjobs cj
batch/v1 Job jobs
certificates.k8s.io/v1 CertificateSigningRequest certificatesigningrequests csr
coordination.k8s.io/v1 Lease leases
discovery.k8s.io/v1 EndpointSlice endpointslices
events.k8s.io/v1 Event events ev
flowcontrol.apiserver.k8s.io/v1 FlowSchema flowschemas
flowcontrol.apiserver.k8s.io/v1 PriorityLevelConfiguration prioritylevelconfigurations
networking.k8s.io/v1 IngressClass ingressclasses
networking.k8s.io/v1 Ingress ingresses ing
networking.k8s.io/v1 IPAddress ipaddresses ip
networking.k8s.io/v1 NetworkPolicy networkpolicies netpol
networking.k8s.io/v1 ServiceCIDR servicecidrs
node.k8s.io/v1 RuntimeClass runtimeclasses
policy/v1 PodDisruptionBudget poddisruptionbudgets pdb
rbac.authorization.k8s.io/v1 ClusterRoleBinding clusterrolebindings
rbac.authorization.k8s.io/v1 ClusterRole clusterroles
rbac.authorization.k8s.io/v1 RoleBinding rolebindings
rbac.authorization.k8s.io/v1 Role roles
resource.k8s.io/v1 DeviceClass deviceclasses
resource.k8s.io/v1 ResourceClaim resourceclaims
resource.k8s.io/v1 ResourceClaimTemplate resourceclaimtemplates
resource.k8s.io/v1 ResourceSlice resourceslices
scheduling.k8s.io/v1 PriorityClass priorityclasses pc
storage.k8s.io/v1 CSIDriver csidrivers
storage.k8s.io/v1 CSINode csinodes
storage.k8s.io/v1 CSIStorageCapacity csistoragecapacities
storage.k8s.io/v1 StorageClass storageclasses sc
storage.k8s.io/v1 VolumeAttachment volumeattachments
storage.k8s.io/v1 VolumeAttributesClass volumeattributesclasses vac
`

let parsed: BuiltinResource[] | undefined

function resources(): BuiltinResource[] {
  parsed ??= TABLE.trim()
    .split('\n')
    .map((line) => {
      const [apiVersion, kind, plural, short] = line.split(' ') as [string, string, string, string | undefined]
      return {apiVersion, kind, plural, shortNames: short ? short.split(',') : []}
    })
  return parsed
}

const groupOf = (apiVersion: string): string => (apiVersion.includes('/') ? apiVersion.slice(0, apiVersion.indexOf('/')) : '')

/** The built-in resource a type argument names (`jobs`, `sts`, `cronjob.batch`, `Ingress`), if any. */
export function builtinResource(text: string): BuiltinResource | undefined {
  const t = text.toLowerCase()
  const dot = t.indexOf('.')
  const base = dot >= 0 ? t.slice(0, dot) : t
  const qualifier = dot >= 0 ? t.slice(dot + 1).replace(/^v\d+(?:(?:alpha|beta)\d+)?\.?/, '') : undefined
  return resources().find(
    (r) =>
      (qualifier === undefined || groupOf(r.apiVersion) === qualifier) &&
      (r.plural === base || r.kind.toLowerCase() === base || r.shortNames.includes(base)),
  )
}

/** The built-in resource of a manifest's apiVersion and kind, if Kubernetes 1.35 has one. */
export function builtinKind(apiVersion: string, kind: string): BuiltinResource | undefined {
  return resources().find((r) => r.apiVersion === apiVersion && r.kind === kind)
}

/** The plain words for a built-in kind ksim does not serve (without `error: `). */
export function notServedYet(r: BuiltinResource): string {
  return `ksim does not serve ${r.plural} (${r.apiVersion} ${r.kind}) yet; \`ksim api-resources\` lists the kinds it serves`
}
