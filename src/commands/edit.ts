import {defineCommand} from '../cli/define-command.js'
import {editArgs, editFlags} from '../cli/verbs/edit-flags.js'

export default defineCommand({
  summary: 'Edit a resource on the server',
  description: `Edit a resource from the default editor.

 The edit command allows you to directly edit any API resource you can retrieve via the command-line tools. It will open the editor defined by your KUBE_EDITOR, or EDITOR environment variables, or fall back to 'vi' for Linux or 'notepad' for Windows. When attempting to open the editor, it will first attempt to use the shell that has been defined in the 'SHELL' environment variable. If this is not defined, the default shell will be used, which is '/bin/bash' for Linux or 'cmd' for Windows.

 You can edit multiple objects, although changes are applied one at a time. The command accepts file names as well as command-line arguments, although the files you point to must be previously saved versions of resources.

 Editing is done with the API version used to fetch the resource. To edit using a specific API version, fully-qualify the resource, version, and group.

 The default format is YAML. To edit in JSON, specify "-o json".

 The flag --windows-line-endings can be used to force Windows line endings, otherwise the default for your operating system will be used.

 In the event an error occurs while updating, a temporary file will be created on disk that contains your unapplied changes. The most common error when updating a resource is another editor changing the resource on the server. When this occurs, you will have to apply your changes to the newer version of the resource, or update your temporary saved copy to include the latest resource version.`,
  examples: [
    "# Edit the service named 'registry'\n<%= config.bin %> edit svc/registry",
    '# Use an alternative editor\nKUBE_EDITOR="nano" <%= config.bin %> edit svc/registry',
    "# Edit the job 'myjob' in JSON using the v1 API format\n<%= config.bin %> edit job.v1.batch/myjob -o json",
    "# Edit the deployment 'mydeployment' in YAML and save the modified config in its annotation\n<%= config.bin %> edit deployment/mydeployment -o yaml --save-config",
    "# Edit the 'status' subresource for the 'mydeployment' deployment\n<%= config.bin %> edit deployment mydeployment --subresource='status'",
  ],
  usage: 'edit (RESOURCE/NAME | -f FILENAME)',
  args: editArgs,
  flags: editFlags,
  strict: false,
  writes: () => true,
  async run(cmd, {argv, flags}) {
    const {runEdit} = await import('../cli/verbs/edit.js')
    const target = await cmd.target(flags)
    const api = await cmd.openApi(target)
    return runEdit(api, target, argv, flags, cmd.sinks(), cmd.config.bin)
  },
})
