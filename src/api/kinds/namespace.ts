// Namespace: cluster-scoped, DNS-1123 label names, phase Active until deleted, `kubernetes` finalizer.
import type {KObject} from '../types.js'

import {register} from '../registry.js'
import {namespaceCompanions} from './namespace-companions.js'

/** Namespaces every cluster has from the start. */
export const SYSTEM_NAMESPACES = ['default', 'kube-node-lease', 'kube-public', 'kube-system']

export const namespaceType = register({
  kind: 'Namespace',
  group: '',
  version: 'v1',
  plural: 'namespaces',
  singular: 'namespace',
  shortNames: ['ns'],
  namespaced: false,
  categories: [],
  // the API server serves no DELETE on the namespaces collection
  verbs: ['create', 'delete', 'get', 'list', 'patch', 'update', 'watch'],
  strategy: {
    default(obj: KObject) {
      // the API server labels every namespace with its own name
      obj.metadata.labels = {...obj.metadata.labels, 'kubernetes.io/metadata.name': obj.metadata.name ?? ''}
      const spec = (obj.spec ?? {}) as {finalizers?: string[]}
      obj.spec = {...spec, finalizers: spec.finalizers ?? ['kubernetes']}
    },
    prepareForCreate(obj: KObject) {
      obj.status = {phase: 'Active'}
    },
    companions: (obj, ctx) => namespaceCompanions(obj.metadata.name ?? '', ctx.settings.rootCACert),
  },
})
