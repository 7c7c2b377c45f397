// Colour for STATUS cells on a terminal (ksim's own touch; kubectl prints plain text): healthy green,
// in progress yellow, terminating magenta, failing red. Applied after padding is measured.
import {Chalk} from 'chalk'

const chalk = new Chalk({level: 1})

const GREEN = new Set(['Running', 'Ready', 'Active'])
const YELLOW = new Set(['Pending', 'ContainerCreating', 'PodInitializing', 'SchedulingGated'])
const RED = new Set(['Error', 'Failed', 'NotReady', 'Unknown', 'OOMKilled', 'Evicted', 'ErrImagePull',
  'InvalidImageName', 'ContainerStatusUnknown', 'StartError', 'NodeLost'])

/** The colour of a STATUS value, or undefined to leave it plain. */
export function statusColor(status: string): 'green' | 'yellow' | 'magenta' | 'red' | undefined {
  // `Ready,SchedulingDisabled` takes the colour of its first part; `Init:X` of X
  let s = status.split(',')[0]
  if (s.startsWith('Init:')) {
    s = s.slice(5)
    if (/^\d+\/\d+$/.test(s)) return 'yellow'
  }
  if (s === 'Terminating') return 'magenta'
  if (GREEN.has(s)) return 'green'
  if (YELLOW.has(s)) return 'yellow'
  if (RED.has(s) || s.endsWith('BackOff') || s.endsWith('Error') || /^(Signal|ExitCode):/.test(s)) return 'red'
  return undefined
}

/** The cell text wrapped in its status colour's ANSI codes. */
export function colorStatus(text: string): string {
  const c = statusColor(text)
  return c ? chalk[c](text) : text
}
