import {Args, Flags} from '@oclif/core'

import {CliError} from '../../cli/errors.js'
import {generatorCommand, generatorFlags} from '../../cli/verbs/generator-command.js'
import {subjectsOf} from '../../cli/verbs/rbac-generator.js'

export default generatorCommand(
  {
    summary: 'Create a role binding for a particular role or cluster role',
    description: 'Create a role binding for a particular role or cluster role.',
    examples: [
      '# Create a role binding for user1, user2, and group1 using the admin cluster role\n<%= config.bin %> create rolebinding admin --clusterrole=admin --user=user1 --user=user2 --group=group1',
      '# Create a role binding for service account monitoring:sa-dev using the admin role\n<%= config.bin %> create rolebinding admin-binding --role=admin --serviceaccount=monitoring:sa-dev',
    ],
    args: {
      name: Args.string({description: 'role binding name'}),
    },
    flags: {
      ...generatorFlags,
      clusterrole: Flags.string({description: 'ClusterRole this RoleBinding should reference', default: ''}),
      role: Flags.string({description: 'Role this RoleBinding should reference', default: ''}),
      user: Flags.string({description: 'Usernames to bind to the role. The flag can be repeated to add multiple users.', multiple: true}),
      group: Flags.string({description: 'Groups to bind to the role. The flag can be repeated to add multiple groups.', multiple: true}),
      serviceaccount: Flags.string({description: 'Service accounts to bind to the role, in the format <namespace>:<name>. The flag can be repeated to add multiple service accounts.', multiple: true}),
    },
  },
  (name, target, flags) => {
    if ((flags.clusterrole === '') === (flags.role === '')) throw new CliError('exactly one of clusterrole or role must be specified')
    const roleRef = {apiGroup: 'rbac.authorization.k8s.io', kind: flags.role ? 'Role' : 'ClusterRole', name: flags.role || flags.clusterrole}
    const subjects = subjectsOf(flags.user ?? [], flags.group ?? [], flags.serviceaccount ?? [])
    return {apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'RoleBinding', metadata: {name, namespace: target.namespace}, roleRef, ...(subjects.length > 0 ? {subjects} : {})}
  },
  'failed to create rolebinding: ',
)
