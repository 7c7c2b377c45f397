// ConfigMap: namespaced key/value data; keys must be valid config keys.
import type {KObject} from '../types.js'

import {register} from '../registry.js'
import {validateDataKeys} from '../validation/data-keys.js'
import {validateConfigMapSize} from '../validation/data-size.js'
import {validateImmutableData} from '../validation/immutable-data.js'

export const configMapType = register({
  kind: 'ConfigMap',
  group: '',
  version: 'v1',
  plural: 'configmaps',
  singular: 'configmap',
  shortNames: ['cm'],
  namespaced: true,
  categories: [],
  strategy: {
    validate: (obj: KObject) => [...validateDataKeys(obj, ['data', 'binaryData']), ...validateConfigMapSize(obj)],
    validateUpdate: (obj: KObject, old: KObject) => [
      ...validateImmutableData(obj, old, ['data', 'binaryData']),
      ...validateDataKeys(obj, ['data', 'binaryData']),
      ...validateConfigMapSize(obj),
    ],
  },
})
