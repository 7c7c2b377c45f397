import {defineCommand} from '../../cli/define-command.js'
import {unlessDryRun} from '../../cli/base-command.js'
import {runSetSubject, setSubjectArgs, setSubjectFlags, type SetSubjectFlags} from '../../cli/verbs/set-subject.js'

export default defineCommand({
  summary: 'Update the user, group, or service account in a role binding or cluster role binding',
  description: 'Update the user, group, or service account in a role binding or cluster role binding.',
  examples: [
    '# Update a cluster role binding for serviceaccount1\n<%= config.bin %> set subject clusterrolebinding admin --serviceaccount=namespace:serviceaccount1',
    '# Update a role binding for user1, user2, and group1\n<%= config.bin %> set subject rolebinding admin --user=user1 --user=user2 --group=group1',
    '# Print the result (in YAML format) of updating rolebinding subjects from a local, without hitting the server\n<%= config.bin %> create rolebinding admin --role=admin --user=admin -o yaml --dry-run=client | <%= config.bin %> set subject --local -f - --user=foo -o yaml',
  ],
  usage: 'set subject (-f FILENAME | TYPE NAME) [--user=username] [--group=groupname] [--serviceaccount=namespace:serviceaccountname] [--dry-run=server|client|none]',
  args: setSubjectArgs,
  flags: setSubjectFlags,
  strict: false,
  writes: unlessDryRun,
  async run(cmd, {argv, flags: parsed}) {
    // --user here is the subject list, not the global kubeconfig user (base-command.ts leaves a command's own --user alone)
    const flags = parsed as unknown as SetSubjectFlags & {namespace?: string; context?: string}
    const target = await cmd.target(flags)
    const api = flags.local ? undefined : await cmd.openApi(target)
    return runSetSubject(api, target, argv, flags, cmd.sinks())
  },
})
