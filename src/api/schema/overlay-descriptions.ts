// The 1.35 OpenAPI descriptions of the overlay's fields and structs (overlay.ts: what Kubernetes added
// after the kubernetes-types version the rest of the descriptions come from), and of the scalars whose
// schema kubernetes-types does not declare. An overlay field missing here has no description, as
// kubectl then prints `<no description>`.

/** Struct id → field → description. */
export const ADDED_DESCRIPTIONS: Record<string, Record<string, string>> = {
  'core/v1.Container': {
    restartPolicyRules:
      "Represents a list of rules to be checked to determine if the container should be restarted on exit. The rules are evaluated in order. Once a rule matches a container exit condition, the remaining rules are ignored. If no rule matches the container exit condition, the Container-level restart policy determines the whether the container is restarted or not. Constraints on the rules: - At most 20 rules are allowed. - Rules can have the same action. - Identical rules are not forbidden in validations. When rules are specified, container MUST set RestartPolicy explicitly even it if matches the Pod's RestartPolicy.",
  },
  'core/v1.ContainerRestartRule': {
    action: 'Specifies the action taken on a container exit if the requirements are satisfied. The only possible value is "Restart" to restart the container.',
    exitCodes: 'Represents the exit codes to check on container exits.',
  },
  'core/v1.ContainerUser': {
    linux:
      'Linux holds user identity information initially attached to the first process of the containers in Linux. Note that the actual running identity can be changed if the process has enough privilege to do so.',
  },
  'core/v1.ResourceStatus': {
    name: 'Name of the resource. Must be unique within the pod and in case of non-DRA resource, match one of the resources from the pod spec. For DRA resources, the value must be "claim:<claim_name>/<request>". When this status is reported about a container, the "claim_name" and "request" must match one of the claims of this container.',
    resources:
      'List of unique resources health. Each element in the list contains an unique resource ID and its health. At a minimum, for the lifetime of a Pod, resource ID must uniquely identify the resource allocated to the Pod on the Node. If other Pod on the same Node reports the status with the same resource ID, it must be the same resource they share. See ResourceID type definition for a specific format it has in various use cases.',
  },
  'core/v1.PodSpec': {
    hostnameOverride:
      "HostnameOverride specifies an explicit override for the pod's hostname as perceived by the pod. This field only specifies the pod's hostname and does not affect its DNS records. When this field is set to a non-empty string: - It takes precedence over the values set in `hostname` and `subdomain`. - The Pod's hostname will be set to this value. - `setHostnameAsFQDN` must be nil or set to false. - `hostNetwork` must be set to false.\n\nThis field must be a valid DNS subdomain as defined in RFC 1123 and contain at most 64 characters. Requires the HostnameOverride feature gate to be enabled.",
    resources:
      'Resources is the total amount of CPU and Memory resources required by all containers in the pod. It supports specifying Requests and Limits for "cpu", "memory" and "hugepages-" resource names only. ResourceClaims are not supported.\n\nThis field enables fine-grained control over resource allocation for the entire pod, allowing resource sharing among containers in a pod.\n\nThis is an alpha field and requires enabling the PodLevelResources feature gate.',
  },
  'core/v1.Lifecycle': {
    stopSignal:
      'StopSignal defines which signal will be sent to a container when it is being stopped. If not specified, the default is defined by the container runtime in use. StopSignal can only be set for Pods with a non-empty .spec.os.name',
  },
  'core/v1.PodStatus': {
    observedGeneration:
      'If set, this represents the .metadata.generation that the pod status was set based upon. The PodObservedGenerationTracking feature gate must be enabled to use this field.',
    extendedResourceClaimStatus: 'Status of extended resource claim backed by DRA.',
  },
  'apps/v1.ReplicaSetStatus': {
    terminatingReplicas:
      'The number of terminating pods for this replica set. Terminating pods have a non-null .metadata.deletionTimestamp and have not yet reached the Failed or Succeeded .status.phase.\n\nThis is a beta field and requires enabling DeploymentReplicaSetTerminatingReplicas feature (enabled by default).',
  },
  'core/v1.PodCondition': {
    observedGeneration:
      'If set, this represents the .metadata.generation that the pod condition was set based upon. The PodObservedGenerationTracking feature gate must be enabled to use this field.',
  },
  'apps/v1.DeploymentStatus': {
    terminatingReplicas:
      'Total number of terminating pods targeted by this deployment. Terminating pods have a non-null .metadata.deletionTimestamp and have not yet reached the Failed or Succeeded .status.phase.\n\nThis is a beta field and requires enabling DeploymentReplicaSetTerminatingReplicas feature (enabled by default).',
  },
}

/** Struct (or scalar) id → the description of the type itself. */
export const ADDED_STRUCT_DESCRIPTIONS: Record<string, string> = {
  'core/v1.ContainerRestartRule': 'ContainerRestartRule describes how a container exit is handled.',
  'core/v1.ContainerUser': 'ContainerUser represents user identity information',
  'core/v1.ResourceStatus': 'ResourceStatus represents the status of a single resource allocated to a Pod.',
  'util/intstr.IntOrString':
    'IntOrString is a type that can hold an int32 or a string.  When used in JSON or YAML marshalling and unmarshalling, it produces or consumes the inner type.  This allows you to have, for example, a JSON field that can accept a name or number.',
}
