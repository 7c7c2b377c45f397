// The API server: every write to the cluster goes through here. Generic object rules (metadata,
// namespaces, resourceVersion, generation) live here; kind-specific rules come from each kind's strategy.

import type {Backend} from '../store/backend.js'
import type {ApiCore, WriteOptions} from './api-core.js'
import {isStoreError} from '../store/errors.js'
import {apiErrors, type FieldError} from './errors.js'
import {checkRequestBody} from './request-size.js'
import {MAX_NAME_GENERATION_ATTEMPTS, clone, dropNullFields, forStorage, generateName, keepSystemFields, newUID, orderMetadata, withResourceVersion} from './meta.js'
import {apiVersionOf, lookupKind, setCustomTypeSource, setResolveWarningSink, type ResourceType} from './registry.js'
import {customResourceTypes, pruneCustomResource} from './custom-resources.js'
import {strictDecodingMessage, unknownFieldWarnings} from './schema/strict.js'
import {defaultApiSettings, type ApiSettings, type StrategyContext} from './strategy.js'
import {compareText, rfc3339, systemClock, type Clock, type KList, type KObject, type ObjectMeta, type ObjectOf} from './types.js'
import {validateObjectMeta, validateObjectMetaUpdate} from './validation/object-meta.js'
import {deleteObject, type DeleteOptions, type DeleteResult} from './delete.js'
import {type ListOptions, listObjects} from './list.js'
import './kinds/index.js'
import {decodeFields} from './schema/strict.js'
import {bindPod, type BindingPreconditions} from './binding.js'
import {updateObjectStatus} from './status-update.js'
import {sameJson} from './patch/apply-patch.js'
import {patchObject, type PatchOptions} from './patch/server-patch.js'
import {readProfile, type ClusterProfile} from './cluster-profile.js'
import type {PatchType} from './patch/apply-patch.js'
import {checkNamespaceWritable} from './namespace-writable.js'
import {ChangeFeed, type WatchFilter} from './watch.js'
import {admittedAbsent, componentManager, managedOnCreate, managedOnStatus, managedOnUpdate, withManagedFields, type ManagerOf} from './managed/record.js'

export type {FieldValidation, WriteOptions} from './api-core.js'

export interface CreateResult {
  object: KObject
  warnings: string[]
}

export interface ApiOptions {
  clock?: Clock
  settings?: Partial<ApiSettings>
  /** who writes when a request names no fieldManager (a CLI verb's kubectl name; the cluster's components by default) */
  fieldManager?: string | ManagerOf
  /**
   * the writes are a client's (the CLI's, serve's): a PUT or PATCH of the main resource keeps the stored
   * status, as every 1.35 strategy's PrepareForUpdate does, and status changes only through the status
   * subresource. The cluster's own components (reconciler, bootstrap) write status with their updates.
   */
  clientWrites?: boolean
}

export class Api implements ApiCore {
  readonly clock: Clock
  readonly settings: ApiSettings
  readonly ctx: StrategyContext
  private readonly clientWrites: boolean
  /**
   * Receives the warnings the API server sends with a request (a resource's deprecation): a client prints
   * them (kubectl: `Warning: ...` on stderr, each once), a server sends them as `Warning` headers.
   */
  onWarning?: (message: string) => void
  managerOf: ManagerOf

  constructor(
    readonly store: Backend,
    opts: ApiOptions = {},
  ) {
    this.clock = opts.clock ?? systemClock
    this.settings = {...defaultApiSettings, ...opts.settings}
    this.clientWrites = opts.clientWrites ?? false
    const fm = opts.fieldManager ?? componentManager
    this.managerOf = typeof fm === 'string' ? () => fm : fm
    this.ctx = {
      clock: this.clock,
      settings: this.settings,
      getObject: (kind, namespace, name) => this.peek(kind, namespace, name),
      listObjects: <K extends string>(kind: K) => this.store.list<ObjectOf<K>>(kind).items.map((sv) => sv.value),
    }
    setCustomTypeSource(() => this.customTypes())
    setResolveWarningSink((message) => this.onWarning?.(message))
  }

  private customCache?: {stamp: string; types: ResourceType[]; checkedAt: number}

