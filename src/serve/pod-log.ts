// GET pods/NAME/log: the API server's answer to a log request (api/pod-log.ts decides which container
// instance it reads, or refuses). The simulated runtime's containers write nothing, so a log is an empty
// text/plain body; `follow=true` on a running container holds the response open until that instance
// stops running or the pod goes away, as the kubelet's stream does.
import type {Pod} from 'kubernetes-types/core/v1.js'
import type {RequestContext} from './context.js'
import type {Reply} from './http.js'

import {containerStatusOf, logContainer, logEnded, logInstance} from '../api/pod-log.js'
import {param} from './context.js'

/** How often a followed log looks at its pod. */
const FOLLOW_POLL_MS = 100

const isTrue = (v: string | undefined): boolean => v === 'true' || v === '1'

/** The log reply; undefined when a followed stream took over the response. */
export function podLog(ctx: RequestContext): Reply | undefined {
  const {namespace, name} = ctx.route
  const pod = ctx.api.get(ctx.route.rt, namespace ?? '', name!) as Pod
  const {name: container, init} = logContainer(pod, param(ctx, 'container'))
  const previous = isTrue(param(ctx, 'previous'))
  const id = logInstance(pod, container, init, previous)
  const running = id !== undefined && !previous && containerStatusOf(pod, container, init)?.state?.running
  if (!isTrue(param(ctx, 'follow')) || !running) return {code: 200, body: '', headers: {'Content-Type': 'text/plain'}}
  ctx.res.writeHead(200, {'Content-Type': 'text/plain', 'Cache-Control': 'no-cache, private', 'Transfer-Encoding': 'chunked'})
  const timer = setInterval(() => {
    const now = ctx.api.peek('Pod', namespace ?? '', name!) as Pod | undefined
    if (!logEnded(now, pod.metadata?.uid, container, init, id)) return
    clearInterval(timer)
    ctx.res.end()
  }, FOLLOW_POLL_MS)
  ctx.res.on('close', () => clearInterval(timer))
  return undefined
}
