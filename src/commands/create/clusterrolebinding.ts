import {Args, Flags} from '@oclif/core'

import {generatorCommand, generatorFlags} from '../../cli/verbs/generator-command.js'
import {subjectsOf} from '../../cli/verbs/rbac-generator.js'

export default generatorCommand(
  {
    summary: 'Create a cluster role binding for a particular cluster role',
    description: 'Create a cluster role binding for a particular cluster role.',
    examples: [
      '# Create a cluster role binding for user1, user2, and group1 using the cluster-admin cluster role\n<%= config.bin %> create clusterrolebinding cluster-admin --clusterrole=cluster-admin --user=user1 --user=user2 --group=group1',
    ],
    args: {
      name: Args.string({description: 'cluster role binding name'}),
    },
    flags: {
      ...generatorFlags,
      clusterrole: Flags.string({description: 'ClusterRole this ClusterRoleBinding should reference', default: ''}),
      user: Flags.string({description: 'Usernames to bind to the clusterrole. The flag can be repeated to add multiple users.', multiple: true}),
      group: Flags.string({description: 'Groups to bind to the clusterrole. The flag can be repeated to add multiple groups.', multiple: true}),
      serviceaccount: Flags.string({description: 'Service accounts to bind to the clusterrole, in the format <namespace>:<name>. The flag can be repeated to add multiple service accounts.', multiple: true}),
    },
  },
  (name, _target, flags) => {
    const subjects = subjectsOf(flags.user ?? [], flags.group ?? [], flags.serviceaccount ?? [])
    const roleRef = {apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: flags.clusterrole}
    return {apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'ClusterRoleBinding', metadata: {name}, roleRef, ...(subjects.length > 0 ? {subjects} : {})}
  },
  'failed to create clusterrolebinding: ',
)
