import {labelCommand} from '../cli/verbs/label-command.js'

export default labelCommand('annotations', 'Select all resources, in the namespace of the specified resource types.', {
  summary: 'Update the annotations on a resource',
  description: "Update the annotations on one or more resources.\n\n All Kubernetes objects support the ability to store additional data with the object as annotations. Annotations are key/value pairs that can be larger than labels and include arbitrary string values such as structured JSON. Tools and system extensions may use annotations to store their own data.\n\n Attempting to set an annotation that already exists will fail unless --overwrite is set. If --resource-version is specified and does not match the current resource version on the server the command will fail.\n\nUse \"<%= config.bin %> api-resources\" for a complete list of supported resources.",
  examples: [
    "# Update pod 'foo' with the annotation 'description' and the value 'my frontend'\n<%= config.bin %> annotate pods foo description='my frontend'",
    "# Update pod 'foo' with the annotation 'description' and the value 'my frontend running nginx', overwriting any existing value\n<%= config.bin %> annotate --overwrite pods foo description='my frontend running nginx'",
    "# Update all pods in the namespace\n<%= config.bin %> annotate pods --all description='my frontend running nginx'",
    "# Update pod 'foo' by removing an annotation named 'description' if it exists\n<%= config.bin %> annotate pods foo description-",
  ],
  usage: 'annotate [--overwrite] (-f FILENAME | TYPE NAME) KEY_1=VAL_1 ... KEY_N=VAL_N [--resource-version=version]',
})
