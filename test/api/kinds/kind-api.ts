// What the kind tests share: an Api on a temp store with a pinned clock and a `default` namespace, and the
// text of the error a call throws (as the CLI would print it).
import {errorText} from '../../../src/cli/errors.js'
import {Api} from '../../../src/api/server.js'
import {useTempStores} from '../../store/temp-store.js'

/** Registers the temp stores' hooks in the calling describe block. */
export function useKindApi(now: Date) {
  const stores = useTempStores()
  return {
    stores,
    api(): Api {
      const a = new Api(stores.open(), {clock: {now: () => now}})
      a.create({apiVersion: 'v1', kind: 'Namespace', metadata: {name: 'default'}})
      return a
    },
    failure(fn: () => unknown): string {
      try {
        fn()
      } catch (error) {
        return errorText(error)
      }
      throw new Error('expected an error')
    },
  }
}
