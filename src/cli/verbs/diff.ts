// `diff -f`: kubectl's diff (cmd/diff/diff.go). Each object of the files is written twice as YAML, without
// its managedFields: as it lives on the server into a `LIVE-<n>` temporary directory, and as apply would
// leave it into `MERGED-<n>` (diff-merged.ts), each file named `[group.]version.Kind.namespace.name`;
// Secrets' data values masked. Then `diff -u -N LIVE MERGED` runs, or $KUBECTL_EXTERNAL_DIFF (its first word
// the program, the other words kept when they are plain `[a-zA-Z0-9-=]+`), and its exit status is the
// command's: 0 no differences, 1 differences; kubectl's own errors exit 2.
import {spawnSync} from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import type {Api} from '../../api/server.js'
import type {ResourceType} from '../../api/registry.js'
import type {KObject} from '../../api/types.js'
import type {Target} from '../../cluster/clusters.js'

import {isStatusError} from '../../api/errors.js'
import {goQuote} from '../../machinery/go-format.js'
import {CliError, errorText} from '../errors.js'
import {formatObjects} from '../print/objects.js'
import {resolveResources} from '../resource/files.js'
import {placeInNamespace} from '../resource/namespace.js'
import type {DiffFlags} from './diff-flags.js'
import {mergedObject, type MergeOptions} from './diff-merged.js'
import {fileSelector} from './manifest-documents.js'
import type {Sinks} from './sinks.js'

/** A new empty directory `<tmp>/<prefix>-<random>` (Go's os.MkdirTemp names). */
function tempDir(prefix: string): string {
  for (;;) {
    const name = path.join(os.tmpdir(), `${prefix}-${Math.floor(Math.random() * 2 ** 32)}`)
    try {
      fs.mkdirSync(name, {mode: 0o700})
      return name
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
    }
  }
}

/** The file name kubectl gives an object: `[group.]version.Kind.namespace.name`. */
function fileName(rt: ResourceType, namespace: string, name: string): string {
  return `${rt.group ? `${rt.group}.` : ''}${rt.version}.${rt.kind}.${namespace}.${name}`
}

/** kubectl's Masker: Secret data values as `***`, with `(before)`/`(after)` where a value changed. */
function masked(from: KObject | undefined, to: KObject): [KObject | undefined, KObject] {
  const a = {...((from?.data as Record<string, unknown> | undefined) ?? {})}
  const b = {...((to.data as Record<string, unknown> | undefined) ?? {})}
  for (const k of Object.keys(a)) {
    if (k in b) {
      if (a[k] !== b[k]) {
        a[k] = '*** (before)'
        b[k] = '*** (after)'
        continue
      }
      b[k] = '***'
    }
    a[k] = '***'
  }
  for (const k of Object.keys(b)) if (!(k in a)) b[k] = '***'
  return [from && from.data !== undefined ? {...from, data: a} : from, to.data !== undefined ? {...to, data: b} : to]
}

/** The diff program and its arguments around the two directories. */
function diffCommand(from: string, to: string, env: NodeJS.ProcessEnv): {program: string; args: string[]} {
  const external = env.KUBECTL_EXTERNAL_DIFF
  if (!external) return {program: 'diff', args: ['-u', '-N', from, to]}
  const [program, ...rest] = external.split(' ')
  return {program: program!, args: [from, to, ...rest.filter((a) => /^[a-zA-Z0-9-=]+$/.test(a))]}
}

/** Runs the diff program; its exit status (0 or 1), or throws kubectl's error for anything else. */
function runProgram(from: string, to: string): number {
  const {program, args} = diffCommand(from, to, process.env)
  const r = spawnSync(program, args, {stdio: ['ignore', 'inherit', 'inherit']})
  if (r.error) {
    const why = (r.error as NodeJS.ErrnoException).code === 'ENOENT' ? 'executable file not found in $PATH' : r.error.message
    throw new CliError(`failed to run ${goQuote(program)}: ${why}`)
  }
  if (r.status === 0 || r.status === 1) return r.status
  throw new CliError(`failed to run ${goQuote(program)}: ${r.status === null ? `signal: ${r.signal}` : `exit status ${r.status}`}`)
}