  /**
   * The custom resources this store's CustomResourceDefinitions serve. This Api's own CRD writes drop them
   * at once; another process's are seen within CUSTOM_TYPES_RECHECK_MS (the store's change stamp costs a
   * query, and the registry is asked for types on every lookup).
   */
  customTypes(): readonly ResourceType[] {
    const now = performance.now()
    if (this.customCache && now - this.customCache.checkedAt < CUSTOM_TYPES_RECHECK_MS) return this.customCache.types
    try {
      const stamp = this.store.changeStamp()
      if (this.customCache?.stamp === stamp) this.customCache.checkedAt = now
      else {
        const crds = this.store.list<KObject>('CustomResourceDefinition').items.map((sv) => sv.value)
        // discovery lists the CRDs' groups by name (they share one group priority)
        const ordered = crds.sort((a, b) => compareText(groupOfCrd(a), groupOfCrd(b)))
        this.customCache = {stamp, types: ordered.flatMap(customResourceTypes), checkedAt: now}
      }
      return this.customCache.types
    } catch {
      // a closed store serves nothing
      return []
    }
  }

  /** Runs `fn` in one read snapshot: every read inside sees the same revision. */
  snapshot<R>(fn: () => R): R {
    return this.store.snapshot(fn)
  }

  /** Runs `fn` in one transaction: its reads see one state and its writes land together or not at all. */
  transaction<R>(fn: () => R): R {
    return this.store.transaction(fn)
  }

  /** The newest revision: what a list read now is at, and where a watch from now starts. */
  revision(): number {
    return this.store.revision()
  }

  /** Changes whenever anything may have been written, by anyone: cheap to poll before reading again. */
  changeStamp(): string {
    return this.store.changeStamp()
  }

  /** The cluster's profile (the settings it was created with), if it has one. */
  profile(): ClusterProfile | undefined {
    return readProfile(this.store)
  }

  /** The changes after `fromRevision` that match `filter`, read on demand (see api/watch.ts). */
  watch(fromRevision: number, filter: WatchFilter = {}): ChangeFeed {
    return new ChangeFeed(this.store, fromRevision, filter)
  }

  /** Reads a stored object without errors: undefined when absent. */
  peek(kind: string, namespace: string, name: string): KObject | undefined {
    const sv = this.store.get<KObject>({kind, namespace, name})
    return sv ? withResourceVersion(sv.value, sv.rev) : undefined
  }

  /** The type of a manifest, or kubectl's no-match error. */
  typeOf(obj: KObject): ResourceType {
    const rt = lookupKind(obj.apiVersion, obj.kind)
    if (!rt) throw apiErrors.badRequest(`no matches for kind "${obj.kind}" in version "${obj.apiVersion}"`)
    return rt
  }

  /** Reads a stored object, or NotFound; `T` names the shape the caller knows `rt` has. */
  get<T extends KObject = KObject>(rt: ResourceType, namespace: string, name: string): T {
    this.requested(rt)
    const obj = this.peek(rt.kind, rt.namespaced ? namespace : '', name)
    if (!obj) throw apiErrors.notFound(rt.plural, rt.group, name)
    return asServedVersion(rt, obj) as T
  }

  list(rt: ResourceType, namespace: string | undefined, opts: ListOptions = {}): KList {
    this.requested(rt)
    const list = listObjects(this.store, rt, rt.namespaced ? namespace : undefined, opts)
    return rt.custom ? {...list, items: list.items.map((o) => asServedVersion(rt, o))} : list
  }

