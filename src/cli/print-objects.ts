// -o yaml / -o json for objects a command produced (create, get): one object alone, several as kubectl
// prints them (YAML documents separated by `---`, JSON objects one after another).
import type {KObject} from '../api/types.js'

import {printJson as toJson} from '../printers/json.js'
import {printYaml as toYaml} from '../printers/yaml.js'

export function formatObjects(objs: KObject[], format: 'yaml' | 'json'): string {
  if (format === 'json') return objs.map((o) => toJson(o)).join('')
  return objs.map((o, i) => (i > 0 ? '---\n' : '') + toYaml(o)).join('')
}

/** The wrapper kubectl prints around several objects for `get -o yaml|json|jsonpath`. */
export function asList(items: KObject[]): Record<string, unknown> {
  return {apiVersion: 'v1', items, kind: 'List', metadata: {resourceVersion: ''}}
}
