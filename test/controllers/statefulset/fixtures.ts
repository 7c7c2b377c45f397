// A StatefulSet the controller tests and the rollout tests start from: pods that pull and start at once.
import type {KObject} from '../../../src/api/types.js'

const FAST = {'ksim.io/pull-seconds': '0', 'ksim.io/start-seconds': '0'}

/** StatefulSet `name` with a headless service name of its own, `app: name` labels and one nginx container. */
export function sts(name: string, replicas: number, extra: Record<string, unknown> = {}, image = 'nginx:1.27'): KObject {
  return {
    apiVersion: 'apps/v1',
    kind: 'StatefulSet',
    metadata: {name, namespace: 'default'},
    spec: {
      replicas,
      serviceName: name,
      selector: {matchLabels: {app: name}},
      template: {metadata: {labels: {app: name}, annotations: FAST}, spec: {containers: [{name: 'nginx', image}]}},
      ...extra,
    },
  }
}
