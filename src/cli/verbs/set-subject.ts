// `set subject`: find the bindings (set-targets.ts), add the --user, --group and --serviceaccount subjects
// each lacks (users, groups and service accounts each sorted, as kubectl's sets.List; a service account
// without a namespace gets the command's), and write each changed binding back, printing kubectl's lines.
import {Args, Flags, type Interfaces} from '@oclif/core'

import type {Api} from '../../api/server.js'
import type {KObject} from '../../api/types.js'
import type {Target} from '../../cluster/clusters.js'

import {isStatusError} from '../../api/errors.js'
import {nameKind} from '../../printers/name.js'
import {CliError} from '../errors.js'
import {dryRunFlag} from '../flags.js'
import {printFlags, printerFor, printOptionsOf} from '../print/print-flags.js'
import {aggregateText} from './set-image.js'
import {findTargets, LookupErrors, type SetTarget} from './set-targets.js'
import type {Sinks} from './sinks.js'

export const setSubjectArgs = {
  resources: Args.string({description: 'TYPE NAME or TYPE/NAME'}),
}

export const setSubjectFlags = {
  all: Flags.boolean({description: 'Select all resources, in the namespace of the specified resource types', default: false}),
  'dry-run': dryRunFlag,
  'field-manager': Flags.string({description: 'Name of the manager used to track field ownership.', default: 'kubectl-set'}),
  filename: Flags.string({char: 'f', description: 'Filename, directory, or URL to files the resource to update the subjects', multiple: true, multipleNonGreedy: true}),
  local: Flags.boolean({description: 'If true, set subject will NOT contact api-server but run locally.', default: false}),
  ...printFlags,
  recursive: Flags.boolean({char: 'R', description: 'Process the directory used in -f, --filename recursively. Useful when you want to manage related manifests organized within the same directory.', default: false}),
  selector: Flags.string({char: 'l', description: "Selector (label query) to filter on, supports '=', '==', and '!='.(e.g. -l key1=value1,key2=value2). Matching objects must satisfy all of the specified label constraints."}),
  user: Flags.string({description: 'Usernames to bind to the role', multiple: true}),
  group: Flags.string({description: 'Groups to bind to the role', multiple: true}),
  serviceaccount: Flags.string({description: 'Service accounts to bind to the role', multiple: true}),
}

export type SetSubjectFlags = Interfaces.InferredFlags<typeof setSubjectFlags>

type Subject = {kind: string; apiGroup?: string; name: string; namespace?: string}

const sorted = (list: string[] | undefined): string[] => [...new Set(list ?? [])].sort()
const same = (a: Subject, b: Subject): boolean => a.kind === b.kind && (a.apiGroup ?? '') === (b.apiGroup ?? '') && a.name === b.name && (a.namespace ?? '') === (b.namespace ?? '')

/** SubjectOptions.Validate, in its order. */
function validate(flags: SetSubjectFlags, targets: SetTarget[]): void {
  if (flags.local && flags['dry-run'] === 'server') throw new CliError('cannot specify --local and --dry-run=server - did you mean --dry-run=client?')
  if (flags.all && flags.selector) throw new CliError('cannot set --all and --selector at the same time')
  if (!flags.user?.length && !flags.group?.length && !flags.serviceaccount?.length) throw new CliError('you must specify at least one value of user, group or serviceaccount')
  for (const sa of flags.serviceaccount ?? []) {
    const tokens = sa.split(':')
    if (tokens.length !== 2 || tokens[1] === '') throw new CliError('serviceaccount must be <namespace>:<name>')
    if (tokens[0] === '' && targets.some((t) => t.object.kind === 'ClusterRoleBinding')) throw new CliError('serviceaccount must be <namespace>:<name>, namespace must be specified')
  }
}

/** The subjects the flags name. */
function wanted(flags: SetSubjectFlags, namespace: string): Subject[] {
  return [
    ...sorted(flags.user).map((name) => ({kind: 'User', apiGroup: 'rbac.authorization.k8s.io', name})),
    ...sorted(flags.group).map((name) => ({kind: 'Group', apiGroup: 'rbac.authorization.k8s.io', name})),
    ...sorted(flags.serviceaccount).map((sa) => {
      const [ns, name] = sa.split(':')
      return {kind: 'ServiceAccount', name, namespace: ns || namespace}
    }),
  ]
}

/** addSubjects: appends the subjects the binding lacks; true when it changed. */
function addSubjects(obj: KObject, subjects: Subject[]): boolean {
  const existing = (obj.subjects ?? []) as Subject[]
  const added = subjects.filter((s) => !existing.some((e) => same(e, s)))
  if (added.length > 0) obj.subjects = [...existing, ...added]
  return added.length > 0
}

/** Runs `set subject`; returns kubectl's aggregate of what failed, if anything did. */
export function runSetSubject(api: Api | undefined, target: Target, args: string[], flags: SetSubjectFlags, sinks: Sinks): string[] {
  let targets: SetTarget[]
  try {
    targets = findTargets(api, target, {resources: args, files: flags.filename ?? [], recursive: flags.recursive, all: flags.all, selector: flags.selector, local: flags.local})
  } catch (error) {
    if (!(error instanceof LookupErrors)) throw error
    return [aggregateText(error.errors)]
  }
  validate(flags, targets)
  const subjects = wanted(flags, target.namespace)
  const errors: CliError[] = []
  const printer = printerFor(flags.output, {operation: 'subjects updated', dryRun: flags['dry-run'], ...printOptionsOf(flags)})
  const print = (obj: KObject, rt: SetTarget['rt']) => sinks.out(printer.print(obj, {kind: nameKind(rt)}))
  for (const t of targets) {
    if (t.object.kind !== 'RoleBinding' && t.object.kind !== 'ClusterRoleBinding') {
      errors.push(new CliError(`error: ${t.rt.plural}/${t.name} setting subjects is only supported for RoleBinding/ClusterRoleBinding\n`))
      continue
    }
    const after = structuredClone(t.object)
    if (!addSubjects(after, subjects)) continue
    if (flags.local || flags['dry-run'] === 'client') {
      print(after, t.rt)
      continue
    }
    try {
      print(api!.modify(t.rt, t.namespace, t.name, (o) => addSubjects(o, subjects), {dryRun: flags['dry-run'] === 'server'}), t.rt)
    } catch (error) {
      if (!isStatusError(error)) throw error
      errors.push(new CliError(`failed to patch subjects to rolebinding: ${error.message}`))
    }
  }
  return errors.length > 0 ? [aggregateText(errors)] : []
}
