// Pod fields v1.34 knows but whose feature gates are off by default: the decoder accepts them (they
// are not unknown fields), then the pod strategy drops them silently on create, as
// pkg/api/pod/util.go dropDisabledFields does when the old object does not use them.
//
// Known difference from a default v1.35 cluster (kubernetes/website feature-gate pages): HostnameOverride,
// ContainerRestartRules and EnvFiles went beta and on in 1.35, and ImageVolume is on, so 1.35 keeps
// spec.hostnameOverride, containers' restartPolicy/restartPolicyRules, env valueFrom.fileKeyRef and image
// volumes (and validates them). ksim still drops them: it has neither their validation rules nor their
// kubelet behaviour yet. Still off in 1.35: ContainerStopSignals, ClusterTrustBundleProjection (beta, off),
// PodCertificateRequest (beta, off), DRAExtendedResource, ResourceHealthStatus.

/** The pod fields dropped on create in v1.34 with default feature gates, and the gate of each. */
export const DISABLED_POD_FIELDS: ReadonlyArray<{path: string; gate: string}> = [
  {path: 'spec.hostnameOverride', gate: 'HostnameOverride'},
  {path: 'spec.containers[*].restartPolicyRules', gate: 'ContainerRestartRules'},
  {path: 'spec.containers[*].restartPolicy', gate: 'ContainerRestartRules'},
  {path: 'spec.initContainers[*].restartPolicyRules', gate: 'ContainerRestartRules'},
  {path: 'spec.initContainers[*].restartPolicy (unless Always)', gate: 'ContainerRestartRules'},
  {path: 'spec.ephemeralContainers[*].restartPolicyRules', gate: 'ContainerRestartRules'},
  {path: 'spec.ephemeralContainers[*].restartPolicy', gate: 'ContainerRestartRules'},
  {path: 'spec.*containers[*].env[*].valueFrom.fileKeyRef', gate: 'EnvFiles'},
  {path: 'spec.*containers[*].lifecycle.stopSignal', gate: 'ContainerStopSignals'},
  {path: 'spec.volumes[*] with image (and the mounts of those volumes)', gate: 'ImageVolume'},
  {path: 'spec.volumes[*].projected.sources[*].clusterTrustBundle', gate: 'ClusterTrustBundleProjection'},
  {path: 'spec.volumes[*].projected.sources[*].podCertificate', gate: 'PodCertificateRequest'},
  {path: 'status.extendedResourceClaimStatus', gate: 'DRAExtendedResource'},
  {path: 'status.*containerStatuses[*].allocatedResourcesStatus', gate: 'ResourceHealthStatus'},
]

type Obj = Record<string, unknown>
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v)
const objects = (v: unknown): Obj[] => (Array.isArray(v) ? v.filter(isObj) : [])

function keepOrDrop(o: Obj, key: string, keep: (v: unknown) => boolean): void {
  const kept = (o[key] as unknown[]).filter(keep)
  if (kept.length > 0) o[key] = kept
  else delete o[key]
}

/** Drops the gated-off fields of a pod spec (a pod's or a template's), in place. */
export function dropDisabledPodSpecFields(spec: unknown): void {
  if (!isObj(spec)) return
  delete spec.hostnameOverride
  const containers = objects(spec.containers)
  const inits = objects(spec.initContainers)
  const ephemerals = objects(spec.ephemeralContainers)
  for (const c of [...containers, ...ephemerals]) {
    delete c.restartPolicy
    delete c.restartPolicyRules
  }
  for (const c of inits) {
    if (c.restartPolicy !== undefined && c.restartPolicy !== null && c.restartPolicy !== 'Always') delete c.restartPolicy
    delete c.restartPolicyRules
  }
  const all = [...inits, ...containers, ...ephemerals]
  for (const c of all) {
    for (const e of objects(c.env)) if (isObj(e.valueFrom)) delete e.valueFrom.fileKeyRef
    if (isObj(c.lifecycle) && 'stopSignal' in c.lifecycle) {
      delete c.lifecycle.stopSignal
      // a lifecycle left with nothing set is dropped with it
      if (Object.values(c.lifecycle).every((v) => v === null || v === undefined)) delete c.lifecycle
    }
  }
  const volumes = objects(spec.volumes)
  const imageVolumes = new Set(volumes.filter((v) => v.image !== undefined && v.image !== null).map((v) => v.name))
  if (imageVolumes.size > 0) {
    // Go rebuilds both lists; one left empty is nil, so it is omitted
    keepOrDrop(spec, 'volumes', (v) => !(isObj(v) && v.image !== undefined && v.image !== null))
    for (const c of all) if (Array.isArray(c.volumeMounts)) keepOrDrop(c, 'volumeMounts', (m) => !(isObj(m) && imageVolumes.has(m.name)))
  }
  for (const v of objects(spec.volumes)) {
    if (!isObj(v.projected)) continue
    for (const s of objects(v.projected.sources)) {
      delete s.clusterTrustBundle
      delete s.podCertificate
    }
  }
}

/** Drops the gated-off fields of a pod (spec and status), in place. */
export function dropDisabledPodFields(pod: unknown): void {
  if (!isObj(pod)) return
  dropDisabledPodSpecFields(pod.spec)
  dropDisabledPodStatusFields(pod.status)
}

/** Drops the gated-off fields of a pod's status, in place (what a pods/status update may change). */
export function dropDisabledPodStatusFields(status: unknown): void {
  if (!isObj(status)) return
  delete status.extendedResourceClaimStatus
  for (const key of ['containerStatuses', 'initContainerStatuses', 'ephemeralContainerStatuses']) {
    for (const cs of objects(status[key])) delete cs.allocatedResourcesStatus
  }
}
