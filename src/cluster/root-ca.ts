// The cluster's root CA certificate, as kubeadm creates one (CN=kubernetes, CA, key usages digital
// signature, key encipherment and cert sign, SAN `kubernetes`, ten years), so that every namespace's
// kube-root-ca.crt ConfigMap holds a real certificate that openssl and Node's X509Certificate accept.
// Its key is kept beside the cluster's state (ca.key, 0600) when the cluster is created, so that
// `ksim serve` can issue its serving certificate from it. ECDSA P-256 (kubeadm's
// `encryptionAlgorithm: ECDSA-P256`): key generation costs a millisecond where RSA costs ~100.
import {issueCertificate} from './x509.js'

/** A new self-signed CA certificate and its key (PEM), valid from five minutes before `now` for ten years. */
export function generateRootCAPair(now: Date, commonName = 'kubernetes'): {cert: string; key: string} {
  return issueCertificate({now, subject: commonName, ca: true, altNames: [commonName], years: 10})
}

/** A new self-signed CA certificate in PEM (its key thrown away). */
export function generateRootCA(now: Date, commonName = 'kubernetes'): string {
  return generateRootCAPair(now, commonName).cert
}
