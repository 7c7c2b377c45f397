// `taint`'s arguments as kubectl's taint/utils.go reads them: which arguments are taint changes, the
// `key=value:effect` / `key:effect` / `key-` forms with their client-side checks, and how the changes
// combine with a node's taints (added first, then the old ones kept, then removals).
import type {Taint} from 'kubernetes-types/core/v1.js'

import {isQualifiedName, isValidLabelValue} from '../../machinery/names.js'
import {CliError} from '../errors.js'

const EFFECTS = new Set(['NoSchedule', 'PreferNoSchedule', 'NoExecute'])

/** kubectl's taint Complete: an argument with `=`, `:` or a trailing `-` is a change; resources come first. */
export function splitTaintArgs(args: string[]): {resources: string[]; specs: string[]} {
  const resources: string[] = []
  const specs: string[] = []
  for (const a of args) {
    const isTaint = a.includes('=') || a.includes(':') || a.endsWith('-')
    if (isTaint) specs.push(a)
    else if (specs.length > 0) throw new CliError(`all resources must be specified before taint changes: ${a}`)
    else resources.push(a)
  }
  return {resources, specs}
}

/** parseTaint: `key`, `key:effect` or `key=value:effect`; errors are usage errors, as kubectl's are. */
export function parseTaint(spec: string): Taint {
  const parts = spec.split(':')
  let key: string
  let value = ''
  let effect = ''
  if (parts.length === 1) {
    key = parts[0]
  } else if (parts.length === 2) {
    effect = parts[1]
    if (!EFFECTS.has(effect)) throw new CliError(`invalid taint effect: ${effect}, unsupported taint effect`, true)
    const kv = parts[0].split('=')
    if (kv.length > 2) throw new CliError(`invalid taint spec: ${spec}`, true)
    key = kv[0]
    if (kv.length === 2) {
      value = kv[1]
      const errs = isValidLabelValue(value)
      if (errs.length > 0) throw new CliError(`invalid taint spec: ${spec}, ${errs.join('; ')}`, true)
    }
  } else {
    throw new CliError(`invalid taint spec: ${spec}`, true)
  }
  const errs = isQualifiedName(key)
  if (errs.length > 0) throw new CliError(`invalid taint spec: ${spec}, ${errs.join('; ')}`, true)
  return value ? {key, value, effect} : {key, effect}
}

/** parseTaints: the taints to add (each needs an effect, one per key and effect) and to remove. */
export function parseTaints(specs: string[]): {add: Taint[]; remove: Taint[]} {
  const add: Taint[] = []
  const remove: Taint[] = []
  for (const spec of specs) {
    if (spec.endsWith('-')) {
      const t = parseTaint(spec.slice(0, -1))
      remove.push({key: t.key, effect: t.effect})
      continue
    }
    const t = parseTaint(spec)
    if (!t.effect) throw new CliError(`invalid taint spec: ${spec}`, true)
    // Go's %v of a v1.Taint
    if (add.some((a) => a.key === t.key && a.effect === t.effect)) {
      throw new CliError(`duplicated taints with the same key and effect: {${t.key} ${t.value ?? ''} ${t.effect} <nil>}`, true)
    }
    add.push(t)
  }
  return {add, remove}
}

/** Validate's check that no taint is both added and removed (a removal without effect covers every effect). */
export function conflictingTaints(add: Taint[], remove: Taint[]): string[] {
  const out: string[] = []
  for (const a of add) {
    for (const r of remove) {
      if (a.key === r.key && (!r.effect || a.effect === r.effect)) out.push(`${r.key}=${r.effect}`)
    }
  }
  return out
}

/** v1.Taint.ToString, as kubectl names a taint it could not find. */
export function taintText(t: Taint): string {
  if (!t.effect) return t.value ? `${t.key}=${t.value}:` : t.key
  return t.value ? `${t.key}=${t.value}:${t.effect}` : `${t.key}:${t.effect}`
}

const sameTaint = (a: Taint, b: Taint): boolean => a.key === b.key && a.effect === b.effect

/** checkIfTaintsAlreadyExists: the keys of taints to add that the node has with the same effect. */
export function existingKeys(old: Taint[], add: Taint[]): string[] {
  return add.flatMap((a) => old.filter((o) => sameTaint(a, o)).map(() => a.key))
}

/**
 * reorganizeTaints: the node's new taints, the word kubectl prints (`tainted`, `untainted`, `modified`)
 * and the removals that matched nothing (`taint "k:NoSchedule" not found`).
 */
export function reorganizeTaints(old: Taint[], overwrite: boolean, add: Taint[], remove: Taint[]): {taints: Taint[]; operation: string; notFound: string[]} {
  let taints = [...add, ...old.filter((o) => !add.some((a) => sameTaint(a, o)))]
  const added = taints.length !== old.length
  const notFound: string[] = []
  let deleted = false
  for (const r of remove) {
    const kept = taints.filter((t) => (r.effect ? !sameTaint(r, t) : t.key !== r.key))
    // kubectl keeps only the last removal's outcome
    deleted = kept.length !== taints.length
    if (!deleted) notFound.push(`taint ${JSON.stringify(taintText(r))} not found`)
    taints = kept
  }
  const operation = (added && deleted) || overwrite ? 'modified' : added ? 'tainted' : 'untainted'
  return {taints, operation, notFound}
}
