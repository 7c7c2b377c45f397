// `edit`'s flags, with kubectl 1.35's names, defaults and help texts (cmd/edit/edit.go).
import {Args, Flags, type Interfaces} from '@oclif/core'

import {recursiveFlag, validateFlag} from '../flags.js'

export const editArgs = {
  resource: Args.string({description: 'TYPE NAME or TYPE/NAME'}),
}

export const editFlags = {
  'field-manager': Flags.string({description: 'Name of the manager used to track field ownership.', default: 'kubectl-edit'}),
  filename: Flags.string({char: 'f', description: 'Filename, directory, or URL to files to use to edit the resource', multiple: true, multipleNonGreedy: true, delimiter: ','}),
  output: Flags.string({
    char: 'o',
    description: 'Output format. One of: (json, yaml, kyaml, name, go-template, go-template-file, template, templatefile, jsonpath, jsonpath-as-json, jsonpath-file).',
  }),
  'output-patch': Flags.boolean({description: 'Output the patch if the resource is edited.', default: false}),
  recursive: recursiveFlag,
  'save-config': Flags.boolean({
    description:
      'If true, the configuration of current object will be saved in its annotation. Otherwise, the annotation will be unchanged. This flag is useful when you want to perform kubectl apply on this object in the future.',
    default: false,
  }),
  'show-managed-fields': Flags.boolean({description: 'If true, keep the managedFields when printing objects in JSON or YAML format.', default: false}),
  subresource: Flags.string({description: 'If specified, edit will operate on the subresource of the requested object.'}),
  validate: validateFlag,
  'windows-line-endings': Flags.boolean({description: 'Defaults to the line ending native to your platform.', default: false}),
}

export type EditFlags = Interfaces.InferredFlags<typeof editFlags>
