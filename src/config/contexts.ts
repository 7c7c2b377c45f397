// The user's contexts, like a kubeconfig: clusters, the current context, a namespace per context.
// Kept with `conf` in KSIM_HOME/config.json.
import type Conf from 'conf'

import fs from 'node:fs'
import path from 'node:path'

import {ksimHome} from './paths.js'

export interface ContextEntry {
  cluster: string
  namespace?: string
}

export interface KsimConfig {
  currentContext?: string
  contexts: Record<string, ContextEntry>
}

/** The file conf keeps the config in. */
export function configFile(): string {
  return path.join(ksimHome(), 'config.json')
}

async function open(): Promise<Conf<KsimConfig>> {
  const home = ksimHome()
  fs.mkdirSync(home, {recursive: true, mode: 0o700})
  // conf (and the schema validator it loads) costs ~100 ms to import: only writes pay for it
  const {default: ConfClass} = await import('conf')
  return new ConfClass<KsimConfig>({
    cwd: home,
    configName: 'config',
    projectName: 'ksim',
    defaults: {contexts: {}},
    configFileMode: 0o600,
    watch: false,
  })
}

/**
 * Reads the whole config (a snapshot; write with `updateConfig`). conf stores plain JSON, so reading
 * it directly gives the same answer without loading conf.
 */
export function readConfig(): KsimConfig {
  let raw: string
  try {
    raw = fs.readFileSync(configFile(), 'utf8')
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return {contexts: {}}
    throw new Error(`cannot read ksim config ${configFile()}: ${(error as Error).message}`)
  }
  let data: Partial<KsimConfig>
  try {
    data = raw.trim() === '' ? {} : (JSON.parse(raw) as Partial<KsimConfig>)
  } catch (error) {
    throw new Error(`ksim config ${configFile()} is not valid JSON (${(error as Error).message}); fix or remove it`)
  }
  return {currentContext: data.currentContext, contexts: data.contexts ?? {}}
}

/** Applies `change` to the config and saves it (atomically, through conf). */
export async function updateConfig(change: (cfg: KsimConfig) => void): Promise<KsimConfig> {
  const c = await open()
  const cfg: KsimConfig = {currentContext: c.get('currentContext'), contexts: {...c.get('contexts')}}
  change(cfg)
  c.set('contexts', cfg.contexts)
  if (cfg.currentContext === undefined) c.delete('currentContext')
  else c.set('currentContext', cfg.currentContext)
  return cfg
}
