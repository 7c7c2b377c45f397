// The user's contexts, like a kubeconfig: clusters, the current context, a namespace per context.
// Kept with `conf` in KSIM_HOME/config.json.
import Conf from 'conf'
import fs from 'node:fs'

import {ksimHome} from './paths.js'

export interface ContextEntry {
  cluster: string
  namespace?: string
}

export interface KsimConfig {
  currentContext?: string
  contexts: Record<string, ContextEntry>
}

function open(): Conf<KsimConfig> {
  const home = ksimHome()
  fs.mkdirSync(home, {recursive: true, mode: 0o700})
  return new Conf<KsimConfig>({
    cwd: home,
    configName: 'config',
    projectName: 'ksim',
    defaults: {contexts: {}},
    configFileMode: 0o600,
    watch: false,
  })
}

/** Reads the whole config (a snapshot; write with `updateConfig`). */
export function readConfig(): KsimConfig {
  const c = open()
  return {currentContext: c.get('currentContext'), contexts: c.get('contexts') ?? {}}
}

/** Applies `change` to the config and saves it. */
export function updateConfig(change: (cfg: KsimConfig) => void): KsimConfig {
  const c = open()
  const cfg: KsimConfig = {currentContext: c.get('currentContext'), contexts: {...c.get('contexts')}}
  change(cfg)
  c.set('contexts', cfg.contexts)
  if (cfg.currentContext === undefined) c.delete('currentContext')
  else c.set('currentContext', cfg.currentContext)
  return cfg
}
