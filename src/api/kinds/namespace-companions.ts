// What a namespace holds from the moment it exists: the `default` ServiceAccount (kube-controller-manager's
// serviceaccount controller) and the `kube-root-ca.crt` ConfigMap (its root-ca-cert-publisher). In
// Kubernetes those controllers add them within milliseconds of the namespace; ksim creates them in the
// namespace's own transaction, so a script's next command never races them, and the reconciler's
// service-account controller puts them back when they are deleted.
import type {KObject} from '../types.js'

export const DEFAULT_SERVICE_ACCOUNT = 'default'
export const ROOT_CA_CONFIGMAP = 'kube-root-ca.crt'
export const ROOT_CA_DESCRIPTION =
  'Contains a CA bundle that can be used to verify the kube-apiserver when using internal endpoints such as the internal service IP or kubernetes.default.svc. No other usage is guaranteed across distributions of Kubernetes clusters.'

/** The `default` ServiceAccount of a namespace, as the serviceaccount controller creates it. */
export function defaultServiceAccount(namespace: string): KObject {
  return {apiVersion: 'v1', kind: 'ServiceAccount', metadata: {name: DEFAULT_SERVICE_ACCOUNT, namespace}}
}

/** A namespace's kube-root-ca.crt ConfigMap holding the cluster CA, as the root-ca-cert-publisher writes it. */
export function rootCAConfigMap(namespace: string, pem: string): KObject {
  return {
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: {name: ROOT_CA_CONFIGMAP, namespace, annotations: {'kubernetes.io/description': ROOT_CA_DESCRIPTION}},
    data: {'ca.crt': pem},
  }
}

/** The companions of a newly created namespace (no ConfigMap in a cluster made before ksim had a CA). */
export function namespaceCompanions(namespace: string, rootCACert: string | undefined): KObject[] {
  return [defaultServiceAccount(namespace), ...(rootCACert ? [rootCAConfigMap(namespace, rootCACert)] : [])]
}
