// `rollout pause | resume | restart | history | undo` (kubectl pkg/cmd/rollout and polymorphichelpers):
// find the objects as kubectl's builder does (TYPE, TYPE NAME..., TYPE/NAME..., -l, -f; a missing one is
// an error that does not stop the others), then change or read each Deployment. Other kinds get
// kubectl's "not supported" errors.
import type {ResourceType} from '../../api/registry.js'
import type {Api} from '../../api/server.js'
import type {KObject} from '../../api/types.js'

import {HASH_LABEL, REVISION, revisionNumber, templateWithoutHash, type TemplateLike} from '../../api/deployment-revisions.js'
import {isStatusError} from '../../api/errors.js'
import {lookupKind} from '../../api/registry.js'
import {nameKind} from '../../printers/name.js'
import {describePodTemplate} from '../../printers/describe/pod-template.js'
import {PrefixWriter} from '../../printers/describe/prefix-writer.js'
import {resolveResources} from '../resource/files.js'
import {CliError} from '../errors.js'
import type {Sinks} from './sinks.js'
import {printerFor, printOptionsOf} from '../print/print-flags.js'
import {appsHistory, appsRollback, REVISION_KINDS} from './rollout-apps.js'

/** How the objects are named on the command line. */
export interface RolloutSelection {
  args: string[]
  files: string[]
  recursive: boolean
  selector?: string
  namespace: string
}

/** One object found, with the file that named it (for error messages). */
export interface RolloutTarget {
  rt: ResourceType
  obj: KObject
  source?: string
}

/** What the builder yields: the objects found, in order, and the errors met on the way. */
export interface RolloutTargets {
  targets: RolloutTarget[]
  errors: unknown[]
}

const DEPLOYMENT = 'Deployment'
const CHANGE_CAUSE = 'kubernetes.io/change-cause'
const RESTARTED_AT = 'kubectl.kubernetes.io/restartedAt'
/** Deployment annotations a rollback keeps from the Deployment rather than taking from the ReplicaSet. */
const ANNOTATIONS_TO_SKIP = new Set(['kubectl.kubernetes.io/last-applied-configuration', REVISION, 'deployment.kubernetes.io/revision-history', 'deployment.kubernetes.io/desired-replicas', 'deployment.kubernetes.io/max-replicas', 'deprecated.deployment.rollback.to'])

/** ResourceTypeOrNameArgs(true, ...) with -l and -f, ContinueOnError, Latest. Bad arguments throw. */
export function rolloutTargets(api: Api, sel: RolloutSelection): RolloutTargets {
  if (sel.args.length === 0 && sel.files.length === 0) throw new CliError('required resource not specified')
  const {infos, errors} = resolveResources(api, {
    namespace: sel.namespace,
    args: sel.args,
    files: sel.files,
    recursive: sel.recursive,
    selector: sel.selector,
    latest: true,
    fetchVerb: 'retrieving',
    continueOnError: false,
  })
  return {targets: infos.map((i) => ({rt: i.rt, obj: i.object!, source: i.source})), errors}
}

/** schema.GroupKind's String(): `ReplicaSet.apps`, `Pod`. */
const groupKind = (rt: ResourceType): string => (rt.group ? `${rt.kind}.${rt.group}` : rt.kind)

/** `deployments.apps "web"`: how kubectl names an object in a polymorphic helper's error. */
function resourceString(t: RolloutTarget): string {
  return `${t.rt.plural}${t.rt.group ? `.${t.rt.group}` : ''} "${t.obj.metadata.name}"`
}

/** What kubectl's polymorphic helper refuses (`is already paused`), reported after the object's name. */
export class RolloutRefusal extends Error {
  override name = 'RolloutRefusal'
}

/** A change to one object; throws a RolloutRefusal where kubectl's helper returns an error. */
type Mutation = (obj: KObject) => void

/** pause / resume / restart, as kubectl's ObjectPauser, ObjectResumer and ObjectRestarter. */
export function rolloutMutation(op: 'pause' | 'resume' | 'restart', kind: string, now: Date): Mutation {
  const unsupported = {pause: 'pausing is not supported', resume: 'resuming is not supported', restart: 'restarting is not supported'}[op]
  if (op === 'restart' && REVISION_KINDS.has(kind)) {
    // ObjectRestarter: StatefulSets and DaemonSets get the annotation whatever their strategy
    return (o) => {
      const spec = o.spec as {template?: TemplateLike}
      const template = {...spec.template}
      template.metadata = {...template.metadata, annotations: {...template.metadata?.annotations, [RESTARTED_AT]: rfc3339Local(now)}}
      spec.template = template
    }
  }
  if (kind !== DEPLOYMENT) {
    return () => {
      throw new RolloutRefusal(unsupported)
    }
  }
  return (d) => {
    const spec = d.spec as {paused?: boolean; template?: TemplateLike}
    if (op === 'pause') {
      if (spec.paused) throw new RolloutRefusal('is already paused')
      spec.paused = true
    } else if (op === 'resume') {
      if (!spec.paused) throw new RolloutRefusal('is not paused')
      delete spec.paused
    } else {
      if (spec.paused) throw new RolloutRefusal("can't restart paused deployment (run rollout resume first)")
      const template = {...spec.template}
      // time.Now().Format(time.RFC3339): whole seconds, this machine's offset
      template.metadata = {...template.metadata, annotations: {...template.metadata?.annotations, [RESTARTED_AT]: rfc3339Local(now)}}
      spec.template = template
    }
  }
}

