// The protobuf field numbers (k8s.io/api generated.proto) of the kinds kubectl and Helm write through typed
// clients, which send `application/vnd.kubernetes.protobuf`: the generators' objects (create deployment,
// service, namespace, serviceaccount, configmap, secret, cronjob, job) and Helm's release Secrets. Only the fields those
// writers set are listed; a field not listed is dropped. `keep` marks pointer fields, whose zero value
// (replicas: 0) is sent on purpose; other zero values are what JSON's omitempty leaves out.

/** A field: JSON name, type (a scalar, `map:<value type>`, or a message below), repeated, pointer. */
export type FieldType = 'string' | 'int' | 'bool' | 'bytes' | 'intstr' | 'quantity' | 'map:string' | 'map:bytes' | 'map:quantity' | string
export interface FieldDef {
  name: string
  type: FieldType
  repeated?: boolean
  keep?: boolean
}

type Message = Record<number, FieldDef>

const f = (name: string, type: FieldType, o: {repeated?: boolean; keep?: boolean} = {}): FieldDef => ({name, type, ...o})

export const MESSAGES: Record<string, Message> = {
  ObjectMeta: {
    1: f('name', 'string'), 2: f('generateName', 'string'), 3: f('namespace', 'string'), 5: f('uid', 'string'), 6: f('resourceVersion', 'string'),
    11: f('labels', 'map:string'), 12: f('annotations', 'map:string'), 13: f('ownerReferences', 'OwnerReference', {repeated: true}), 14: f('finalizers', 'string', {repeated: true}),
  },
  OwnerReference: {1: f('kind', 'string'), 3: f('name', 'string'), 4: f('uid', 'string'), 5: f('apiVersion', 'string'), 6: f('controller', 'bool', {keep: true}), 7: f('blockOwnerDeletion', 'bool', {keep: true})},
  LabelSelector: {1: f('matchLabels', 'map:string'), 2: f('matchExpressions', 'LabelSelectorRequirement', {repeated: true})},
  LabelSelectorRequirement: {1: f('key', 'string'), 2: f('operator', 'string'), 3: f('values', 'string', {repeated: true})},
  Secret: {1: f('metadata', 'ObjectMeta'), 2: f('data', 'map:bytes'), 3: f('type', 'string'), 4: f('stringData', 'map:string'), 5: f('immutable', 'bool', {keep: true})},
  ConfigMap: {1: f('metadata', 'ObjectMeta'), 2: f('data', 'map:string'), 3: f('binaryData', 'map:bytes'), 4: f('immutable', 'bool', {keep: true})},
  Namespace: {1: f('metadata', 'ObjectMeta'), 2: f('spec', 'NamespaceSpec')},
  NamespaceSpec: {1: f('finalizers', 'string', {repeated: true})},
  ServiceAccount: {1: f('metadata', 'ObjectMeta'), 3: f('imagePullSecrets', 'LocalObjectReference', {repeated: true}), 4: f('automountServiceAccountToken', 'bool', {keep: true})},
  LocalObjectReference: {1: f('name', 'string')},
  Service: {1: f('metadata', 'ObjectMeta'), 2: f('spec', 'ServiceSpec')},
  ServiceSpec: {
    1: f('ports', 'ServicePort', {repeated: true}), 2: f('selector', 'map:string'), 3: f('clusterIP', 'string'), 18: f('clusterIPs', 'string', {repeated: true}), 4: f('type', 'string'),
    5: f('externalIPs', 'string', {repeated: true}), 7: f('sessionAffinity', 'string'), 10: f('externalName', 'string'), 11: f('externalTrafficPolicy', 'string'),
  },
  ServicePort: {1: f('name', 'string'), 2: f('protocol', 'string'), 6: f('appProtocol', 'string', {keep: true}), 3: f('port', 'int'), 4: f('targetPort', 'intstr'), 5: f('nodePort', 'int')},
  Deployment: {1: f('metadata', 'ObjectMeta'), 2: f('spec', 'DeploymentSpec')},
  DeploymentSpec: {
    1: f('replicas', 'int', {keep: true}), 2: f('selector', 'LabelSelector'), 3: f('template', 'PodTemplateSpec'), 4: f('strategy', 'DeploymentStrategy', {keep: true}),
    5: f('minReadySeconds', 'int'), 6: f('revisionHistoryLimit', 'int', {keep: true}), 7: f('paused', 'bool'), 9: f('progressDeadlineSeconds', 'int', {keep: true}),
  },
  DeploymentStrategy: {1: f('type', 'string')},
  PodTemplateSpec: {1: f('metadata', 'ObjectMeta', {keep: true}), 2: f('spec', 'PodSpec', {keep: true})},
  PodSpec: {
    2: f('containers', 'Container', {repeated: true}), 20: f('initContainers', 'Container', {repeated: true}), 3: f('restartPolicy', 'string'),
    4: f('terminationGracePeriodSeconds', 'int', {keep: true}), 6: f('dnsPolicy', 'string'), 7: f('nodeSelector', 'map:string'), 8: f('serviceAccountName', 'string'),
    10: f('nodeName', 'string'), 15: f('imagePullSecrets', 'LocalObjectReference', {repeated: true}), 19: f('schedulerName', 'string'), 30: f('enableServiceLinks', 'bool', {keep: true}),
  },
  Container: {
    1: f('name', 'string'), 2: f('image', 'string'), 3: f('command', 'string', {repeated: true}), 4: f('args', 'string', {repeated: true}), 5: f('workingDir', 'string'),
    6: f('ports', 'ContainerPort', {repeated: true}), 7: f('env', 'EnvVar', {repeated: true}), 8: f('resources', 'ResourceRequirements', {keep: true}),
    13: f('terminationMessagePath', 'string'), 20: f('terminationMessagePolicy', 'string'), 14: f('imagePullPolicy', 'string'), 16: f('stdin', 'bool'), 17: f('stdinOnce', 'bool'), 18: f('tty', 'bool'),
  },
  ContainerPort: {1: f('name', 'string'), 2: f('hostPort', 'int'), 3: f('containerPort', 'int'), 4: f('protocol', 'string'), 5: f('hostIP', 'string')},
  EnvVar: {1: f('name', 'string'), 2: f('value', 'string')},
  ResourceRequirements: {1: f('limits', 'map:quantity'), 2: f('requests', 'map:quantity')},
  // policy/v1 (create poddisruptionbudget); the status the client sends is the server's to set
  PodDisruptionBudget: {1: f('metadata', 'ObjectMeta'), 2: f('spec', 'PodDisruptionBudgetSpec')},
  PodDisruptionBudgetSpec: {1: f('minAvailable', 'intstr', {keep: true}), 2: f('selector', 'LabelSelector'), 3: f('maxUnavailable', 'intstr', {keep: true}), 4: f('unhealthyPodEvictionPolicy', 'string')},
  // batch/v1 (create cronjob, create job [--from])
  CronJob: {1: f('metadata', 'ObjectMeta'), 2: f('spec', 'CronJobSpec')},
  CronJobSpec: {
    1: f('schedule', 'string'), 8: f('timeZone', 'string', {keep: true}), 2: f('startingDeadlineSeconds', 'int', {keep: true}), 3: f('concurrencyPolicy', 'string'), 4: f('suspend', 'bool', {keep: true}),
    5: f('jobTemplate', 'JobTemplateSpec', {keep: true}), 6: f('successfulJobsHistoryLimit', 'int', {keep: true}), 7: f('failedJobsHistoryLimit', 'int', {keep: true}),
  },
  JobTemplateSpec: {1: f('metadata', 'ObjectMeta', {keep: true}), 2: f('spec', 'JobSpec', {keep: true})},
  Job: {1: f('metadata', 'ObjectMeta'), 2: f('spec', 'JobSpec')},
  JobSpec: {
    1: f('parallelism', 'int', {keep: true}), 2: f('completions', 'int', {keep: true}), 3: f('activeDeadlineSeconds', 'int', {keep: true}), 7: f('backoffLimit', 'int', {keep: true}),
    12: f('backoffLimitPerIndex', 'int', {keep: true}), 13: f('maxFailedIndexes', 'int', {keep: true}), 4: f('selector', 'LabelSelector'), 5: f('manualSelector', 'bool', {keep: true}),
    6: f('template', 'PodTemplateSpec', {keep: true}), 8: f('ttlSecondsAfterFinished', 'int', {keep: true}), 9: f('completionMode', 'string', {keep: true}), 10: f('suspend', 'bool', {keep: true}),
    14: f('podReplacementPolicy', 'string', {keep: true}), 15: f('managedBy', 'string', {keep: true}),
  },
}
