// Endpoints (v1, `ep`) and EndpointSlice (discovery.k8s.io/v1): the addresses behind a Service. The
// endpoints controllers keep them for Services with a selector; users may write their own for the rest.
import type {KObject} from '../types.js'

import {fieldErr, type FieldError} from '../errors.js'
import {register} from '../registry.js'

const ADDRESS_TYPES = ['FQDN', 'IPv4', 'IPv6']

function validateSlice(obj: KObject): FieldError[] {
  const t = obj.addressType as string | undefined
  if (!t) return [fieldErr.required('addressType')]
  if (!ADDRESS_TYPES.includes(t)) return [fieldErr.notSupported('addressType', t, ADDRESS_TYPES)]
  return []
}

/** The Endpoints resource type. */
export const endpointsType = register({
  kind: 'Endpoints',
  group: '',
  version: 'v1',
  plural: 'endpoints',
  singular: 'endpoints',
  shortNames: ['ep'],
  namespaced: true,
  categories: [],
  // the API server's deprecation warning since v1.33 (kubectl prints it as `Warning: ...`)
  warning: 'v1 Endpoints is deprecated in v1.33+; use discovery.k8s.io/v1 EndpointSlice',
  strategy: {},
})

/** The EndpointSlice resource type. */
export const endpointSliceType = register({
  kind: 'EndpointSlice',
  group: 'discovery.k8s.io',
  version: 'v1',
  plural: 'endpointslices',
  singular: 'endpointslice',
  shortNames: [],
  namespaced: true,
  categories: [],
  strategy: {
    tracksGeneration: true,
    validate: validateSlice,
    validateUpdate(obj: KObject, old: KObject) {
      const errs = validateSlice(obj)
      if (obj.addressType !== old.addressType) errs.push(fieldErr.invalid('addressType', obj.addressType, 'field is immutable'))
      return errs
    },
    specChanged: (obj: KObject, old: KObject) => JSON.stringify([obj.endpoints, obj.ports]) !== JSON.stringify([old.endpoints, old.ports]),
  },
})
