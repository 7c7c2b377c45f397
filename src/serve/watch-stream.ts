// WATCH: newline-delimited JSON events on a chunked response, fed by Api.watch (the store's change log).
// One hub polls the store's change stamp for every open watch, so an idle server costs one cheap query
// per tick whatever the number of watchers; a watcher whose client does not read is dropped once its
// unsent output passes a limit, so it holds up neither the others nor the store.
import type {ChangeFeed} from '../api/watch.js'
import type {Api} from '../api/server.js'
import type {KObject} from '../api/types.js'
import type {Change} from '../store/backend.js'
import type {RequestContext} from './context.js'

import {selectorFilter} from '../api/list-filter.js'
import {apiVersionOf} from '../api/registry.js'
import {intParam, param} from './context.js'
import {includeObjectOf, toTable, wantsTable, type IncludeObject} from './table.js'
import {tableHandlerFor} from '../printers/table/index.js'

/** Unsent output past which a watcher is dropped (its client reads too slowly or not at all). */
const MAX_BACKLOG_BYTES = 8 * 1024 * 1024
const POLL_MS = 10
const BOOKMARK_EVERY_MS = 10_000

type EventType = 'ADDED' | 'MODIFIED' | 'DELETED' | 'BOOKMARK' | 'ERROR'

interface Watcher {
  pump(): void
  bookmark(): void
  close(drop?: boolean): void
  fail(error: Error): void
}

/** The open watches of one server, read on one timer. */
export class WatchHub {
  readonly #watchers = new Set<Watcher>()
  #timer: NodeJS.Timeout | undefined
  #bookmarks: NodeJS.Timeout | undefined
  #stamp = ''

  constructor(private readonly api: Api) {}

  get size(): number {
    return this.#watchers.size
  }

  add(w: Watcher): void {
    this.#watchers.add(w)
    this.#timer ??= setInterval(() => this.tick(), POLL_MS)
    this.#bookmarks ??= setInterval(() => this.#watchers.forEach((x) => x.bookmark()), BOOKMARK_EVERY_MS)
  }

