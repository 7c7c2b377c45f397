// What the request handlers beside the Api class (delete.ts, binding.ts, patch/) need of it: a narrow
// view the class satisfies, so they do not import the server that calls them.
import type {Backend} from '../store/backend.js'
import type {ResourceType} from './registry.js'
import type {Clock, KObject} from './types.js'
import type {ManagedFieldsEntry} from './managed/entries.js'
import type {CreateResult} from './server.js'

export type FieldValidation = 'Strict' | 'Warn' | 'Ignore'

export interface WriteOptions {
  dryRun?: boolean
  /** the request's fieldValidation (kubectl sends Strict; the server default is Warn) */
  fieldValidation?: FieldValidation
  /**
   * create only: the object was built for this request inside the API layer (the event recorder) and
   * is not used after, so it is taken over as it is: not copied, and not decoded as a client's body
   */
  owned?: boolean
  /** the request's fieldManager: who owns what this write sets (defaults per Api, see managed/record.ts) */
  fieldManager?: string
  /** the subresource a write comes through (`scale`), for its managedFields entry */
  subresource?: string
  /** server-side apply: the managedFields it computed, stored as they are instead of recording an Update */
  managedFields?: ManagedFieldsEntry[]
}

export interface ApiCore {
  readonly store: Backend
  readonly clock: Clock
  get<T extends KObject = KObject>(rt: ResourceType, namespace: string, name: string): T
  update(input: KObject, opts?: WriteOptions): KObject
  updateStatus(input: KObject, opts?: {fieldManager?: string}): KObject
  create(input: KObject, opts?: WriteOptions): CreateResult
  peek(kind: string, namespace: string, name: string): KObject | undefined
  modify<T extends KObject = KObject>(rt: ResourceType, namespace: string, name: string, mutate: (obj: KObject) => boolean | void, opts?: WriteOptions): T
}
