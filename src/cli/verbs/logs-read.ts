// The lines of one log stream, as the kubelet reads them for a request and kubectl prints them: the
// instance's log (api/container-log.ts) from the cluster's containers folder, filtered and formatted,
// with kubectl's `[pod/NAME/CONTAINER] ` before each line under --prefix. A followed stream prints what
// is new every FOLLOW_POLL_MS until its instance ends, then what was written last.
import type {LogSource} from './logs-targets.js'

import {formatLogLine, instanceDirOf, logText, readInstanceLog, type LogOptions} from '../../api/container-log.js'

const FOLLOW_POLL_MS = 100

/** One stream being printed: where its instance writes, and how much of it is out. */
export interface LogStream {
  source: LogSource
  dir?: string
  printed: number
  prefix: string
}

const withPrefix = (text: string, prefix: string): string => (prefix ? text.replace(/^(?=.)/gm, prefix) : text)

/** Prints what the instance `id` of `source` wrote, as the request selects it; returns the stream to follow it on. */
export function printLog(root: string, source: LogSource, id: string | undefined, opts: LogOptions & {prefix: boolean}, out: (s: string) => void): LogStream {
  const dir = instanceDirOf(root, id)
  const lines = dir ? readInstanceLog(dir) : []
  const prefix = opts.prefix ? `[pod/${source.pod.metadata?.name ?? ''}/${source.container.name}] ` : ''
  const text = logText(lines, opts)
  if (text) out(withPrefix(text, prefix))
  return {source, dir, printed: lines.length, prefix}
}

/** Prints the lines written since the stream's last print. */
export function printNew(stream: LogStream, timestamps: boolean | undefined, out: (s: string) => void): void {
  if (!stream.dir) return
  const lines = readInstanceLog(stream.dir)
  if (lines.length <= stream.printed) return
  const text = lines
    .slice(stream.printed)
    .map((l) => formatLogLine(l, timestamps))
    .join('')
  stream.printed = lines.length
  out(withPrefix(text, stream.prefix))
}

/** Prints new lines of the streams until `done` resolves, then the last ones. */
export async function followStreams(streams: LogStream[], timestamps: boolean | undefined, out: (s: string) => void, done: Promise<void>): Promise<void> {
  const timer = setInterval(() => {
    for (const s of streams) printNew(s, timestamps, out)
  }, FOLLOW_POLL_MS)
  try {
    await done
  } finally {
    clearInterval(timer)
  }
  for (const s of streams) printNew(s, timestamps, out)
}