  /** POST: validates, defaults, admits and stores a new object. */
  create(input: KObject, opts: WriteOptions = {}): CreateResult {
    this.requested(lookupKind(input.apiVersion, input.kind))
    // the body as a client sends it: the API server reads at most 3 MiB of it
    if (!opts.owned) checkRequestBody(JSON.stringify(input))
    const rt = this.typeOf(input)
    const obj = opts.owned ? input : clone(input)
    // decoding the body: type errors always fail, unknown fields per fieldValidation
    const decodeWarnings = opts.owned ? [] : rt.custom ? decodeCustom(rt, obj, opts.fieldValidation ?? 'Warn') : decodeFields(obj, opts.fieldValidation ?? 'Warn')
    obj.apiVersion = apiVersionOf(rt)
    obj.metadata = dropNullFields({...obj.metadata})
    const meta = obj.metadata
    if (!rt.namespaced) delete meta.namespace
    else if (!meta.namespace) meta.namespace = 'default'
    const displayName = meta.name || meta.generateName || ''
    // system fields a client may not set on create
    delete meta.resourceVersion
    delete meta.deletionTimestamp
    delete meta.deletionGracePeriodSeconds
    delete (meta as Record<string, unknown>).selfLink
    meta.uid = newUID()
    meta.creationTimestamp = rfc3339(this.clock.now())
    if (rt.strategy.tracksGeneration) meta.generation = 1
    else delete meta.generation
    const absent = admittedAbsent(obj)
    rt.strategy.default?.(obj, this.ctx)
    const managed = opts.managedFields ?? managedOnCreate(obj, absent, this.managerFor(opts), this.clock.now())
    rt.strategy.prepareForCreate?.(obj, this.ctx)
    if (managed) meta.managedFields = managed as ObjectMeta['managedFields']

    const errs: FieldError[] = [
      ...validateObjectMeta(meta, {namespaced: rt.namespaced, nameValidator: rt.kind === 'Namespace' ? 'label' : rt.group === 'rbac.authorization.k8s.io' ? 'path' : 'subdomain'}),
      ...(rt.strategy.validate?.(obj, this.ctx) ?? []),
    ]
    if (errs.length > 0) throw apiErrors.invalid(rt.kind, rt.group, displayName, errs)

    return this.store.transaction(() => {
      if (rt.namespaced) checkNamespaceWritable(this, rt, meta)
      const attempts = meta.name ? 1 : MAX_NAME_GENERATION_ATTEMPTS
      let warnings: string[] = []
      for (let i = 0; i < attempts; i++) {
        const name = meta.name || generateName(meta.generateName!)
        const candidate: KObject = {...obj, metadata: orderMetadata({...meta, name})}
        // admission sees the final name (as after the apiserver's name generation)
        if (i === 0) warnings = [...decodeWarnings, ...(rt.strategy.admit?.(candidate, 'create', this.ctx).warnings ?? [])]
        const key = {kind: rt.kind, namespace: meta.namespace ?? '', name}
        if (opts.dryRun) {
          if (!this.store.get(key)) return {object: candidate, warnings}
          if (i + 1 >= attempts) throw apiErrors.alreadyExists(rt.plural, rt.group, name)
          continue
        }
        try {
          const sv = this.store.create(key, () => forStorage(candidate))
          this.wrote(rt)
          const created = withResourceVersion(sv.value, sv.rev)
          for (const companion of rt.strategy.companions?.(created, this.ctx) ?? []) this.create(companion)
          return {object: created, warnings}
        } catch (error) {
          if (!isStoreError(error, 'KeyExists')) throw error
          if (i + 1 >= attempts) throw apiErrors.alreadyExists(rt.plural, rt.group, name)
        }
      }
      throw apiErrors.alreadyExists(rt.plural, rt.group, meta.name ?? '')
    })
  }

