// What the `set` subcommands that change pod templates (image, env, resources) share, as kubectl's
// polymorphichelpers.UpdatePodSpecForObjectFn and set/helper.go do it: the pod spec of each kind that
// has one, container selection with kubectl's `*` wildcard, the object name its errors use, and the
// strategic merge patch (CreateTwoWayMergePatch of before and after) each change is sent as.
import type {Api} from '../../api/server.js'
import type {KObject} from '../../api/types.js'

import {twoWayPatch} from '../../api/patch/create-patch.js'
import type {Json} from '../../api/patch/merge-patch.js'
import {goJson} from '../../machinery/go-format.js'
import type {SetTarget} from './set-targets.js'

export interface Container {
  name?: string
  image?: string
  env?: EnvVar[]
  resources?: {limits?: Record<string, string>; requests?: Record<string, string>; [k: string]: unknown}
  [k: string]: unknown
}

export interface EnvVar {
  name: string
  value?: string
  valueFrom?: Record<string, Record<string, string> | undefined>
}

export interface PodSpec {
  containers?: Container[]
  initContainers?: Container[]
}

type Template = {spec?: PodSpec}

/**
 * The pod spec an object carries (pods) or stamps out (replication controllers, deployments, daemon
 * sets, replica sets, stateful sets, jobs, cron jobs), created empty where kubectl's typed object would
 * have it; undefined for any other kind.
 */
export function podSpecOf(obj: KObject): PodSpec | undefined {
  const spec = (obj.spec ??= {}) as {template?: Template; jobTemplate?: {spec?: {template?: Template}}}
  if (obj.kind === 'Pod') return spec as PodSpec
  if (obj.kind === 'CronJob') {
    const jobSpec = ((spec.jobTemplate ??= {}).spec ??= {})
    return ((jobSpec.template ??= {}).spec ??= {})
  }
  if (!['ReplicationController', 'Deployment', 'DaemonSet', 'ReplicaSet', 'StatefulSet', 'Job'].includes(obj.kind)) return undefined
  return ((spec.template ??= {}).spec ??= {})
}

/** The error kubectl's UpdatePodSpecForObjectFn gives for a kind without a pod template (`%T` of the typed object). */
export function noPodTemplate(t: SetTarget): string {
  return `the object is not a pod or does not have a pod template: *${t.rt.version}.${t.rt.kind}`
}

/** selectString: `*` matches all; otherwise the name, with non-greedy `*` wildcards inside. */
export function selectString(s: string, spec: string): boolean {
  if (spec === '*') return true
  if (!spec.includes('*')) return s === spec
  // kubectl's loop, kept with its quirks: each part is looked for from the previous match's start
  let pos = 0
  const parts = spec.split('*')
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i]
    if (part.length === 0) continue
    const found = s.slice(pos).indexOf(part)
    if (found < pos || (i === 0 && pos !== 0) || (i === parts.length - 1 && s.length !== part.length + found)) return false
    pos = found
  }
  return true
}

/** The containers, then the init containers, whose names match `pattern` (kubectl's order). */
export function selectContainers(spec: PodSpec, pattern: string): Container[] {
  const pick = (list: Container[] | undefined) => (list ?? []).filter((c) => selectString(c.name ?? '', pattern))
  return [...pick(spec.containers), ...pick(spec.initContainers)]
}

/** resource.Info.ObjectName: `deployments/x` for an object from the server, `deployment.apps/x` (and kubectl's stray newline) for a local one. */
export function objectName(t: SetTarget, local: boolean): string {
  if (!local) return `${t.rt.plural}/${t.name}`
  return t.rt.group ? `${t.rt.kind.toLowerCase()}.${t.rt.group}/${t.name}\n` : `${t.rt.kind.toLowerCase()}/${t.name}`
}

/** The strategic merge patch from `before` to `after`; undefined when it is `{}` (nothing changed). */
export function patchBetween(before: KObject, after: KObject): string | undefined {
  const patch = twoWayPatch(before as unknown as {[k: string]: Json}, after as unknown as {[k: string]: Json})
  return Object.keys(patch).length === 0 ? undefined : goJson(patch)
}

/** Sends the patch as kubectl's resource.Helper.Patch does (strategic merge; the command's field manager is the Api's). */
export function sendPatch(api: Api, t: SetTarget, patch: string, dryRun: boolean): KObject {
  return api.patch(t.rt, t.namespace, t.name, 'strategic', patch, {dryRun})
}