/** Writes the LIVE and MERGED files of every object. */
function writeVersions(api: Api, target: Target, flags: DiffFlags, dirs: {live: string; merged: string}, sinks: Sinks): void {
  const found = resolveResources(api, {namespace: target.namespace, enforceNamespace: target.namespaceExplicit, files: flags.filename ?? [], recursive: flags.recursive})
  if (found.errors.length > 0) throw found.errors[0]
  const matches = fileSelector(flags.selector)
  const opts: MergeOptions = {serverSide: flags['server-side'], fieldManager: flags['field-manager'] ?? (flags['server-side'] ? 'kubectl' : 'kubectl-client-side-apply'), force: flags['force-conflicts']}
  for (const info of found.infos) {
    const obj = placeInNamespace(info.object!, info.rt, target)
    if (!matches(obj)) continue
    const namespace = info.rt.namespaced ? (obj.metadata.namespace ?? '') : ''
    const live = api.peek(info.rt.kind, namespace, obj.metadata.name ?? '')
    let merged: KObject
    try {
      merged = mergedObject(api, info.rt, obj, live, opts)
    } catch (error) {
      // kubectl tries a conflicting object 4 times, warning before the last try, which goes without the lock
      if (isStatusError(error, 'Conflict')) sinks.err(klogWarning(`Object (${info.rt.group}/${info.rt.version}, Kind=${info.rt.kind}: ${obj.metadata.name}) keeps changing, diffing without lock`))
      throw error
    }
    let shown = live
    if (info.rt.kind === 'Secret' && info.rt.group === '') [shown, merged] = masked(live, merged)
    const name = fileName(info.rt, namespace, obj.metadata.name ?? '')
    fs.writeFileSync(path.join(dirs.live, name), shown ? formatObjects([shown], 'yaml') : '', {mode: 0o700})
    fs.writeFileSync(path.join(dirs.merged, name), formatObjects([merged], 'yaml'), {mode: 0o700})
    if (live?.metadata.deletionTimestamp) sinks.err(`Warning: Detected changes to resource ${live.metadata.name} which is currently being deleted.`)
  }
}

/** A klog warning line as kubectl's diff.go prints it (local time, this process's id). */
function klogWarning(message: string, now = new Date()): string {
  const p = (n: number, w = 2) => String(n).padStart(w, '0')
  const time = `${p(now.getMonth() + 1)}${p(now.getDate())} ${p(now.getHours())}:${p(now.getMinutes())}:${p(now.getSeconds())}.${p(now.getMilliseconds() * 1000, 6)}`
  return `W${time} ${String(process.pid).padStart(7)} diff.go:721] ${message}`
}

/** kubectl's checks before anything is read. */
export function validateDiff(args: string[], flags: DiffFlags): void {
  if ((flags.filename ?? []).length === 0) throw new CliError('must specify one of -f and -k')
  if (args.length > 0) throw new CliError(`Unexpected args: [${args.join(' ')}]`, true)
  if (flags['force-conflicts'] && !flags['server-side']) throw new CliError('--force-conflicts only works with --server-side')
}

/** Runs `diff`; returns the exit status: the diff program's 0 or 1, or 2 after printing kubectl's error. */
export function runDiff(api: Api, target: Target, flags: DiffFlags, sinks: Sinks, commandId: string, bin: string): number {
  const dirs = {live: tempDir('LIVE'), merged: tempDir('MERGED')}
  try {
    writeVersions(api, target, flags, dirs, sinks)
    return runProgram(dirs.live, dirs.merged)
  } catch (error) {
    sinks.err(errorText(error, commandId, bin))
    return 2
  } finally {
    fs.rmSync(dirs.live, {recursive: true, force: true})
    fs.rmSync(dirs.merged, {recursive: true, force: true})
  }
}
