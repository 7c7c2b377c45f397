// Which kubeconfig files a command reads and writes, as kubectl's loading rules (client-go clientcmd):
// `--kubeconfig FILE` alone; else the files of $KUBECONFIG (a `:` list, duplicates dropped); else ksim's
// own, KSIM_HOME/kubeconfig. The files merge with the first file winning per cluster, user and context
// name and for current-context. A change goes back entry by entry: to the file that defined the entry,
// a new one to the default file (the explicit one; else the first existing file of the list, else its
// last), a changed current-context to the first file that sets one. Every change runs holding each
// file's `.lock`, and each file is one atomic write.
import fs from 'node:fs'
import path from 'node:path'

import {writeFileAtomic} from './atomic-write.js'
import {withFileLock} from './file-lock.js'
import {cloneKubeconfig, emptyKubeconfig, parseKubeconfig, serialiseKubeconfig, type Entry, type Kubeconfig} from './kubeconfig.js'
import {migrateLegacyConfig} from './legacy-config.js'
import {ksimHome} from './paths.js'
import {checkedHome} from './private-dir.js'

let explicitFile: string | undefined
let onLoad: ((file: string) => void) | undefined

/** Called with each file read (the CLI logs them at -v=6, as kubectl does). */
export function onKubeconfigFileLoaded(fn: (file: string) => void): void {
  onLoad = fn
}

/** The value of --kubeconfig for this process ('' or undefined: none). */
export function setExplicitKubeconfig(file: string | undefined): void {
  explicitFile = file ? path.resolve(file) : undefined
}

/** ksim's own kubeconfig, used when neither --kubeconfig nor KUBECONFIG names one. */
export function ksimKubeconfig(): string {
  return path.join(ksimHome(), 'kubeconfig')
}

export function isExplicit(): boolean {
  return explicitFile !== undefined
}

/** Whether the files are ksim's own (no --kubeconfig, no KUBECONFIG): only there does a first command make a cluster. */
export function isKsimDefault(): boolean {
  return explicitFile === undefined && envFiles().length === 0
}

function envFiles(): string[] {
  const env = process.env.KUBECONFIG ?? ''
  const files: string[] = []
  for (const f of env.split(path.delimiter)) if (f !== '' && !files.includes(path.resolve(f))) files.push(path.resolve(f))
  return files
}

/** The files read, in precedence order. */
export function loadingPrecedence(): string[] {
  if (explicitFile) return [explicitFile]
  const env = envFiles()
  return env.length > 0 ? env : [ksimKubeconfig()]
}

/** Where a new entry goes (client-go's GetDefaultFilename). */
export function defaultFilename(): string {
  if (explicitFile) return explicitFile
  const files = loadingPrecedence()
  return files.find((f) => fs.existsSync(f)) ?? files[files.length - 1]!
}

/** One file's config; an empty one when it does not exist. */
export function readKubeconfigFile(file: string): Kubeconfig | undefined {
  let text: string
  try {
    text = fs.readFileSync(file, 'utf8')
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined
    throw new Error(`error loading config file "${file}": ${(error as Error).message}`)
  }
  return parseKubeconfig(file, text)
}

export interface Loaded {
  config: Kubeconfig
  /** `clusters/NAME`, `users/NAME`, `contexts/NAME` → the file that defined it */
  origin: Map<string, string>
}

/** The merged config of every file in precedence (ksim's old config.json becomes its kubeconfig first). */
export function loadKubeconfig(): Loaded {
  if (isKsimDefault()) migrateLegacyConfig(ksimKubeconfig())
  const config = emptyKubeconfig()
  const origin = new Map<string, string>()
  let first = true
  for (const file of loadingPrecedence()) {
    const one = readKubeconfigFile(file)
    if (!one) continue
    onLoad?.(file)
    for (const kind of ['clusters', 'users', 'contexts'] as const) {
      for (const [name, entry] of one[kind]) {
        if (config[kind].has(name)) continue
        config[kind].set(name, entry)
        origin.set(`${kind}/${name}`, file)
      }
    }
    if (config.currentContext === '') config.currentContext = one.currentContext
    if (first) config.rest = one.rest
    first = false
  }
  return {config, origin}
}

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b)

const PATH_FIELDS = ['certificate-authority', 'client-certificate', 'client-key']

/**
 * A changed entry as it is written to `file`: an absolute path under the file's folder made relative to it
 * (client-go's RelativizePathWithNoBacksteps: a path that would need `..` stays absolute).
 */
function relativized(entry: Entry, file: string): Entry {
  const out = {...entry}
  for (const f of PATH_FIELDS) {
    const v = out[f]
    if (typeof v !== 'string' || !path.isAbsolute(v)) continue
    const rel = path.relative(path.dirname(file), v)
    if (rel !== '..' && !rel.startsWith('../')) out[f] = rel
  }
  return out
}

/** The per-file changes that take `before` to `after`. */
function plan(loaded: Loaded, after: Kubeconfig): Map<string, Array<(c: Kubeconfig) => void>> {
  const writes = new Map<string, Array<(c: Kubeconfig) => void>>()
  const add = (file: string, fn: (c: Kubeconfig) => void) => writes.set(file, [...(writes.get(file) ?? []), fn])
  const before = loaded.config
  for (const kind of ['clusters', 'users', 'contexts'] as const) {
    for (const [name, entry] of after[kind]) {
      if (before[kind].has(name) && same(before[kind].get(name), entry)) continue
      const file = loaded.origin.get(`${kind}/${name}`) ?? defaultFilename()
      add(file, (c) => c[kind].set(name, relativized(entry, file)))
    }
    for (const name of before[kind].keys()) {
      if (!after[kind].has(name)) add(loaded.origin.get(`${kind}/${name}`)!, (c) => c[kind].delete(name))
    }
  }
  if (after.currentContext !== before.currentContext) {
    const file = loadingPrecedence().find((f) => (readKubeconfigFile(f)?.currentContext ?? '') !== '') ?? defaultFilename()
    add(file, (c) => (c.currentContext = after.currentContext))
  }
  return writes
}

function writeKubeconfigFile(file: string, cfg: Kubeconfig): void {
  fs.mkdirSync(path.dirname(file), {recursive: true, mode: 0o700})
  writeFileAtomic(file, serialiseKubeconfig(cfg))
}

function withLocks<T>(files: string[], fn: () => T): T {
  if (files.length === 0) return fn()
  const [first, ...others] = files
  fs.mkdirSync(path.dirname(first!), {recursive: true, mode: 0o700})
  return withFileLock(`${first!}.lock`, () => withLocks(others, fn), {what: `kubeconfig ${first!}`})
}

/**
 * Applies `change` to the merged config and writes what changed back to the files it belongs in, all
 * under the files' locks. `change` may throw: then nothing is written. Returns the config after it.
 */
export function updateKubeconfig(change: (cfg: Kubeconfig, loaded: Loaded) => void): Kubeconfig {
  if (isKsimDefault()) {
    // ksim's own file lives in KSIM_HOME, which must be private to its user
    fs.mkdirSync(checkedHome(), {recursive: true, mode: 0o700})
    migrateLegacyConfig(ksimKubeconfig())
  }
  return withLocks([...loadingPrecedence()].sort(), () => {
    const loaded = loadKubeconfig()
    const after = cloneKubeconfig(loaded.config)
    change(after, loaded)
    for (const [file, fns] of plan(loaded, after)) {
      const cfg = readKubeconfigFile(file) ?? emptyKubeconfig()
      for (const fn of fns) fn(cfg)
      writeKubeconfigFile(file, cfg)
    }
    return after
  })
}
