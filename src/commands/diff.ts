import {defineCommand} from '../cli/define-command.js'
import {errorText} from '../cli/errors.js'
import {diffFlags} from '../cli/verbs/diff-flags.js'

export default defineCommand({
  summary: 'Diff the live version against a would-be applied version',
  description: `Diff configurations specified by file name or stdin between the current online configuration, and the configuration as it would be if applied.

 The output is always YAML.

 KUBECTL_EXTERNAL_DIFF environment variable can be used to select your own diff command. Users can use external commands with params too, example: KUBECTL_EXTERNAL_DIFF="colordiff -N -u"

 By default, the "diff" command available in your path will be run with the "-u" (unified diff) and "-N" (treat absent files as empty) options.

 Exit status: 0 No differences were found. 1 Differences were found. >1 Kubectl or diff failed with an error.

 Note: KUBECTL_EXTERNAL_DIFF, if used, is expected to follow that convention.`,
  examples: ['# Diff resources included in pod.json\n<%= config.bin %> diff -f pod.json', '# Diff file read from stdin\ncat service.yaml | <%= config.bin %> diff -f -'],
  usage: 'diff -f FILENAME',
  flags: diffFlags,
  strict: false,
  async run(cmd, {argv, flags}) {
    const {runDiff, validateDiff} = await import('../cli/verbs/diff.js')
    // kubectl's diff keeps exit status 1 for "differences found": its own errors exit 2
    try {
      validateDiff(argv, flags)
      const target = await cmd.target(flags)
      const api = await cmd.openApi(target)
      process.exitCode = runDiff(api, target, flags, cmd.sinks(), cmd.id ?? 'diff', cmd.config.bin)
    } catch (error) {
      cmd.stderrLine(errorText(error, cmd.id, cmd.config.bin))
      process.exitCode = 2
    }
    return []
  },
})
