// ksim's contexts before they were a kubeconfig: KSIM_HOME/config.json ({currentContext, contexts: {NAME:
// {cluster, namespace?, user?}}}). The first command that reads ksim's kubeconfig while only config.json
// exists turns it into KSIM_HOME/kubeconfig (under config.json's lock, once) and keeps the old file as
// config.json.migrated. A config.json that is not valid stays where it is, for the user to fix.
import fs from 'node:fs'
import path from 'node:path'

import {writeFileAtomic} from './atomic-write.js'
import {withFileLock} from './file-lock.js'
import {emptyKubeconfig, serialiseKubeconfig, type Kubeconfig} from './kubeconfig.js'
import {isValidClusterName, ksimHome} from './paths.js'

/** The server of a ksim cluster's kubeconfig entry: ksim talks to it in-process, through its state file. */
export const KSIM_SERVER_PREFIX = 'ksim://'

interface LegacyContext {
  cluster: string
  namespace?: string
  user?: string
}

export function legacyConfigFile(): string {
  return path.join(ksimHome(), 'config.json')
}

function badConfig(detail: string): Error {
  return new Error(`ksim config ${legacyConfigFile()} is not valid (${detail}); fix or remove it`)
}

/** Parses config.json's text, checking its shape (the file was the user's to edit). */
export function parseLegacyConfig(raw: string): {currentContext?: string; contexts: Map<string, LegacyContext>} {
  let data: unknown
  try {
    data = raw.trim() === '' ? {} : JSON.parse(raw)
  } catch (error) {
    throw new Error(`ksim config ${legacyConfigFile()} is not valid JSON (${(error as Error).message}); fix or remove it`)
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) throw badConfig('not a JSON object')
  const {currentContext, contexts = {}} = data as {currentContext?: unknown; contexts?: unknown}
  if (currentContext !== undefined && typeof currentContext !== 'string') throw badConfig('currentContext is not a string')
  if (typeof contexts !== 'object' || contexts === null || Array.isArray(contexts)) throw badConfig('contexts is not an object')
  const map = new Map<string, LegacyContext>()
  for (const [name, entry] of Object.entries(contexts)) {
    const e = entry as {cluster?: unknown; namespace?: unknown; user?: unknown} | null
    if (typeof e !== 'object' || e === null || typeof e.cluster !== 'string') throw badConfig(`context ${JSON.stringify(name)} has no cluster`)
    if (e.namespace !== undefined && typeof e.namespace !== 'string') throw badConfig(`context ${JSON.stringify(name)} has a namespace that is not a string`)
    if (e.user !== undefined && typeof e.user !== 'string') throw badConfig(`context ${JSON.stringify(name)} has a user that is not a string`)
    map.set(name, {cluster: e.cluster, namespace: e.namespace as string | undefined, user: e.user as string | undefined})
  }
  return {currentContext: currentContext === '' ? undefined : (currentContext as string | undefined), contexts: map}
}

/** config.json's contexts as a kubeconfig: each ksim cluster a cluster entry (server ksim://NAME) and a user of its name. */
export function legacyToKubeconfig(legacy: ReturnType<typeof parseLegacyConfig>): Kubeconfig {
  const cfg = emptyKubeconfig()
  for (const [name, c] of legacy.contexts) {
    const entry: Record<string, unknown> = {cluster: c.cluster, user: c.user ?? c.cluster}
    if (c.namespace) entry.namespace = c.namespace
    cfg.contexts.set(name, entry)
    if (isValidClusterName(c.cluster)) {
      cfg.clusters.set(c.cluster, {server: `${KSIM_SERVER_PREFIX}${c.cluster}`})
      if (c.user === undefined) cfg.users.set(c.cluster, {})
    }
  }
  cfg.currentContext = legacy.currentContext ?? ''
  return cfg
}

/** Turns config.json into `target` when only config.json exists. */
export function migrateLegacyConfig(target: string): void {
  if (fs.existsSync(target) || !fs.existsSync(legacyConfigFile())) return
  withFileLock(`${legacyConfigFile()}.lock`, () => {
    if (fs.existsSync(target) || !fs.existsSync(legacyConfigFile())) return
    const legacy = parseLegacyConfig(fs.readFileSync(legacyConfigFile(), 'utf8'))
    writeFileAtomic(target, serialiseKubeconfig(legacyToKubeconfig(legacy)))
    fs.renameSync(legacyConfigFile(), `${legacyConfigFile()}.migrated`)
  }, {what: `ksim config ${legacyConfigFile()}`})
}
