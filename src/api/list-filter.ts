// The list filter the API server builds from a request's label and field selectors. A selector it
// cannot parse, or a field it does not index, is a 400 worded as kubectl shows it.
import type {ResourceType} from './registry.js'
import type {KObject} from './types.js'

import {apiErrors} from './errors.js'
import {parseFieldSelector} from '../machinery/fields.js'
import {matchLabelSelector, parseLabelSelector} from '../machinery/labels.js'
import {convertFieldSelector, groupVersionResourceString, listErrorMessage, matchFieldSelector} from './field-labels.js'

/**
 * Text every matching object's stored JSON contains, for the store to leave out the rest before parsing
 * them (a `get -l app=x` of a few pods among many): `"key":"value"` for each requirement that names one
 * value (`=`, `==`, `in` of one), as JSON.stringify writes the label. A selector it cannot parse gives
 * none: selectorFilter reports the error.
 */
export function selectorNeedles(labelSelector?: string): string[] {
  if (!labelSelector) return []
  try {
    return parseLabelSelector(labelSelector)
      .requirements.filter((r) => (r.operator === '=' || r.operator === '==' || r.operator === 'in') && r.values.length === 1)
      .map((r) => `${JSON.stringify(r.key)}:${JSON.stringify(r.values[0])}`)
  } catch {
    return []
  }
}

export function selectorFilter(rt: ResourceType, labelSelector?: string, fieldSelector?: string): (obj: KObject) => boolean {
  if (!labelSelector && !fieldSelector) return () => true
  try {
    const labels = labelSelector ? parseLabelSelector(labelSelector) : undefined
    const fields = fieldSelector ? convertFieldSelector(rt.kind, parseFieldSelector(fieldSelector)) : undefined
    return (obj) =>
      (!labels || matchLabelSelector(labels, obj.metadata.labels)) && (!fields || matchFieldSelector(fields, obj))
  } catch (error) {
    const gvr = groupVersionResourceString(rt.group, rt.version, rt.plural)
    throw apiErrors.badRequest(listErrorMessage(gvr, labelSelector ?? '', fieldSelector ?? '', (error as Error).message))
  }
}