/** Go's time.RFC3339 in the local zone: `2026-11-27T04:05:06Z` in UTC, `...+01:00` elsewhere. */
export function rfc3339Local(t: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0')
  const offset = -t.getTimezoneOffset()
  const zone = offset === 0 ? 'Z' : `${offset > 0 ? '+' : '-'}${pad(Math.trunc(Math.abs(offset) / 60))}:${pad(Math.abs(offset) % 60)}`
  return `${t.getFullYear()}-${pad(t.getMonth() + 1)}-${pad(t.getDate())}T${pad(t.getHours())}:${pad(t.getMinutes())}:${pad(t.getSeconds())}${zone}`
}

/** The change `rollout pause`, `resume` or `restart` makes. */
export type RolloutOp = 'pause' | 'resume' | 'restart'

const PAST = {pause: 'paused', resume: 'resumed', restart: 'restarted'}

/**
 * Runs pause / resume / restart over the targets; returns how many objects it wrote and the errors to
 * report (kubectl aggregates them after printing what succeeded). Nothing found at all prints
 * kubectl's "No resources found" line.
 */
export function runPatchRollout(api: Api, found: RolloutTargets, op: RolloutOp, flags: {output?: string; template?: string; 'show-managed-fields'?: boolean; 'allow-missing-template-keys'?: boolean}, sinks: Sinks, namespace: string): {written: number; errors: unknown[]} {
  const errors = [...found.errors]
  let written = 0
  if (found.targets.length === 0 && errors.length === 0) {
    sinks.err(`No resources found in ${namespace} namespace.`)
    return {written, errors}
  }
  for (const t of found.targets) {
    const mutate = rolloutMutation(op, t.rt.kind, api.clock.now())
    const changed = structuredClone(t.obj)
    try {
      mutate(changed)
    } catch (error) {
      if (!(error instanceof RolloutRefusal)) throw error
      errors.push(new CliError(`error: ${resourceString(t)} ${error.message}`))
      continue
    }
    if (JSON.stringify(changed) === JSON.stringify(t.obj)) {
      // restart twice within a second: the same annotation, an empty patch
      errors.push(new CliError(`failed to create patch for ${t.obj.metadata.name}: if restart has already been triggered within the past second, please wait before attempting to trigger another`))
      continue
    }
    let result: KObject
    try {
      result = api.modify(t.rt, t.obj.metadata.namespace ?? '', t.obj.metadata.name!, (o) => mutate(o))
    } catch (error) {
      // the object changed since it was read (another writer paused it): kubectl's patch would fail too
      if (error instanceof RolloutRefusal) errors.push(new CliError(`error: ${resourceString(t)} ${error.message}`))
      else if (isStatusError(error)) errors.push(new CliError(`failed to patch: ${error.message}`))
      else throw error
      continue
    }
    written++
    // kubectl makes a printer per object: no `---` between YAML documents
    sinks.out(printerFor(flags.output, {operation: PAST[op], ...printOptionsOf(flags)}).print(result))
  }
  return {written, errors}
}

/** The Deployment's ReplicaSets (controlled by it), as getDeploymentReplicaSets finds them. */
function replicaSetsOf(api: Api, d: KObject): KObject[] {
  const rsType = lookupKind('apps/v1', 'ReplicaSet')!
  return api.list(rsType, d.metadata.namespace).items.filter((rs) => (rs.metadata.ownerReferences ?? []).some((r) => r.controller && r.uid === d.metadata.uid))
}

/** printTemplate: DescribePodTemplate through a plain prefix writer (tabs left as they are). */
export function printTemplate(template: TemplateLike | undefined): string {
  const w = new PrefixWriter({aligned: false})
  describePodTemplate(template as never, w)
  return w.toString()
}

