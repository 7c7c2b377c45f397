// `logs`: kubectl's Complete/Validate (logs-flags.ts), the streams it reads (logs-targets.ts), then each
// stream as the API server and the kubelet answer it. The kubelet refuses a container that has no
// instance to read (waiting to start, a --previous that never was) with its own messages; a pod not yet
// on a node has no logs, and no error. What a container wrote is its runtime's: the simulated runtime
// runs no program, so its containers write nothing and every stream is empty, as kubectl prints it for
// a container without output; the process runtime's instances keep their stdout and stderr in the
// cluster's containers folder (logs-read.ts). -f follows a running container until that instance ends.
import type {Pod} from 'kubernetes-types/core/v1.js'
import type {Api} from '../../api/server.js'
import type {Target} from '../../cluster/clusters.js'

import {isStatusError} from '../../api/errors.js'
import {podType} from '../../api/kinds/pod.js'
import {containerStatusOf, logEnded, logInstance} from '../../api/pod-log.js'
import {mustLookupResource} from '../../api/registry.js'
import {CliError, errorText} from '../errors.js'
import {waitUntil} from '../resource/wait.js'
import {completeLogs, validateLogs, type LogsFlags} from './logs-flags.js'
import {followStreams, printLog, type LogStream} from './logs-read.js'
import {parseDuration} from '../duration-flag.js'
import {containersDir} from '../../config/paths.js'
import {logSources, type LogSource} from './logs-targets.js'
import type {WaitSinks} from './sinks.js'

// what the user named: pods/NAME, TYPE/NAME, or the pods of a selector
function resolve(api: Api, namespace: string, resource: string | undefined, selector: string | undefined, sinks: WaitSinks): Pod[] | ReturnType<Api['get']> {
  if (selector) {
    const pods = api.list(podType, namespace, {labelSelector: selector}).items as Pod[]
    if (pods.length === 0) sinks.err(`No resources found in ${namespace} namespace.`)
    return pods
  }
  const slash = resource!.indexOf('/')
  const rt = slash >= 0 ? mustLookupResource(resource!.slice(0, slash)) : podType
  try {
    return api.get(rt, namespace, slash >= 0 ? resource!.slice(slash + 1) : resource!)
  } catch (error) {
    // kubectl logs words a missing object its own way
    if (isStatusError(error, 'NotFound')) throw new CliError(`error from server (NotFound): ${error.message} in namespace "${namespace}"`)
    throw error
  }
}

/** Prints the logs; returns kubectl's error lines (a failed stream ends the run unless --ignore-errors while following). */
export async function runLogs(api: Api, target: Target, args: string[], flags: LogsFlags, sinks: WaitSinks): Promise<string[]> {
  const request = completeLogs(args, flags)
  const obj = resolve(api, target.namespace, request.resource, request.selector, sinks)
  validateLogs(args, flags, request)
  const sources = await logSources(api, obj as never, {namespace: target.namespace, container: request.container, allContainers: request.allContainers, timeoutMs: request.podRunningTimeoutMs}, sinks)
  if (request.follow && sources.length > 1 && sources.length > request.maxLogRequests) {
    throw new CliError(`you are attempting to follow ${sources.length} log streams, but maximum allowed concurrency is ${request.maxLogRequests}, use --max-log-requests to increase the limit`)
  }
  const followed: {source: LogSource; id: string}[] = []
  const streams: LogStream[] = []
  const sinceMs = flags['since-time'] ? Date.parse(flags['since-time']) : parseDuration(flags.since, 'since') > 0 ? Date.now() - Math.round(parseDuration(flags.since, 'since') / 1000) * 1000 : undefined
  const tail = request.selector && flags.tail === -1 ? 10 : flags.tail
  const opts = {sinceMs, tail, timestamps: flags.timestamps, limitBytes: flags['limit-bytes'] || undefined, prefix: flags.prefix}
  for (const source of sources) {
    try {
      const id = logInstance(source.pod, source.container.name, source.init, request.previous)
      const stream = printLog(containersDir(target.cluster), source, id, opts, sinks.out)
      // the simulated runtime's containers write nothing: the stream has no lines
      if (request.follow && !request.previous && id && containerStatusOf(source.pod, source.container.name, source.init)?.state?.running) {
        followed.push({source, id})
        streams.push(stream)
      }
    } catch (error) {
      if (!(request.follow && sources.length > 1 && request.ignoreErrors)) return [errorText(error)]
      sinks.out(`error: ${(error as Error).message}\n`)
    }
  }
  if (followed.length > 0) {
    // the containers move on only while the reconciler runs
    await sinks.beforeWait?.()
    await followStreams(streams, flags.timestamps, sinks.out, followUntilEnd(api, followed))
  }
  return []
}

// a followed stream ends when its container instance stops running, or its pod goes away
async function followUntilEnd(api: Api, streams: {source: LogSource; id: string}[]): Promise<void> {
  const ended = ({source, id}: {source: LogSource; id: string}): boolean => {
    const pod = api.peek('Pod', source.pod.metadata?.namespace ?? '', source.pod.metadata?.name ?? '') as Pod | undefined
    return logEnded(pod, source.pod.metadata?.uid, source.container.name, source.init, id)
  }
  await waitUntil(api, streams, ended, {timeoutMs: Infinity, kinds: ['Pod']})
}
