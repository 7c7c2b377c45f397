import {defineCommand} from '../cli/define-command.js'
import {explainFlags, runExplain} from '../cli/verbs/explain.js'

export default defineCommand({
  summary: 'Get documentation for a resource',
  description:
    'Describe fields and structure of various resources.\n\n This command describes the fields associated with each supported API resource. Fields are identified via a simple JSONPath identifier:\n\n        <type>.<fieldName>[.<fieldName>]\n        \n Information about each field is retrieved from the server in OpenAPI format.\n\nUse "<%= config.bin %> api-resources" for a complete list of supported resources.',
  examples: [
    '# Get the documentation of the resource and its fields\n<%= config.bin %> explain pods',
    '# Get all the fields in the resource\n<%= config.bin %> explain pods --recursive',
    '# Get the explanation for deployment in supported api versions\n<%= config.bin %> explain deployments --api-version=apps/v1',
    '# Get the documentation of a specific field of a resource\n<%= config.bin %> explain pods.spec.containers',
    '# Get the documentation of resources in different format\n<%= config.bin %> explain deployment --output=plaintext-openapiv2',
  ],
  usage: 'explain TYPE [--recursive=FALSE|TRUE] [--api-version=api-version-group] [-o|--output=plaintext|plaintext-openapiv2]',
  flags: explainFlags,
  strict: false,
  async run(cmd, {argv, flags}) {
    // as kubectl, explain asks the cluster: it must exist; the schema is the one `ksim serve` serves
    await cmd.openApi(await cmd.target(flags))
    const {openApiDocument} = await import('../serve/openapi.js')
    runExplain(argv, flags, openApiDocument, cmd.sinks())
  },
})
