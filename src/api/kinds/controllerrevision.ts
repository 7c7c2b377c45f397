// ControllerRevision (apps/v1): the immutable snapshots of state the StatefulSet and DaemonSet
// controllers keep as revision history. `data` is required and may never change; `revision` is
// non-negative (ValidateControllerRevision / ValidateControllerRevisionUpdate).
import type {FieldError} from '../errors.js'
import type {KObject} from '../types.js'

import {fieldErr} from '../errors.js'
import {register} from '../registry.js'
import {semanticEqual} from '../validation/pod-update.js'
import {nonNegative} from '../validation/workload.js'

function validateRevision(obj: KObject): FieldError[] {
  const errs: FieldError[] = []
  if (obj.data === undefined || obj.data === null) errs.push(fieldErr.required('data', 'data is mandatory'))
  errs.push(...nonNegative(obj.revision as number | undefined, 'revision'))
  return errs
}

/** The ControllerRevision resource type, registered when this module loads. */
export const controllerRevisionType = register({
  kind: 'ControllerRevision',
  group: 'apps',
  version: 'v1',
  plural: 'controllerrevisions',
  singular: 'controllerrevision',
  shortNames: [],
  namespaced: true,
  categories: [],
  strategy: {
    default(obj: KObject) {
      obj.revision ??= 0
    },
    validate: validateRevision,
    validateUpdate(obj: KObject, old: KObject) {
      const errs = validateRevision(obj)
      // ValidateImmutableField (the API server prints the decoded object's protobuf text before the detail; ksim leaves it out)
      if (!semanticEqual(obj.data ?? null, old.data ?? null)) errs.push({type: 'FieldValueInvalid', field: 'data', hasValue: false, detail: 'field is immutable'})
      return errs
    },
  },
})
