// spec.activeDeadlineSeconds as the kubelet's activeDeadlineHandler enforces it: once a pod has been
// active on the node (since status.startTime, which the kubelet keeps to the second) for that many
// seconds, every status the kubelet generates for it says phase Failed, reason DeadlineExceeded, and
// records the event again; the pod worker then terminates the pod like a deletion would (grace period,
// preStop, SIGTERM, SIGKILL, event Killing `Stopping container <c>`), but the pod is not deleted. The
// deadline may be set, or shortened, on a running pod; a pod that has no startTime yet has no deadline.
import type {Pod} from 'kubernetes-types/core/v1.js'
import type {PlannedEvent} from './pod-pass.js'

/** PodStatus.reason of a pod failed by its deadline. */
export const DEADLINE_REASON = 'DeadlineExceeded'
/** PodStatus.message of a pod failed by its deadline, and the event's message. */
export const DEADLINE_MESSAGE = 'Pod was active on the node longer than the specified deadline'

/** When the pod's active deadline passes (epoch ms), if it has one. */
export function activeDeadlineAt(pod: Pod): number | undefined {
  const seconds = pod.spec?.activeDeadlineSeconds
  const start = pod.status?.startTime
  if (seconds == null || !start) return undefined
  const startMs = Date.parse(start)
  return Number.isNaN(startMs) ? undefined : startMs + seconds * 1000
}

/** The event ShouldEvict records each time the kubelet generates the pod's status past its deadline. */
export function deadlineEvent(): PlannedEvent {
  return {type: 'Normal', reason: DEADLINE_REASON, message: DEADLINE_MESSAGE}
}
