// -o yaml / -o json for objects a command produced (create, get): one object alone, several as kubectl
// prints them (YAML documents separated by `---`, JSON objects one after another).
import type {KObject} from '../../api/types.js'

import {printJson as toJson} from '../../printers/json.js'
import {printYaml as toYaml} from '../../printers/yaml.js'

export function formatObjects(objs: KObject[], format: 'yaml' | 'json', showManagedFields = false): string {
  const shown = showManagedFields ? objs : objs.map(omitManagedFields)
  if (format === 'json') return shown.map((o) => toJson(o)).join('')
  return shown.map((o, i) => (i > 0 ? '---\n' : '') + toYaml(o)).join('')
}

/** cli-runtime's OmitManagedFieldsPrinter: yaml/json leave metadata.managedFields out unless --show-managed-fields. */
export function omitManagedFields(obj: KObject): KObject {
  if (!obj.metadata || !('managedFields' in obj.metadata)) return obj
  const {managedFields: _omitted, ...metadata} = obj.metadata as KObject['metadata'] & {managedFields?: unknown}
  return {...obj, metadata} as KObject
}

/** The wrapper kubectl prints around several objects for `get -o yaml|json|jsonpath`. */
export function asList(items: KObject[]): Record<string, unknown> {
  return {apiVersion: 'v1', items, kind: 'List', metadata: {resourceVersion: ''}}
}