  remove(w: Watcher): void {
    this.#watchers.delete(w)
    if (this.#watchers.size === 0) this.stopTimers()
  }

  /** Reads the store for every watcher when anything was written since the last tick. */
  tick(): void {
    const stamp = this.api.changeStamp()
    if (stamp === this.#stamp) return
    this.#stamp = stamp
    for (const w of [...this.#watchers]) {
      try {
        w.pump()
      } catch (error) {
        // a read that failed (the store busy past its timeout, say) ends this watch, never the server
        w.fail(error as Error)
      }
    }
  }

  closeAll(): void {
    for (const w of [...this.#watchers]) w.close()
    this.stopTimers()
  }

  private stopTimers(): void {
    clearInterval(this.#timer)
    clearInterval(this.#bookmarks)
    this.#timer = undefined
    this.#bookmarks = undefined
  }
}

const withRv = (c: Change<KObject>): KObject => ({...c.value, metadata: {...c.value.metadata, resourceVersion: String(c.rev)}})

/** The 410 a watch from a compacted revision gets, as an ERROR event. */
export function expiredStatus(from: number, oldest: number): Record<string, unknown> {
  return {kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message: `too old resource version: ${from} (${oldest})`, reason: 'Expired', code: 410}
}

const keyOf = (o: KObject): string => `${o.metadata.namespace ?? ''}/${o.metadata.name}`

/** One open watch: its feed, its selectors, and the objects that matched them. */
class WatchStream implements Watcher {
  readonly #filter: (o: KObject) => boolean
  readonly #table: boolean
  readonly #include: IncludeObject
  readonly #bookmarks: boolean
  /** which objects matched the selectors, to turn a change into ADDED / MODIFIED / DELETED as it enters or leaves them */
  readonly #matched = new Set<string>()
  #feed: ChangeFeed | undefined
  #from = 0
  #headerSent = false
  #closed = false
  #timer: NodeJS.Timeout | undefined

  constructor(private readonly ctx: RequestContext) {
    this.#filter = selectorFilter(ctx.route.rt, param(ctx, 'labelSelector'), param(ctx, 'fieldSelector'))
    this.#table = wantsTable(ctx.req.headers.accept)
    this.#include = this.#table ? includeObjectOf(ctx.url.searchParams.get('includeObject')) : 'Object'
    this.#bookmarks = param(ctx, 'allowWatchBookmarks') === 'true'
  }

  start(): void {
    const {api, route, res} = this.ctx
    const rt = route.rt
    const namespace = rt.namespaced ? route.namespace : undefined
    const timeout = intParam(this.ctx, 'timeoutSeconds')
    const rvParam = param(this.ctx, 'resourceVersion')
    const sendInitial = param(this.ctx, 'sendInitialEvents') === 'true'
    res.writeHead(200, {'Content-Type': 'application/json', 'Cache-Control': 'no-cache, private', 'Transfer-Encoding': 'chunked'})
    res.on('close', () => this.close())
    if (timeout !== undefined && timeout > 0) this.#timer = setTimeout(() => this.close(), timeout * 1000)
    if (sendInitial || !rvParam || rvParam === '0') {
      // from "now", with a made-up ADDED for every object that matches (kubectl get x -w depends on them)
      const list = api.list(rt, namespace, {labelSelector: param(this.ctx, 'labelSelector'), fieldSelector: param(this.ctx, 'fieldSelector')})
      this.#from = Number(list.metadata.resourceVersion)
      for (const o of list.items) {
        this.#matched.add(keyOf(o))
        this.emit('ADDED', o)
      }
      if (this.#bookmarks && sendInitial) this.emit('BOOKMARK', this.bookmarkObject({'k8s.io/initial-events-end': 'true'}))
    } else {
      this.#from = /^\d+$/.test(rvParam) ? Number(rvParam) : api.revision()
      if (this.#from < api.store.compactedRevision()) {
        this.emit('ERROR', expiredStatus(this.#from, api.store.compactedRevision() + 1))
        this.close()
        return
      }
      // what matched at the starting revision, as far as it can be known now: objects written after it
      // are learnt from their changes
      for (const o of api.list(rt, namespace).items) if (Number(o.metadata.resourceVersion) <= this.#from && this.#filter(o)) this.#matched.add(keyOf(o))
    }
    this.#feed = api.watch(this.#from, {kinds: [rt.kind], namespace})
    if (this.#closed) return
    this.ctx.hub.add(this)
    this.pump()
  }

  pump(): void {
    if (this.#closed || !this.#feed) return
    const batch = this.#feed.next()
    for (const c of batch.changes) this.change(c)
    if (batch.compacted) {
      this.emit('ERROR', expiredStatus(this.#from, this.ctx.api.store.compactedRevision() + 1))
      this.close()
    }
  }

  bookmark(): void {
    if (this.#bookmarks) this.emit('BOOKMARK', this.bookmarkObject())
  }

  /** Ends the stream with an ERROR event carrying a 500 Status (the client watches again). */
  fail(error: Error): void {
    this.emit('ERROR', {kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message: `Internal error occurred: ${error.message}`, reason: 'InternalError', code: 500})
    this.close()
  }

  /** Ends the stream cleanly (the zero-length chunk), or drops the connection (a client that does not read). */
  close(drop = false): void {
    if (this.#closed) return
    this.#closed = true
    clearTimeout(this.#timer)
    this.ctx.hub.remove(this)
    if (drop) this.ctx.res.destroy()
    else this.ctx.res.end()
  }

  private change(c: Change<KObject>): void {
    const obj = withRv(c)
    const k = keyOf(obj)
    const was = this.#matched.has(k)
    const now = c.type !== 'DELETED' && this.#filter(obj)
    if (now) this.#matched.add(k)
    else this.#matched.delete(k)
    if (c.type === 'DELETED') {
      if (was || this.#filter(obj)) this.emit('DELETED', obj)
    } else if (now) this.emit(was ? 'MODIFIED' : 'ADDED', obj)
    else if (was) this.emit('DELETED', obj)
  }

  private bookmarkObject(annotations?: Record<string, string>): Record<string, unknown> {
    const rt = this.ctx.route.rt
    const rv = String(this.#feed?.revision ?? this.#from)
    return {kind: rt.kind, apiVersion: apiVersionOf(rt), metadata: {resourceVersion: rv, ...(annotations ? {annotations} : {})}}
  }

  private encode(type: EventType, obj: Record<string, unknown>): string {
    if (!this.#table || type === 'BOOKMARK' || type === 'ERROR') return `${JSON.stringify({type, object: obj})}\n`
    const o = obj as KObject
    const t = toTable(o.kind, [o], {now: this.ctx.api.clock.now(), includeObject: this.#include, resourceVersion: o.metadata.resourceVersion, noHeaders: this.#headerSent, handler: tableHandlerFor(this.ctx.route.rt)})
    this.#headerSent = true
    return `${JSON.stringify({type, object: t})}\n`
  }

  private emit(type: EventType, obj: Record<string, unknown>): void {
    if (this.#closed) return
    const res = this.ctx.res
    res.write(this.encode(type, obj))
    if (res.writableLength > MAX_BACKLOG_BYTES) this.close(true)
  }
}

/** Serves `?watch=true` on a list path until the client leaves, timeoutSeconds pass, or the server stops. */
export function serveWatch(ctx: RequestContext): void {
  new WatchStream(ctx).start()
}
