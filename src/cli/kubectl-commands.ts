// The commands of kubectl 1.35 (`kubectl help`, and the subcommands of the groups ksim has too), so that
// a kubectl command ksim lacks (`logs`, `edit`, `config view`, `create job`) is answered plainly,
// not with cobra's unknown-command text or a wrong suggestion (`edit` -> `wait`).

const TOP = `create expose run set explain get edit delete rollout scale autoscale certificate cluster-info top cordon
uncordon drain taint describe logs attach exec port-forward proxy cp auth debug events diff apply patch replace
wait kustomize label annotate completion alpha api-resources api-versions config plugin version`

/** The subcommands of kubectl's groups (aliases too), by group path. */
const SUB: Record<string, string> = {
  create: `clusterrole clusterrolebinding configmap cm cronjob cj deployment deploy ingress ing job namespace ns
poddisruptionbudget pdb priorityclass pc quota resourcequota role rolebinding secret service svc serviceaccount sa token`,
  'create secret': 'docker-registry generic tls',
  'create service': 'clusterip externalname loadbalancer nodeport',
  'create svc': 'clusterip externalname loadbalancer nodeport',
  set: 'env image resources selector serviceaccount sa subject',
  config: `current-context delete-cluster delete-context delete-user get-clusters get-contexts get-users rename-context
set set-cluster set-context set-credentials unset use-context view`,
  rollout: 'history pause restart resume status undo',
}

const PATHS = new Set([
  ...TOP.split(/\s+/),
  ...Object.entries(SUB).flatMap(([group, subs]) => subs.split(/\s+/).map((s) => `${group} ${s}`)),
])

/**
 * The kubectl command ksim lacks that the leading `words` name (`config view`), or undefined. `isPath(id)`
 * says whether ksim has the command or group `id` (`create:secret`); the longest kubectl command
 * among the leading words beyond the longest ksim has is the answer.
 */
export function missingKubectlCommand(words: string[], isPath: (id: string) => boolean): string | undefined {
  let depth = 0
  for (let k = 1; k <= words.length; k++) if (isPath(words.slice(0, k).join(':'))) depth = k
  let wanted: string | undefined
  for (let k = depth + 1; k <= words.length; k++) {
    const path = words.slice(0, k).join(' ')
    if (PATHS.has(path)) wanted = path
  }
  return wanted
}

/** What ksim says for a kubectl command it does not have (stderr, exit 1). */
export function missingCommandText(command: string, bin: string): string {
  return `error: "${command}" is a kubectl command that ${bin} does not have yet\nSee '${bin} help' for the commands it has\n`
}
