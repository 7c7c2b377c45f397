// Placeholder until the controllers land: the list of controllers the reconciler runs.
import type {Controller} from './types.js'

/** Every controller the reconciler hosts, in the order a pass runs them. */
export function createControllers(): Controller[] {
  return []
}
