// kubectl's command groups (kubectl's cmd.go): the root help page lists commands by them, and an unknown
// command's suggestions follow their order, as cobra keeps the order kubectl added its commands in.

/** kubectl's command groups, in kubectl's order, with ksim's own `cluster` and `node` where they fit. */
export const COMMAND_GROUPS: Array<[title: string, names: string[]]> = [
  ['Basic Commands (Beginner):', ['create', 'expose', 'run', 'set']],
  ['Basic Commands (Intermediate):', ['explain', 'get', 'edit', 'delete']],
  ['Deploy Commands:', ['rollout', 'scale', 'autoscale']],
  ['Cluster Management Commands:', ['cluster', 'node', 'certificate', 'cluster-info', 'top', 'cordon', 'uncordon', 'drain', 'taint']],
  ['Troubleshooting and Debugging Commands:', ['describe', 'logs', 'attach', 'exec', 'port-forward', 'proxy', 'cp', 'auth', 'debug', 'events']],
  ['Advanced Commands:', ['diff', 'apply', 'patch', 'replace', 'wait', 'kustomize']],
  ['Settings Commands:', ['label', 'annotate', 'completion']],
]
