import {unlessDryRun} from '../cli/base-command.js'
import {defineCommand} from '../cli/define-command.js'
import {rawBody, validateRawReplace} from '../cli/verbs/raw.js'
import {forceReplace, replaceFromItems, validateReplace} from '../cli/verbs/replace.js'
import {replaceFlags} from '../cli/verbs/replace-flags.js'

export default defineCommand({
  summary: 'Replace a resource by file name or stdin',
  description:
    'Replace a resource by file name or stdin.\n\n JSON and YAML formats are accepted. If replacing an existing resource, the complete resource spec must be provided. This can be obtained by\n\n        $ <%= config.bin %> get TYPE NAME -o yaml',
  examples: [
    '# Replace a pod using the data in pod.json\n<%= config.bin %> replace -f ./pod.json',
    '# Replace a pod based on the JSON passed into stdin\ncat pod.json | <%= config.bin %> replace -f -',
    "# Update a single-container pod's image version (tag) to v4\n<%= config.bin %> get pod mypod -o yaml | sed 's/\\(image: myimage\\):.*$/\\1:v4/' | <%= config.bin %> replace -f -",
    '# Force replace, delete and then re-create the resource\n<%= config.bin %> replace --force -f ./pod.json',
  ],
  usage: 'replace -f FILENAME',
  flags: replaceFlags,
  strict: false,
  writes: unlessDryRun,
  async run(cmd, {flags}) {
    const deleteOptions = validateReplace(flags, cmd.sinks())
    if (flags.raw !== undefined) {
      // the file's bytes PUT to the path, the answer written as it is (kubectl's RawPut)
      validateRawReplace(flags.raw, flags)
      const body = rawBody(flags.filename![0]!)
      const {api} = await cmd.open(flags)
      const [{answerRaw}, {versionInfo}] = await Promise.all([import('../serve/raw.js'), import('../cli/verbs/version.js')])
      cmd.wrote = true
      cmd.out((await answerRaw(api, {...versionInfo(true)}, {method: 'PUT', path: flags.raw, body})).toString())
      return
    }
    const target = await cmd.target(flags)
    if (flags.force) return forceReplace(await cmd.openApi(target), target, flags, deleteOptions, cmd.sinks())
    const api = flags['dry-run'] === 'client' ? undefined : await cmd.openApi(target)
    return replaceFromItems(api, target, flags, cmd.sinks())
  },
})
