// A KSIM_HOME for completion tests: clusters with real state files, pods added through the API, and a
// `ksim` on PATH (a wrapper that runs this repository's bin/run.js) for the shells.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import '../../../src/api/kinds/index.js'
import {Api} from '../../../src/api/server.js'
import {createCluster} from '../../../src/cluster/clusters.js'
import {stateFile} from '../../../src/config/paths.js'
import {Store} from '../../../src/store/sqlite-store.js'
import {BIN} from '../../helpers/cli.js'

/** A temporary KSIM_HOME made current in process.env while it lives. */
export class CompletionHome {
  readonly home = fs.mkdtempSync(path.join(os.tmpdir(), 'ksim-complete-'))
  readonly binDir = path.join(this.home, 'bin')
  readonly #previous = process.env.KSIM_HOME

  constructor() {
    process.env.KSIM_HOME = this.home
    fs.mkdirSync(this.binDir)
    const wrapper = path.join(this.binDir, 'ksim')
    fs.writeFileSync(wrapper, `#!/bin/sh\nexec '${process.execPath}' '${BIN}' "$@"\n`, {mode: 0o755})
  }

  /** Creates a cluster (its context too) with `nodes` nodes. */
  async cluster(name: string, nodes = 1, use = false): Promise<void> {
    await createCluster(name, {nodes}, {use})
  }

  /** Creates namespaces and pods in a cluster through the API, as `ksim create` would. */
  populate(cluster: string, objects: {namespaces?: string[]; pods?: Array<[namespace: string, name: string]>; deployments?: Array<[namespace: string, name: string]>}): void {
    const store = Store.open(stateFile(cluster), {mustExist: true})
    try {
      const api = new Api(store)
      for (const name of objects.namespaces ?? []) api.create({apiVersion: 'v1', kind: 'Namespace', metadata: {name}})
      for (const [namespace, name] of objects.pods ?? []) {
        api.create({apiVersion: 'v1', kind: 'Pod', metadata: {name, namespace}, spec: {containers: [{name: 'c', image: 'nginx'}]}})
      }
      for (const [namespace, name] of objects.deployments ?? []) {
        const labels = {app: name}
        const template = {metadata: {labels}, spec: {containers: [{name: 'c', image: 'nginx'}]}}
        api.create({apiVersion: 'apps/v1', kind: 'Deployment', metadata: {name, namespace}, spec: {selector: {matchLabels: labels}, template}})
      }
    } finally {
      store.close()
    }
  }

  /** The environment for a shell whose `ksim` is this repository's. */
  env(): NodeJS.ProcessEnv {
    return {...process.env, KSIM_HOME: this.home, PATH: `${this.binDir}:${process.env.PATH ?? ''}`, HOME: this.home}
  }

  cleanup(): void {
    if (this.#previous === undefined) delete process.env.KSIM_HOME
    else process.env.KSIM_HOME = this.#previous
    fs.rmSync(this.home, {recursive: true, force: true})
  }
}
