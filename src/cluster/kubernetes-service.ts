// The `kubernetes` Service in `default` that every cluster has from the start (10.96.0.1:443 → the API
// server on the control plane's 6443), with the Endpoints and EndpointSlice the API server keeps for it.
import type {Api} from '../api/server.js'

/** The first address of the service CIDR, kept for the `kubernetes` Service. */
export const KUBERNETES_SERVICE_IP = '10.96.0.1'

/** Creates the `kubernetes` Service, Endpoints and EndpointSlice, pointing at `apiServerIP`. */
export function createKubernetesService(api: Api, apiServerIP: string): void {
  api.create({
    apiVersion: 'v1',
    kind: 'Service',
    metadata: {name: 'kubernetes', namespace: 'default', labels: {component: 'apiserver', provider: 'kubernetes'}},
    spec: {clusterIP: KUBERNETES_SERVICE_IP, ports: [{name: 'https', port: 443, protocol: 'TCP', targetPort: 6443}], sessionAffinity: 'None', type: 'ClusterIP'},
  })
  api.create({
    apiVersion: 'v1',
    kind: 'Endpoints',
    metadata: {name: 'kubernetes', namespace: 'default', labels: {'endpointslice.kubernetes.io/skip-mirror': 'true'}},
    subsets: [{addresses: [{ip: apiServerIP}], ports: [{name: 'https', port: 6443, protocol: 'TCP'}]}],
  })
  api.create({
    apiVersion: 'discovery.k8s.io/v1',
    kind: 'EndpointSlice',
    metadata: {name: 'kubernetes', namespace: 'default', labels: {'kubernetes.io/service-name': 'kubernetes'}},
    addressType: 'IPv4',
    endpoints: [{addresses: [apiServerIP], conditions: {ready: true}}],
    ports: [{name: 'https', port: 6443, protocol: 'TCP'}],
  })
}
