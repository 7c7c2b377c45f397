// `ksim serve`: opens the cluster's store for the life of the server, issues a serving certificate from
// the cluster's CA for loopback (and the address given), writes the kubeconfig, and serves until stopped.
import {randomBytes} from 'node:crypto'
import path from 'node:path'

import {apiSettingsOf, readProfile} from '../api/cluster-profile.js'
import {Api} from '../api/server.js'
import {clusterCA, servingCertificate} from '../cluster/cluster-ca.js'
import {clusterDir} from '../config/paths.js'
import {checkedStateFile} from '../config/private-dir.js'
import {openStore} from '../store/open-store.js'
import {kubeconfigText, serverUrl, writeKubeconfig} from './kubeconfig.js'
import {startServer, type RunningServer} from './server.js'

export interface ServeRun {
  cluster: string
  namespace: string
  address: string
  port: number
  kubeconfig?: string
  version: Record<string, unknown>
  onWrite?: () => void
  out(text: string): void
}

/** The names and addresses the serving certificate covers. */
export function servingHosts(address: string): string[] {
  const hosts = ['localhost', 'kubernetes', 'kubernetes.default', 'kubernetes.default.svc', '127.0.0.1', '::1']
  if (!hosts.includes(address) && address !== '0.0.0.0' && address !== '::') hosts.push(address)
  return hosts
}

export interface Serving {
  server: RunningServer
  kubeconfig: string
  stop(): Promise<void>
}

/** Starts serving; returns once the server listens and the kubeconfig is written. */
export async function startServing(run: ServeRun): Promise<Serving> {
  const store = openStore(checkedStateFile(run.cluster), {mustExist: true})
  try {
    const api = new Api(store, {settings: apiSettingsOf(readProfile(store)), clientWrites: true})
    const now = new Date()
    const ca = clusterCA(run.cluster, now)
    const tls = servingCertificate(ca, servingHosts(run.address), now)
    const token = randomBytes(32).toString('base64url')
    const server = await startServer({api, host: run.address, port: run.port, token, cert: tls.cert, key: tls.key, version: run.version, onWrite: run.onWrite})
    const url = serverUrl(run.address, server.port)
    const file = path.resolve(run.kubeconfig ?? path.join(clusterDir(run.cluster), 'kubeconfig'))
    writeKubeconfig(file, kubeconfigText({name: `ksim-${run.cluster}`, server: url, caPem: ca.cert, token, namespace: run.namespace}))
    run.out(`Serving cluster "${run.cluster}" at ${url}\nKubeconfig written to ${file}\nexport KUBECONFIG=${file}\n`)
    return {
      server,
      kubeconfig: file,
      stop: async () => {
        await server.close()
        store.close()
      },
    }
  } catch (error) {
    store.close()
    throw error
  }
}

/** Serves until SIGINT or SIGTERM. */
export async function runServe(run: ServeRun): Promise<void> {
  const serving = await startServing(run)
  await new Promise<void>((resolve) => {
    const stop = (): void => {
      process.off('SIGINT', stop)
      process.off('SIGTERM', stop)
      void serving.stop().then(resolve)
    }
    process.on('SIGINT', stop)
    process.on('SIGTERM', stop)
  })
}