  /**
   * PUT: replaces an object if `metadata.resourceVersion` matches (Conflict otherwise). A client's write
   * keeps the stored status (see ApiOptions.clientWrites); a component's writes status and spec together.
   */
  update(input: KObject, opts: WriteOptions = {}): KObject {
    this.requested(lookupKind(input.apiVersion, input.kind))
    const rt = this.typeOf(input)
    const namespace = rt.namespaced ? input.metadata.namespace || 'default' : ''
    const name = input.metadata.name ?? ''
    return this.store.transaction(() => {
      const old = this.peek(rt.kind, namespace, name)
      if (!old) throw apiErrors.notFound(rt.plural, rt.group, name)
      const rv = input.metadata.resourceVersion
      if (!rv) {
        throw apiErrors.invalid(rt.kind, rt.group, name, [{type: 'FieldValueInvalid', field: 'metadata.resourceVersion', value: 0, hasValue: true, detail: 'must be specified for an update'}])
      }
      if (rv !== old.metadata.resourceVersion) {
        throw apiErrors.conflict(rt.plural, rt.group, name, 'the object has been modified; please apply your changes to the latest version and try again')
      }
      const obj = clone(input)
      if (rt.custom) decodeCustom(rt, obj, opts.fieldValidation ?? 'Warn')
      else if (opts.fieldValidation) decodeFields(obj, opts.fieldValidation)
      obj.apiVersion = apiVersionOf(rt)
      obj.metadata = dropNullFields({...obj.metadata, namespace: rt.namespaced ? namespace : undefined})
      if (!rt.namespaced) delete obj.metadata.namespace
      keepSystemFields(obj.metadata, old.metadata)
      const statusIsSeparate = !rt.custom || rt.custom.statusSubresource
      if (this.clientWrites && opts.subresource !== 'status' && statusIsSeparate) keepStoredStatus(obj, old)
      rt.strategy.default?.(obj, this.ctx)
      rt.strategy.prepareForUpdate?.(obj, old, this.ctx)
      obj.metadata = withManagedFields(obj.metadata, opts.managedFields ?? managedOnUpdate(old, obj, this.managerFor(opts), this.clock.now(), opts.subresource))
      if (rt.strategy.tracksGeneration) {
        const changed = rt.strategy.specChanged?.(obj, old) ?? false
        obj.metadata.generation = (old.metadata.generation ?? 1) + (changed ? 1 : 0)
      }
      const errs = [...validateObjectMetaUpdate(obj.metadata, old.metadata), ...(rt.strategy.validateUpdate?.(obj, old, this.ctx) ?? [])]
      if (errs.length > 0) throw apiErrors.invalid(rt.kind, rt.group, name, errs)
      rt.strategy.admit?.(obj, 'update', this.ctx)
      obj.metadata = orderMetadata(obj.metadata)
      // a client's write that changes nothing is not written (the API server's no-op update): the object,
      // its resourceVersion and its managedFields stay as they were. An apply's own managedFields are part
      // of what it writes: a second manager applying the same values becomes a co-owner (a real write).
      const ownersChanged = opts.managedFields !== undefined && !sameJson(opts.managedFields, old.metadata.managedFields)
      if (this.clientWrites && !ownersChanged && sameBesideBookkeeping(obj, old)) return old
      if (opts.dryRun) return obj
      const sv = this.store.update<KObject>({kind: rt.kind, namespace, name}, Number(rv), () => forStorage(obj))
      this.wrote(rt)
      const stored = withResourceVersion(sv.value, sv.rev)
      // an object whose last finalizer went away after deletion is removed (a pod once its grace ran out:
      // the kubelet's delete with grace 0 left it to its finalizers)
      const graceOver = rt.strategy.deleteGracePeriod === undefined || stored.metadata.deletionGracePeriodSeconds === 0
      if (stored.metadata.deletionTimestamp && (stored.metadata.finalizers ?? []).length === 0 && graceOver) {
        this.store.delete({kind: rt.kind, namespace, name})
      }
      return stored
    })
  }

  /**
   * PUT of the status subresource (what the kubelet and controllers write): only `status` is taken from
   * `input`; spec and metadata stay as stored (ResetObjectMetaForStatus), so nothing but the status is
   * validated or defaulted, and generation does not move. Conflict when `metadata.resourceVersion` is
   * given and no longer current.
   */
  updateStatus(input: KObject, opts: {fieldManager?: string} = {}): KObject {
    return updateObjectStatus(this, this.typeOf(input), input, this.managerFor(opts))
  }

  /** POST pods/binding: places an unbound pod on `node` (see binding.ts). */
  bind(namespace: string, name: string, node: string, pre: BindingPreconditions = {}): KObject {
    return bindPod(this, namespace, name, node, pre)
  }

