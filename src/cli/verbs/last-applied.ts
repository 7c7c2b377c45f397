// The kubectl.kubernetes.io/last-applied-configuration annotation as kubectl writes it (pkg/util
// GetModifiedConfiguration, used by apply, create/replace/edit --save-config and set-last-applied): the
// object without that annotation, its annotations map kept even when empty (`"annotations":{}`),
// encoded as encoding/json does an unstructured object (keys sorted, `<>&` escaped), plus a newline.
import type {KObject} from '../../api/types.js'

import {goJson} from '../../machinery/go-format.js'

export const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration'

/** The annotation's value for `obj`. */
export function lastAppliedOf(obj: KObject): string {
  const annotations = {...obj.metadata.annotations}
  delete annotations[LAST_APPLIED]
  return `${goJson({...obj, metadata: {...obj.metadata, annotations}})}\n`
}

/** `obj` carrying its own last-applied annotation. */
export function withLastApplied(obj: KObject): KObject {
  const annotations = {...obj.metadata.annotations}
  delete annotations[LAST_APPLIED]
  return {...obj, metadata: {...obj.metadata, annotations: {...annotations, [LAST_APPLIED]: lastAppliedOf(obj)}}}
}
