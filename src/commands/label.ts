import {labelCommand} from '../cli/verbs/label-command.js'

export default labelCommand('labels', 'Select all resources, in the namespace of the specified resource types', {
  summary: 'Update the labels on a resource',
  description: `Update the labels on a resource.

  *  A label key and value must begin with a letter or number, and may contain letters, numbers, hyphens, dots, and underscores, up to 63 characters each.
  *  Optionally, the key can begin with a DNS subdomain prefix and a single '/', like example.com/my-app.
  *  If --overwrite is true, then existing labels can be overwritten, otherwise attempting to overwrite a label will result in an error.
  *  If --resource-version is specified, then updates will use this resource version, otherwise the existing resource-version will be used.`,
  examples: [
    "# Update pod 'foo' with the label 'unhealthy' and the value 'true'\n<%= config.bin %> label pods foo unhealthy=true",
    "# Update pod 'foo' with the label 'status' and the value 'unhealthy', overwriting any existing value\n<%= config.bin %> label --overwrite pods foo status=unhealthy",
    '# Update all pods in the namespace\n<%= config.bin %> label pods --all status=unhealthy',
    "# Update pod 'foo' only if the resource is unchanged from version 1\n<%= config.bin %> label pods foo status=unhealthy --resource-version=1",
    "# Update pod 'foo' by removing a label named 'bar' if it exists\n<%= config.bin %> label pods foo bar-",
  ],
  usage: 'label [--overwrite] (-f FILENAME | TYPE NAME) KEY_1=VAL_1 ... KEY_N=VAL_N [--resource-version=version]',
})