  /**
   * Reads, changes and writes an object as one step, like a patch without a resourceVersion: the API
   * server applies it to the latest object and retries its own compare-and-swap, so a client never sees
   * a Conflict. Here the read and the write share one store transaction (the write lock is held from the
   * read on), so another writer waits instead of invalidating the read. `mutate` returns false to skip
   * the write.
   */
  modify<T extends KObject = KObject>(rt: ResourceType, namespace: string, name: string, mutate: (obj: KObject) => boolean | void, opts: WriteOptions = {}): T {
    return this.store.transaction(() => {
      const current = this.get<T>(rt, namespace, name)
      const next = clone(current)
      if (mutate(next) === false) return current
      return this.update(next, opts) as T
    })
  }

  /**
   * PATCH (strategic merge, JSON merge or JSON patch; `body` is the request's JSON text): applied to the
   * current object and written through `update` in one transaction (see patch/server-patch.ts).
   */
  patch(rt: ResourceType, namespace: string, name: string, type: PatchType, body: string, opts: PatchOptions = {}): KObject {
    this.requested(rt)
    checkRequestBody(body)
    // a custom resource has no Go struct to carry strategic merge keys: its endpoint takes no such patch
    if (rt.custom && type === 'strategic') throw apiErrors.unsupportedMediaType(['application/json-patch+json', 'application/merge-patch+json', 'application/apply-patch+yaml'])
    return patchObject(this, rt, rt.namespaced ? namespace : '', name, type, body, opts)
  }

  /** DELETE with Kubernetes' graceful-deletion and finalizer rules. */
  delete(rt: ResourceType, namespace: string, name: string, opts: DeleteOptions = {}): DeleteResult {
    this.requested(rt)
    const result = deleteObject(this, rt, rt.namespaced ? namespace : '', name, opts)
    this.wrote(rt)
    return result
  }

  // a write of a CustomResourceDefinition changes what the registry serves: read the CRDs again
  private wrote(rt: ResourceType): void {
    if (rt.kind === 'CustomResourceDefinition' && rt.group === 'apiextensions.k8s.io') this.customCache = undefined
  }

  // a request for `rt` arrived: its warning, if it has one, goes to the client
  private requested(rt: ResourceType | undefined): void {
    if (rt?.warning) this.onWarning?.(rt.warning)
  }

  /** The manager a write records: the request's, else this Api's default for the kind. */
  private managerFor(opts: {fieldManager?: string}): ManagerOf {
    return opts.fieldManager ? () => opts.fieldManager! : this.managerOf
  }
}

/** How long the custom types read from the store are used before the store's change stamp is checked again. */
const CUSTOM_TYPES_RECHECK_MS = 50

/**
 * A custom resource read through another served version than it was written in: the versions of a CRD
 * without a conversion webhook differ in apiVersion only (the None converter rewrites it).
 */
function asServedVersion(rt: ResourceType, obj: KObject): KObject {
  return rt.custom && obj.apiVersion !== apiVersionOf(rt) ? {...obj, apiVersion: apiVersionOf(rt)} : obj
}

const groupOfCrd = (crd: KObject): string => String((crd.spec as {group?: string} | undefined)?.group ?? '')

/**
 * Decoding a custom resource's body: the fields its version's schema does not declare are pruned, and
 * reported as the server reports them (Strict fails, Warn warns).
 */
function decodeCustom(rt: ResourceType, obj: KObject, mode: 'Strict' | 'Warn' | 'Ignore'): string[] {
  const probe = clone(obj)
  const unknown = pruneCustomResource(rt, probe)
  const message = strictDecodingMessage(rt.kind, apiVersionOf(rt), {unknown}, mode)
  if (message !== undefined) throw apiErrors.badRequest(message)
  pruneCustomResource(rt, obj)
  return mode === 'Warn' ? unknownFieldWarnings({unknown}) : []
}

/** A client's PUT or PATCH of the main resource leaves `status` as stored (strategies' PrepareForUpdate). */
function keepStoredStatus(obj: KObject, old: KObject): void {
  if (old.status === undefined) delete obj.status
  else obj.status = clone(old.status)
}

/** Whether a write would store what is stored already, managedFields and resourceVersion aside. */
function sameBesideBookkeeping(obj: KObject, old: KObject): boolean {
  const strip = (o: KObject) => ({...o, metadata: {...o.metadata, managedFields: undefined, resourceVersion: undefined}})
  return sameJson(strip(obj), strip(old))
}
