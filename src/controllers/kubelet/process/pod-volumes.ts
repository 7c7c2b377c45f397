// A process pod's volumes on disk, where a kubelet keeps them (/var/lib/kubelet/pods/<uid>/volumes/...):
// the cluster's `pods/<uid>/volumes/kubernetes.io~<plugin>/<volume>` folder, beside `containers/`. An
// emptyDir is a folder (mode 0777; `medium: Memory` is a folder too, not a tmpfs, shown with tmpfs's
// 1777; `sizeLimit` is not enforced); configMap, secret, downwardAPI and projected volumes are their
// files written by the atomic writer, rewritten when what they are made of changes (a volume whose
// source has gone keeps its last files). Keyed by pod uid, so a restarted reconciler finds them again,
// and container restarts keep an emptyDir's content; removed with the pod. Other volume types (hostPath,
// persistentVolumeClaim, ...) have no folder: their mounts are left out.
import type {Pod, Volume} from 'kubernetes-types/core/v1.js'
import type {ObjectLookup} from '../config.js'

import {createHash} from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'

import {writeAtomically} from './atomic-writer.js'
import {reapPod} from './reap.js'
import {volumePayload, type FileProjection} from './volume-files.js'

/** The folder of every pod's volumes: `pods/` beside the containers' folder. */
export const podsDirOf = (containersRoot: string): string => path.join(path.dirname(containersRoot), 'pods')

/** The folder of one pod (its uid). */
export const podDirOf = (containersRoot: string, uid: string): string => path.join(podsDirOf(containersRoot), uid)

// the kubelet's plugin folder names
function pluginOf(v: Volume): string | undefined {
  if (v.emptyDir) return 'kubernetes.io~empty-dir'
  if (v.configMap) return 'kubernetes.io~configmap'
  if (v.secret) return 'kubernetes.io~secret'
  if (v.downwardAPI) return 'kubernetes.io~downward-api'
  if (v.projected) return 'kubernetes.io~projected'
  return undefined
}

/** The folder of a volume of the pod, undefined for a volume type the process runtime does not make. */
export function volumeDirOf(containersRoot: string, uid: string, v: Volume): string | undefined {
  const plugin = pluginOf(v)
  return plugin ? path.join(podDirOf(containersRoot, uid), 'volumes', plugin, v.name) : undefined
}

// what was last written to each volume folder, so an unchanged payload costs no reads
const written = new Map<string, string>()

function digest(files: Map<string, FileProjection>): string {
  const h = createHash('sha256')
  for (const p of [...files.keys()].sort()) h.update(`${p}\0${files.get(p)!.mode}\0`).update(files.get(p)!.data).update('\0')
  return h.digest('hex')
}

// a volume folder with its mode exactly (a secret's, an in-memory emptyDir's: tmpfs's sticky 1777)
function makeDir(dir: string, mode: number): void {
  if (fs.statSync(dir, {throwIfNoEntry: false})?.isDirectory()) return
  fs.mkdirSync(dir, {recursive: true})
  fs.chmodSync(dir, mode)
}

/**
 * Makes the pod's folder and every volume the runtime supports, and brings file volumes up to date.
 * Returns the folders by volume name.
 */
export function setUpPodVolumes(containersRoot: string, pod: Pod, lookup: ObjectLookup): Map<string, string> {
  const uid = pod.metadata?.uid ?? ''
  const dirs = new Map<string, string>()
  fs.mkdirSync(podDirOf(containersRoot, uid), {recursive: true, mode: 0o750})
  for (const v of pod.spec?.volumes ?? []) {
    const dir = volumeDirOf(containersRoot, uid, v)
    if (!dir) continue
    dirs.set(v.name, dir)
    const tmpfsLike = v.secret || v.emptyDir?.medium === 'Memory'
    makeDir(dir, tmpfsLike ? 0o1777 : 0o777)
    const payload = volumePayload(pod, v, lookup)
    // an emptyDir has no payload; a source that went away keeps the files it last had
    if (!payload || 'error' in payload) continue
    const sum = digest(payload.files)
    if (written.get(dir) === sum) continue
    writeAtomically(dir, payload.files)
    written.set(dir, sum)
  }
  return dirs
}

/** Removes the pod's folder and its volumes (its containers are gone). */
export function removePodVolumes(containersRoot: string, uid: string): void {
  const dir = podDirOf(containersRoot, uid)
  for (const k of written.keys()) if (k.startsWith(dir + path.sep)) written.delete(k)
  fs.rmSync(dir, {recursive: true, force: true})
}

/** The uids of the pods that have a folder. */
export function podUIDsOnDisk(containersRoot: string): string[] {
  try {
    return fs.readdirSync(podsDirOf(containersRoot))
  } catch {
    return []
  }
}

/**
 * The kubelet's housekeeping (cleanupOrphanedPodDirs): a pod folder whose pod is no longer in the API
 * (deleted while no reconciler ran) has its processes killed and its folder removed.
 */
export function removeOrphanedPods(containersRoot: string, knownUIDs: () => Set<string>): void {
  const onDisk = podUIDsOnDisk(containersRoot)
  // the known uids are every pod's: asked for only when some pod has a folder (the simulated runtime
  // makes none, and building the set at each of 500 nodes' heartbeats was most of an idle reconciler
  // at 30,000 pods)
  if (onDisk.length === 0) return
  const known = knownUIDs()
  for (const uid of onDisk) {
    if (known.has(uid)) continue
    reapPod(containersRoot, uid)
    removePodVolumes(containersRoot, uid)
  }
}
