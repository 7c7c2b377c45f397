// The kubeconfig `ksim serve` writes: one cluster (the server's URL and the CA that issued its
// certificate), one user (the bearer token) and a current context joining them, mode 0600.
import fs from 'node:fs'
import net from 'node:net'
import path from 'node:path'

/** The URL a client reaches the server at: a wildcard address is reached on loopback; IPv6 in brackets. */
export function serverUrl(address: string, port: number): string {
  const host = address === '0.0.0.0' ? '127.0.0.1' : address === '::' ? '::1' : address
  return `https://${net.isIPv6(host) ? `[${host}]` : host}:${port}`
}

export interface KubeconfigInput {
  /** the context, cluster and user name: `ksim-<cluster>` */
  name: string
  server: string
  caPem: string
  token: string
  namespace: string
}

export function kubeconfigText(k: KubeconfigInput): string {
  const ca = Buffer.from(k.caPem).toString('base64')
  return [
    'apiVersion: v1',
    'kind: Config',
    'clusters:',
    '- cluster:',
    `    certificate-authority-data: ${ca}`,
    `    server: ${k.server}`,
    `  name: ${k.name}`,
    'contexts:',
    '- context:',
    `    cluster: ${k.name}`,
    `    namespace: ${k.namespace}`,
    `    user: ${k.name}`,
    `  name: ${k.name}`,
    `current-context: ${k.name}`,
    'preferences: {}',
    'users:',
    `- name: ${k.name}`,
    '  user:',
    `    token: ${k.token}`,
    '',
  ].join('\n')
}

/** Writes the file with mode 0600 (replacing it through a temporary file, so a reader never sees half). */
export function writeKubeconfig(file: string, text: string): void {
  fs.mkdirSync(path.dirname(file), {recursive: true, mode: 0o700})
  const tmp = `${file}.${process.pid}.tmp`
  fs.writeFileSync(tmp, text, {mode: 0o600})
  fs.chmodSync(tmp, 0o600)
  fs.renameSync(tmp, file)
}
