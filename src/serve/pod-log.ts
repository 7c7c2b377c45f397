// GET pods/NAME/log: the API server's answer to a log request (api/pod-log.ts decides which container
// instance it reads, or refuses). Simulated containers write nothing: their log is an empty text/plain
// body. A process-runtime instance's log is read from the cluster's containers folder (beside the state
// file) with the request's tailLines, sinceSeconds, sinceTime, timestamps and limitBytes
// (api/container-log.ts). `follow=true` on a running container holds the response open, sending lines as
// they are written, until that instance stops running or the pod goes away, as the kubelet's stream does.
import type {Pod} from 'kubernetes-types/core/v1.js'
import type {RequestContext} from './context.js'
import type {Reply} from './http.js'

import path from 'node:path'

import {formatLogLine, instanceDirOf, logText, readInstanceLog} from '../api/container-log.js'
import {containerStatusOf, logContainer, logEnded, logInstance} from '../api/pod-log.js'
import {param} from './context.js'

/** How often a followed log looks at its pod. */
const FOLLOW_POLL_MS = 100

const isTrue = (v: string | undefined): boolean => v === 'true' || v === '1'
const intParam = (ctx: RequestContext, name: string): number | undefined => (param(ctx, name) === undefined ? undefined : Number(param(ctx, name)))

/** The log reply; undefined when a followed stream took over the response. */
export function podLog(ctx: RequestContext): Reply | undefined {
  const {namespace, name} = ctx.route
  const pod = ctx.api.get(ctx.route.rt, namespace ?? '', name!) as Pod
  const {name: container, init} = logContainer(pod, param(ctx, 'container'))
  const previous = isTrue(param(ctx, 'previous'))
  const id = logInstance(pod, container, init, previous)
  const dir = instanceDirOf(path.join(path.dirname(ctx.api.store.file), 'containers'), id)
  const lines = dir ? readInstanceLog(dir) : []
  const since = intParam(ctx, 'sinceSeconds')
  const sinceTime = param(ctx, 'sinceTime')
  const timestamps = isTrue(param(ctx, 'timestamps'))
  const text = logText(lines, {sinceMs: sinceTime ? Date.parse(sinceTime) : since !== undefined ? Date.now() - since * 1000 : undefined, tail: intParam(ctx, 'tailLines'), timestamps, limitBytes: intParam(ctx, 'limitBytes')})
  const running = id !== undefined && !previous && containerStatusOf(pod, container, init)?.state?.running
  if (!isTrue(param(ctx, 'follow')) || !running) return {code: 200, body: text, headers: {'Content-Type': 'text/plain'}}
  ctx.res.writeHead(200, {'Content-Type': 'text/plain', 'Cache-Control': 'no-cache, private', 'Transfer-Encoding': 'chunked'})
  if (text) ctx.res.write(text)
  let printed = lines.length
  const sendNew = (): void => {
    if (!dir) return
    const now = readInstanceLog(dir)
    if (now.length > printed) ctx.res.write(now.slice(printed).map((l) => formatLogLine(l, timestamps)).join(''))
    printed = now.length
  }
  const timer = setInterval(() => {
    sendNew()
    const current = ctx.api.peek('Pod', namespace ?? '', name!) as Pod | undefined
    if (!logEnded(current, pod.metadata?.uid, container, init, id)) return
    clearInterval(timer)
    sendNew()
    ctx.res.end()
  }, FOLLOW_POLL_MS)
  ctx.res.on('close', () => clearInterval(timer))
  return undefined
}
