// Event (core/v1): namespaced records of what happened to an object.
import {register} from '../registry.js'

export const eventType = register({
  kind: 'Event',
  group: '',
  version: 'v1',
  plural: 'events',
  singular: 'event',
  shortNames: ['ev'],
  namespaced: true,
  categories: [],
  strategy: {},
})
