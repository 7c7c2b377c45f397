// The RBAC kinds (rbac.authorization.k8s.io/v1): Role and RoleBinding (namespaced), ClusterRole and
// ClusterRoleBinding (cluster-scoped), named as RBAC names things (path segments: `system:masters`),
// validated as pkg/apis/rbac/validation does. ksim authorizes nothing: every request acts as cluster-admin.
import type {KObject} from '../types.js'

import {register} from '../registry.js'
import {defaultBinding, validateBinding, validateBindingUpdate, validateRoleRules, RBAC_GROUP} from '../validation/rbac.js'

const base = {group: RBAC_GROUP, version: 'v1', shortNames: [] as string[], categories: [] as string[]}

export const roleType = register({
  ...base,
  kind: 'Role',
  plural: 'roles',
  singular: 'role',
  namespaced: true,
  strategy: {validate: (obj: KObject) => validateRoleRules(obj, true), validateUpdate: (obj: KObject) => validateRoleRules(obj, true)},
})

export const clusterRoleType = register({
  ...base,
  kind: 'ClusterRole',
  plural: 'clusterroles',
  singular: 'clusterrole',
  namespaced: false,
  strategy: {validate: (obj: KObject) => validateRoleRules(obj, false), validateUpdate: (obj: KObject) => validateRoleRules(obj, false)},
})

export const roleBindingType = register({
  ...base,
  kind: 'RoleBinding',
  plural: 'rolebindings',
  singular: 'rolebinding',
  namespaced: true,
  strategy: {
    default: (obj: KObject) => defaultBinding(obj),
    validate: (obj: KObject) => validateBinding(obj, true),
    validateUpdate: (obj: KObject, old: KObject) => [...validateBinding(obj, true), ...validateBindingUpdate(obj, old)],
  },
})

export const clusterRoleBindingType = register({
  ...base,
  kind: 'ClusterRoleBinding',
  plural: 'clusterrolebindings',
  singular: 'clusterrolebinding',
  namespaced: false,
  strategy: {
    default: (obj: KObject) => defaultBinding(obj),
    validate: (obj: KObject) => validateBinding(obj, false),
    validateUpdate: (obj: KObject, old: KObject) => [...validateBinding(obj, false), ...validateBindingUpdate(obj, old)],
  },
})
