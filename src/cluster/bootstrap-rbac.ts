// The RBAC objects every cluster's API server creates at start-up that users reach for first (its
// rbac/bootstrap-roles post-start hook): the cluster-admin ClusterRole, which may do anything, and the
// cluster-admin ClusterRoleBinding that gives it to the system:masters group. ksim authorizes nothing, so
// the other bootstrap roles (admin, edit, view, the system: roles) are not created.
import type {Api} from '../api/server.js'

import {isStatusError} from '../api/errors.js'

const meta = (name: string) => ({
  name,
  labels: {'kubernetes.io/bootstrapping': 'rbac-defaults'},
  annotations: {'rbac.authorization.kubernetes.io/autoupdate': 'true'},
})

/** Creates cluster-admin and its binding when missing. */
export function ensureBootstrapRBAC(api: Api): void {
  const objects = [
    {apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'ClusterRole', metadata: meta('cluster-admin'), rules: [{apiGroups: ['*'], resources: ['*'], verbs: ['*']}, {nonResourceURLs: ['*'], verbs: ['*']}]},
    {
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: 'ClusterRoleBinding',
      metadata: meta('cluster-admin'),
      roleRef: {apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: 'cluster-admin'},
      subjects: [{apiGroup: 'rbac.authorization.k8s.io', kind: 'Group', name: 'system:masters'}],
    },
  ]
  for (const obj of objects) {
    try {
      api.create(obj)
    } catch (error) {
      if (!isStatusError(error, 'AlreadyExists')) throw error
    }
  }
}
