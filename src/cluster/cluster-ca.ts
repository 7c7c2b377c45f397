// The cluster CA's certificate and key beside its state (ca.crt, ca.key; 0600), for `ksim serve`'s
// serving certificate. Clusters made before ksim kept the key have none: serve then makes a CA of its
// own there once, whose certificate its kubeconfig carries (the kube-root-ca.crt ConfigMaps keep the old one).
import fs from 'node:fs'
import path from 'node:path'

import {clusterDir} from '../config/paths.js'
import {checkPlainFile} from '../config/private-dir.js'
import {generateRootCAPair} from './root-ca.js'
import {issueCertificate} from './x509.js'
import {createPrivateKey, X509Certificate} from 'node:crypto'

export interface CertPair {
  cert: string
  key: string
}

const files = (cluster: string) => ({cert: path.join(clusterDir(cluster), 'ca.crt'), key: path.join(clusterDir(cluster), 'ca.key')})

export function writeClusterCA(cluster: string, ca: CertPair): void {
  const f = files(cluster)
  fs.writeFileSync(f.cert, ca.cert, {mode: 0o600})
  fs.writeFileSync(f.key, ca.key, {mode: 0o600})
}

/** Whether a certificate is valid at `now` (a client refuses a chain with a CA outside its validity). */
function validAt(pem: string, now: Date): boolean {
  const c = new X509Certificate(pem)
  return Date.parse(c.validFrom) <= now.getTime() && now.getTime() < Date.parse(c.validTo)
}

/** The cluster's CA, made now when the cluster has none with a key, or only an expired one. */
export function clusterCA(cluster: string, now: Date): CertPair {
  const f = files(cluster)
  if (fs.existsSync(f.cert) && fs.existsSync(f.key)) {
    checkPlainFile(f.cert)
    checkPlainFile(f.key)
    const ca = {cert: fs.readFileSync(f.cert, 'utf8'), key: fs.readFileSync(f.key, 'utf8')}
    if (validAt(ca.cert, now)) return ca
  }
  const ca = generateRootCAPair(now)
  writeClusterCA(cluster, ca)
  return ca
}

/** A serving certificate for `hosts` (names and IP addresses) issued by `ca`, valid for a year. */
export function servingCertificate(ca: CertPair, hosts: readonly string[], now: Date): CertPair {
  return issueCertificate({now, subject: 'kube-apiserver', issuer: {commonName: 'kubernetes', key: createPrivateKey(ca.key)}, ca: false, altNames: hosts, years: 1})
}
