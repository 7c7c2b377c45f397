// The QoS class describe prints: status.qosClass when set, else computed like kubectl's qos helper.
import type {Pod} from '../../api/types.js'

import {podQOSClass} from '../../machinery/pod-qos.js'

/** GetPodQOS: Guaranteed, Burstable or BestEffort. */
export function podQOS(pod: Pod): string {
  return pod.status?.qosClass || podQOSClass(pod)
}
