// The kubelet's atomic writer (pkg/volume/util/atomic_writer.go), which is what users see in `ls -la`
// of a configMap, secret, downwardAPI or projected volume: the data lives in a timestamped folder
// `..2026_12_07_07_15_02.<random>` (mode 0755), `..data` is a symlink to it, and each top-level name of the
// payload is a symlink `name -> ..data/name`. An update writes a new timestamped folder, points a new
// `..data_tmp` link at it and renames that over `..data` (one atomic step: a reader sees the old files or
// the new, never a mix), then removes names that are gone and the old folder. A payload equal to what is
// on disk (data and modes) writes nothing.
import type {FileProjection} from './volume-files.js'

import {randomInt} from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'

const DATA = '..data'
const DATA_TMP = '..data_tmp'

const pad = (n: number): string => String(n).padStart(2, '0')

/** `..2006_01_02_15_04_05.` in UTC, then MkdirTemp's random digits. */
export function timestampDirName(now: Date, random: number): string {
  const d = now
  return `..${d.getUTCFullYear()}_${pad(d.getUTCMonth() + 1)}_${pad(d.getUTCDate())}_${pad(d.getUTCHours())}_${pad(d.getUTCMinutes())}_${pad(d.getUTCSeconds())}.${random}`
}

// whether every file is on disk in `tsDir` with the same data and mode, and no other file is there
function sameAsOnDisk(files: Map<string, FileProjection>, tsDir: string): boolean {
  for (const [p, f] of files) {
    try {
      const st = fs.lstatSync(path.join(tsDir, p))
      if (!st.isFile() || (st.mode & 0o7777) !== f.mode || !fs.readFileSync(path.join(tsDir, p)).equals(f.data)) return false
    } catch {
      return false
    }
  }
  return oldTopLevel(tsDir).every((n) => topLevel(files).has(n))
}

const topLevel = (files: Map<string, FileProjection>): Set<string> => new Set([...files.keys()].map((p) => p.split('/')[0]))

function oldTopLevel(tsDir: string): string[] {
  try {
    return fs.readdirSync(tsDir)
  } catch {
    return []
  }
}

/** Writes `files` into the volume folder `dir` (which exists); returns whether anything changed. */
export function writeAtomically(dir: string, files: Map<string, FileProjection>, now = new Date()): boolean {
  let oldTs: string | undefined
  try {
    oldTs = fs.readlinkSync(path.join(dir, DATA))
  } catch {
    oldTs = undefined
  }
  if (oldTs !== undefined && sameAsOnDisk(files, path.join(dir, oldTs))) return false
  const oldNames = oldTs === undefined ? [] : oldTopLevel(path.join(dir, oldTs))
  const tsName = timestampDirName(now, randomInt(0, 2 ** 32))
  const tsDir = path.join(dir, tsName)
  fs.mkdirSync(tsDir)
  fs.chmodSync(tsDir, 0o755)
  for (const [p, f] of files) {
    const file = path.join(tsDir, p)
    fs.mkdirSync(path.dirname(file), {recursive: true})
    fs.writeFileSync(file, f.data, {mode: f.mode})
    // the mode exactly, whatever the umask
    fs.chmodSync(file, f.mode)
  }
  const names = topLevel(files)
  for (const n of names) {
    if (!fs.lstatSync(path.join(dir, n), {throwIfNoEntry: false})) fs.symlinkSync(path.join(DATA, n), path.join(dir, n))
  }
  fs.rmSync(path.join(dir, DATA_TMP), {force: true})
  fs.symlinkSync(tsName, path.join(dir, DATA_TMP))
  fs.renameSync(path.join(dir, DATA_TMP), path.join(dir, DATA))
  for (const n of oldNames) if (!names.has(n)) fs.rmSync(path.join(dir, n), {force: true})
  if (oldTs !== undefined) fs.rmSync(path.join(dir, oldTs), {recursive: true, force: true})
  return true
}
