// SetDefaults_Service and the service REST strategy's normalisation: type, session affinity, traffic
// policies, each port's protocol and targetPort, and clusterIPs mirroring clusterIP.
import type {Service} from 'kubernetes-types/core/v1.js'

type Spec = NonNullable<Service['spec']> & Record<string, unknown>

/** Applies the v1 defaults to a Service in place (idempotent: also run on every update). */
export function defaultService(svc: Service): void {
  const spec = ((svc as {spec?: Spec}).spec ??= {} as Spec) as Spec
  spec.type ??= 'ClusterIP'
  const external = spec.type === 'ExternalName'
  spec.sessionAffinity ??= 'None'
  if (spec.sessionAffinity === 'ClientIP') spec.sessionAffinityConfig ??= {clientIP: {timeoutSeconds: 10800}}
  if (!external) spec.internalTrafficPolicy ??= 'Cluster'
  if (spec.type === 'NodePort' || spec.type === 'LoadBalancer') spec.externalTrafficPolicy ??= 'Cluster'
  if (spec.type === 'LoadBalancer') spec.allocateLoadBalancerNodePorts ??= true
  for (const p of spec.ports ?? []) {
    const port = p as {protocol?: string; port: number; targetPort?: number | string}
    port.protocol ||= 'TCP'
    if (port.targetPort === undefined || port.targetPort === 0 || port.targetPort === '') port.targetPort = port.port
  }
  if (!external) {
    // clusterIP and clusterIPs[0] are kept equal, whichever one the client set
    if (spec.clusterIP && !(spec.clusterIPs ?? []).length) spec.clusterIPs = [spec.clusterIP]
    if (!spec.clusterIP && (spec.clusterIPs ?? []).length) spec.clusterIP = spec.clusterIPs![0]
  }
}
