// The field manager each verb's writes record, as kubectl 1.35 sends it: the verb's --field-manager
// default (kubectl-create, kubectl-label, ...), or, for verbs without that flag (scale, cordon, drain,
// rollout undo, delete), the API server's default from kubectl's user agent: "kubectl".
const BY_COMMAND: Record<string, string> = {
  create: 'kubectl-create',
  apply: 'kubectl-client-side-apply',
  label: 'kubectl-label',
  annotate: 'kubectl-annotate',
  edit: 'kubectl-edit',
  patch: 'kubectl-patch',
  replace: 'kubectl-replace',
  run: 'kubectl-run',
  expose: 'kubectl-expose',
  set: 'kubectl-set',
  taint: 'kubectl-taint',
  autoscale: 'kubectl-autoscale',
  'rollout:restart': 'kubectl-rollout',
  'rollout:pause': 'kubectl-rollout',
  'rollout:resume': 'kubectl-rollout',
}

/** The manager for command `id` (oclif's `create:deployment`), a --field-manager given winning. */
export function fieldManagerOf(id: string | undefined, flags: Record<string, unknown>): string {
  const given = flags['field-manager']
  if (typeof given === 'string' && given !== '') return given
  if (!id) return 'kubectl'
  return BY_COMMAND[id] ?? BY_COMMAND[id.split(':')[0]] ?? 'kubectl'
}
