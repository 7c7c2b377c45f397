// `logs`: its argument and flags as kubectl 1.35 declares them, and kubectl's Complete/Validate checks
// of the values alone (before anything is read from the cluster).
import {Args, Flags, type Interfaces} from '@oclif/core'

import {goTimeParseError, RFC3339} from '../../api/schema/go-time.js'
import {CliError} from '../errors.js'
import {parseDuration} from '../duration-flag.js'

export const LOGS_USAGE = 'logs [-f] [-p] (POD | TYPE/NAME) [-c CONTAINER]'
const USAGE_ERROR = `expected '${LOGS_USAGE}'.\nPOD or TYPE/NAME is a required argument for the logs command`

export const logsArgs = {
  resource: Args.string({description: 'POD or TYPE/NAME'}),
  container: Args.string({description: 'the container (instead of -c)'}),
}

export const logsFlags = {
  'all-containers': Flags.boolean({description: "Get all containers' logs in the pod(s).", default: false}),
  container: Flags.string({char: 'c', description: 'Print the logs of this container'}),
  follow: Flags.boolean({char: 'f', description: 'Specify if the logs should be streamed.', default: false}),
  'ignore-errors': Flags.boolean({description: 'If watching / following pod logs, allow for any errors that occur to be non-fatal', default: false}),
  'insecure-skip-tls-verify-backend': Flags.boolean({
    description: 'Skip verifying the identity of the kubelet that logs are requested from.  In theory, an attacker could provide invalid log content back. You might want to use this if your kubelet serving certificates have expired.',
    default: false,
  }),
  'limit-bytes': Flags.integer({description: 'Maximum bytes of logs to return. Defaults to no limit.', default: 0}),
  'max-log-requests': Flags.integer({description: 'Specify maximum number of concurrent logs to follow when using by a selector. Defaults to 5.', default: 5}),
  'pod-running-timeout': Flags.string({description: 'The length of time (like 5s, 2m, or 3h, higher than zero) to wait until at least one pod is running', default: '20s'}),
  prefix: Flags.boolean({description: 'Prefix each log line with the log source (pod name and container name)', default: false}),
  previous: Flags.boolean({char: 'p', description: 'If true, print the logs for the previous instance of the container in a pod if it exists.', default: false}),
  selector: Flags.string({char: 'l', description: 'Selector (label query) to filter on.'}),
  since: Flags.string({description: 'Only return logs newer than a relative duration like 5s, 2m, or 3h. Defaults to all logs. Only one of since-time / since may be used.', default: '0s'}),
  'since-time': Flags.string({description: 'Only return logs after a specific date (RFC3339). Defaults to all logs. Only one of since-time / since may be used.', default: ''}),
  tail: Flags.integer({description: 'Lines of recent log file to display. Defaults to -1 with no selector, showing all log lines otherwise 10, if a selector is provided.', default: -1}),
  timestamps: Flags.boolean({description: 'Include timestamps on each line in the log output', default: false}),
}

export type LogsFlags = Interfaces.InferredFlags<typeof logsFlags>

/** What a logs run reads: the resource (or a selector), the container, and the request's options. */
export interface LogsRequest {
  resource?: string
  selector?: string
  container?: string
  allContainers: boolean
  previous: boolean
  follow: boolean
  ignoreErrors: boolean
  maxLogRequests: number
  /** --pod-running-timeout, ms */
  podRunningTimeoutMs: number
}

/** kubectl's Complete before it reads the cluster: the argument count and the option values. */
export function completeLogs(args: string[], flags: LogsFlags): LogsRequest {
  const selector = flags.selector ?? ''
  if (args.length === 0 && !selector) throw new CliError(USAGE_ERROR, true)
  if (args.length === 1 && selector) throw new CliError('only a selector (-l) or a POD name is allowed', true)
  if (args.length > 2) throw new CliError(USAGE_ERROR, true)
  const podRunningTimeoutMs = parseDuration(flags['pod-running-timeout'], 'pod-running-timeout')
  if (podRunningTimeoutMs <= 0) throw new CliError('--pod-running-timeout must be higher than zero')
  parseDuration(flags.since, 'since')
  if (flags['since-time']) {
    const bad = goTimeParseError(RFC3339, flags['since-time'])
    if (bad) throw new CliError(bad)
  }
  const container = args.length === 2 ? args[1] : (flags.container ?? '')
  return {
    resource: args[0],
    selector: selector || undefined,
    container: container || undefined,
    allContainers: flags['all-containers'],
    previous: flags.previous,
    follow: flags.follow,
    ignoreErrors: flags['ignore-errors'],
    maxLogRequests: flags['max-log-requests'],
    podRunningTimeoutMs,
  }
}

/** kubectl's Validate, which runs once the object is found. */
export function validateLogs(args: string[], flags: LogsFlags, request: LogsRequest): void {
  const sinceMs = parseDuration(flags.since, 'since')
  if (flags['since-time'] && sinceMs !== 0) throw new CliError('at most one of `sinceTime` or `sinceSeconds` may be specified')
  if (request.allContainers && request.container) throw new CliError(`--all-containers=true should not be specified with container name ${request.container}`)
  if (flags.container !== undefined && args.length === 2) throw new CliError('only one of -c or an inline [CONTAINER] arg is allowed')
  if (flags['limit-bytes'] < 0) throw new CliError('--limit-bytes must be greater than 0')
  if (sinceMs < 0) throw new CliError('--since must be greater than 0')
  if (flags.tail < -1) throw new CliError('--tail must be greater than or equal to -1')
}
