import {Flags} from '@oclif/core'

import {defineCommand} from '../../cli/define-command.js'
import {printerFor} from '../../cli/print/print-flags.js'
import {viewObject} from '../../cli/verbs/config-view.js'
import {loadKubeconfig} from '../../config/kubeconfig-files.js'
import type {KObject} from '../../api/types.js'
import {printYaml} from '../../printers/yaml.js'

const GO_ESCAPES: Record<string, string> = {'<': '\\u003c', '>': '\\u003e', '&': '\\u0026', '\u2028': '\\u2028', '\u2029': '\\u2029'}
const ALLOWED = ['go-template', 'go-template-file', 'json', 'jsonpath', 'jsonpath-as-json', 'jsonpath-file', 'name', 'template', 'templatefile', 'yaml']

export default defineCommand({
  summary: 'Display merged kubeconfig settings or a specified kubeconfig file',
  description:
    'Display merged kubeconfig settings or a specified kubeconfig file.\n\n You can use --output jsonpath={...} to extract specific values using a jsonpath expression.',
  examples: [
    '# Show merged kubeconfig settings\n<%= config.bin %> config view',
    '# Show merged kubeconfig settings, raw certificate data, and exposed secrets\n<%= config.bin %> config view --raw',
    '# Get the password for the e2e user\n<%= config.bin %> config view -o jsonpath=\'{.users[?(@.name == "e2e")].user.password}\'',
  ],
  flags: {
    flatten: Flags.boolean({description: 'Flatten the resulting kubeconfig file into self-contained output (useful for creating portable kubeconfig files)', default: false}),
    minify: Flags.boolean({description: 'Remove all information not used by current-context from the output', default: false}),
    output: Flags.string({char: 'o', description: 'Output format. One of: (json, yaml, name, go-template, go-template-file, template, templatefile, jsonpath, jsonpath-as-json, jsonpath-file).', default: 'yaml'}),
    raw: Flags.boolean({description: 'Display raw byte data and sensitive data', default: false}),
    template: Flags.string({description: 'Template string or path to template file to use when -o=go-template, -o=go-template-file.'}),
  },
  async run(cmd, {flags}) {
    const output = flags.output === '' ? 'yaml' : flags.output
    const name = output.split('=')[0]!
    // the printer first: a bad -o is refused before anything is read
    const printer = name === 'json' || name === 'yaml' || name === 'name' ? undefined : printerFor(flags.template ? `${name}=${flags.template}` : output, {allowed: ALLOWED})
    const loaded = loadKubeconfig()
    const obj = viewObject(loaded.config, loaded, {minify: flags.minify, raw: flags.raw, flatten: flags.flatten, context: flags.context})
    if (name === 'yaml') cmd.out(printYaml(obj))
    else if (name === 'json') cmd.out(JSON.stringify(obj, null, 4).replace(/[<>&\u2028\u2029]/g, (c) => GO_ESCAPES[c]!) + '\n')
    // a Config has no metadata: kubectl's name printer says so
    else if (name === 'name') cmd.out('config/<unknown>\n')
    else cmd.out(printer!.print(obj as unknown as KObject))
  },
})
