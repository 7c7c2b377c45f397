// Test helpers for the reconciler: a private KSIM_HOME per test (reconcilers started in it are stopped
// afterwards), clusters in it, and waiting for a condition without timing assertions.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {fileURLToPath} from 'node:url'

import type {ClusterProfile} from '../../src/api/cluster-profile.js'
import {Api} from '../../src/api/server.js'
import {createCluster, listClusters} from '../../src/cluster/clusters.js'
import {stateFile} from '../../src/config/paths.js'
import {stopReconciler} from '../../src/reconciler/spawn.js'
import {Store} from '../../src/store/sqlite-store.js'

/** The repository root, found from this compiled file (dist/test/reconciler/helpers.js). */
export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..')

/** A script in test/reconciler/fixtures (plain ESM, not compiled). */
export const fixture = (name: string): string => path.join(repoRoot, 'test', 'reconciler', 'fixtures', name)

/** What a test gets from useTempHome. */
export interface TempHome {
  readonly home: string
  /** creates a cluster (no context switch needed) and returns its state file */
  cluster(name?: string, settings?: Partial<Omit<ClusterProfile, 'name'>>): Promise<string>
  /** opens a cluster's store and an API over it; both closed after the test */
  open(name?: string): {store: Store; api: Api}
}

/** Registers mocha hooks that point KSIM_HOME at a fresh folder for each test and clean up after it. */
export function useTempHome(): TempHome {
  let home = ''
  let saved: string | undefined
  let stores: Store[] = []
  beforeEach(() => {
    home = fs.mkdtempSync(path.join(os.tmpdir(), 'ksim-reconciler-test-'))
    saved = process.env.KSIM_HOME
    process.env.KSIM_HOME = home
  })
  afterEach(async () => {
    for (const s of stores) s.close()
    stores = []
    for (const name of listClusters()) await stopReconciler(name, {timeoutMs: 5000})
    if (saved === undefined) delete process.env.KSIM_HOME
    else process.env.KSIM_HOME = saved
    fs.rmSync(home, {recursive: true, force: true})
  })
  return {
    get home() {
      return home
    },
    async cluster(name = 'test', settings = {}) {
      await createCluster(name, {nodes: 1, ...settings}, {use: true})
      return stateFile(name)
    },
    open(name = 'test') {
      const store = Store.open(stateFile(name), {mustExist: true})
      stores.push(store)
      return {store, api: new Api(store)}
    },
  }
}

/** Polls `check` every 20 ms until it returns something truthy; fails after `ms` with `what`. */
export async function eventually<T>(what: string, check: () => T | undefined | false, ms = 10_000): Promise<T> {
  const deadline = Date.now() + ms
  for (;;) {
    const v = check()
    if (v) return v
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`)
    await new Promise((r) => setTimeout(r, 20))
  }
}

/** A ConfigMap manifest (the simplest object to write through the API). */
export function configMap(name: string, data: Record<string, string> = {}, namespace = 'default') {
  return {apiVersion: 'v1', kind: 'ConfigMap', metadata: {name, namespace}, data}
}