/** DeploymentHistoryViewer.ViewHistory: the revision table, or one revision's template. */
export function viewHistory(api: Api, d: KObject, revision: number): string {
  const history = new Map<number, TemplateLike>()
  for (const rs of replicaSetsOf(api, d)) {
    const v = revisionNumber(rs)
    if (v === undefined) continue
    const template = structuredClone(((rs.spec as {template?: TemplateLike}).template ?? {}) as TemplateLike)
    const cause = rs.metadata.annotations?.[CHANGE_CAUSE]
    template.metadata = {...template.metadata, annotations: {...template.metadata?.annotations, ...(cause ? {[CHANGE_CAUSE]: cause} : {})}}
    history.set(v, template)
  }
  if (history.size === 0) return 'No rollout history found.'
  if (revision > 0) {
    const template = history.get(revision)
    if (!template) throw new CliError('unable to find the specified revision')
    return printTemplate(template)
  }
  const rows = [...history.keys()].sort((a, b) => a - b).map((r) => [String(r), history.get(r)!.metadata?.annotations?.[CHANGE_CAUSE] || '<none>'])
  const width = Math.max('REVISION'.length, ...rows.map(([r]) => r.length)) + 2
  return [['REVISION', 'CHANGE-CAUSE'], ...rows].map(([r, c]) => `${r.padEnd(width)}${c}\n`).join('')
}

/** `rollout history`'s line for one object: kubectl's name printer with the history as its operation. */
export function historyText(api: Api, t: RolloutTarget, revision: number): string {
  if (t.rt.kind !== DEPLOYMENT && !REVISION_KINDS.has(t.rt.kind)) throw new CliError(`no history viewer has been implemented for "${groupKind(t.rt)}"`)
  const info = t.rt.kind === DEPLOYMENT ? viewHistory(api, t.obj, revision) : appsHistory(api, t.obj, revision, printTemplate)
  return `${nameKind(t.rt)}/${t.obj.metadata.name} ${revision > 0 ? `with revision #${revision}` : ''}\n${info}\n`
}

/** deploymentRevision: the ReplicaSet of `toRevision`, or (0) of the revision before the latest. */
function replicaSetForRevision(api: Api, d: KObject, toRevision: number): KObject {
  let latest: {rev: number; rs?: KObject} = {rev: -1}
  let previous: {rev: number; rs?: KObject} = {rev: -1}
  for (const rs of replicaSetsOf(api, d)) {
    const v = revisionNumber(rs)
    if (v === undefined) continue
    if (toRevision > 0) {
      if (v === toRevision) return rs
      continue
    }
    if (latest.rev < v) {
      previous = latest
      latest = {rev: v, rs}
    } else if (previous.rev < v) {
      previous = {rev: v, rs}
    }
  }
  if (toRevision > 0) throw new CliError(`unable to find specified revision ${toRevision} in history`)
  if (!previous.rs) throw new CliError(`no rollout history found for deployment "${d.metadata.name}"`)
  return previous.rs
}

/**
 * DeploymentRollbacker.Rollback: puts the template (and annotations) of a former revision back into
 * the Deployment; returns the operation kubectl prints after the name ("rolled back", a skip, or for
 * --dry-run=client the template that would be restored).
 */
export function rollback(api: Api, t: RolloutTarget, toRevision: number, dryRun: 'none' | 'client' | 'server'): string {
  if (REVISION_KINDS.has(t.rt.kind)) return appsRollback(api, t.obj, toRevision, dryRun, printTemplate)
  if (t.rt.kind !== DEPLOYMENT) throw new CliError(`no rollbacker has been implemented for "${groupKind(t.rt)}"`)
  if (toRevision < 0) throw new CliError(`unable to find specified revision ${toRevision} in history`)
  const d = api.get(t.rt, t.obj.metadata.namespace ?? '', t.obj.metadata.name!)
  const rs = replicaSetForRevision(api, d, toRevision)
  const rsTemplate = (rs.spec as {template?: TemplateLike}).template
  if (dryRun === 'client') return printTemplate(rsTemplate)
  const spec = d.spec as {paused?: boolean; template?: TemplateLike}
  if (spec.paused) throw new CliError("you cannot rollback a paused deployment; resume it first with 'kubectl rollout resume' and try again")
  if (templateWithoutHash(rsTemplate) === templateWithoutHash(spec.template)) return `skipped rollback (current template already matches revision ${toRevision})`
  const template = structuredClone(rsTemplate ?? {})
  if (template.metadata?.labels) {
    const labels = {...template.metadata.labels}
    delete labels[HASH_LABEL]
    template.metadata = {...template.metadata, labels}
  }
  const annotations: Record<string, string> = {}
  for (const [k, v] of Object.entries(d.metadata.annotations ?? {})) if (ANNOTATIONS_TO_SKIP.has(k)) annotations[k] = v
  for (const [k, v] of Object.entries(rs.metadata.annotations ?? {})) if (!ANNOTATIONS_TO_SKIP.has(k)) annotations[k] = v
  try {
    api.modify(
      t.rt,
      d.metadata.namespace ?? '',
      d.metadata.name!,
      (o) => {
        ;(o.spec as {template?: TemplateLike}).template = template
        o.metadata.annotations = annotations
      },
      {dryRun: dryRun === 'server'},
    )
  } catch (error) {
    if (!isStatusError(error)) throw error
    throw new CliError(`failed restoring revision ${toRevision}: ${error.message}`)
  }
  return 'rolled back'
}
