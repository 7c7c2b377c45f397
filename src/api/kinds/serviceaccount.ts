// ServiceAccount: namespaced, `sa`. Every namespace gets one named `default` (see namespace-companions.ts),
// and pods name theirs in spec.serviceAccountName (ServiceAccount admission, admission/service-account.ts).
import {register} from '../registry.js'

export const serviceAccountType = register({
  kind: 'ServiceAccount',
  group: '',
  version: 'v1',
  plural: 'serviceaccounts',
  singular: 'serviceaccount',
  shortNames: ['sa'],
  namespaced: true,
  categories: [],
  strategy: {},
})
