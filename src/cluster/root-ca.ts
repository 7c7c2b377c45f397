// The cluster's root CA certificate, as kubeadm creates one (CN=kubernetes, CA, key usages digital
// signature, key encipherment and cert sign, SAN `kubernetes`, ten years), so that every namespace's
// kube-root-ca.crt ConfigMap holds a real certificate that openssl and Node's X509Certificate accept.
// ksim serves no TLS, so the private key is thrown away. ECDSA P-256 (kubeadm's
// `encryptionAlgorithm: ECDSA-P256`): key generation costs a millisecond where RSA costs ~100.
import {createHash, generateKeyPairSync, randomBytes, sign} from 'node:crypto'

function der(tag: number, body: Buffer): Buffer {
  const n = body.length
  let len: Buffer
  if (n < 0x80) len = Buffer.from([n])
  else {
    const bytes: number[] = []
    for (let v = n; v > 0; v >>= 8) bytes.unshift(v & 0xff)
    len = Buffer.from([0x80 | bytes.length, ...bytes])
  }
  return Buffer.concat([Buffer.from([tag]), len, body])
}

const seq = (...parts: Buffer[]): Buffer => der(0x30, Buffer.concat(parts))
const set = (...parts: Buffer[]): Buffer => der(0x31, Buffer.concat(parts))
const explicit = (n: number, body: Buffer): Buffer => der(0xa0 + n, body)
const octets = (body: Buffer): Buffer => der(0x04, body)
const bool = (v: boolean): Buffer => der(0x01, Buffer.from([v ? 0xff : 0]))
const utf8 = (s: string): Buffer => der(0x0c, Buffer.from(s, 'utf8'))

/** A non-negative DER INTEGER from big-endian bytes. */
function integer(bytes: Buffer): Buffer {
  let i = 0
  while (i < bytes.length - 1 && bytes[i] === 0) i++
  const trimmed = bytes.subarray(i)
  return der(0x02, trimmed[0]! & 0x80 ? Buffer.concat([Buffer.from([0]), trimmed]) : trimmed)
}

function oid(dotted: string): Buffer {
  const [a, b, ...rest] = dotted.split('.').map(Number)
  const out = [a! * 40 + b!]
  for (const v of rest) {
    const chunk: number[] = [v & 0x7f]
    for (let x = v >> 7; x > 0; x >>= 7) chunk.unshift((x & 0x7f) | 0x80)
    out.push(...chunk)
  }
  return der(0x06, Buffer.from(out))
}

// RFC 5280: UTCTime through 2049, GeneralizedTime after
function time(d: Date): Buffer {
  const iso = d.toISOString().replace(/[-:T]/g, '').slice(0, 14) + 'Z'
  return d.getUTCFullYear() < 2050 ? der(0x17, Buffer.from(iso.slice(2))) : der(0x18, Buffer.from(iso))
}

const ECDSA_WITH_SHA256 = '1.2.840.10045.4.3.2'

/** A new self-signed CA certificate in PEM, valid from five minutes before `now` for ten years. */
export function generateRootCA(now: Date, commonName = 'kubernetes'): string {
  const {publicKey, privateKey} = generateKeyPairSync('ec', {namedCurve: 'prime256v1'})
  const spki = publicKey.export({type: 'spki', format: 'der'})
  const name = seq(set(seq(oid('2.5.4.3'), utf8(commonName))))
  const notBefore = new Date(now.getTime() - 5 * 60_000)
  const notAfter = new Date(now.getTime())
  notAfter.setUTCFullYear(notAfter.getUTCFullYear() + 10)
  // the key identifier: SHA-1 of the subjectPublicKey bits (RFC 5280 4.2.1.2 method 1)
  const keyBits = spki.subarray(spki.length - 65)
  const ski = createHash('sha1').update(keyBits).digest()
  const extensions = seq(
    // keyUsage (critical): digitalSignature, keyEncipherment, keyCertSign — 2 unused bits
    seq(oid('2.5.29.15'), bool(true), octets(der(0x03, Buffer.from([0x02, 0xa4])))),
    // basicConstraints (critical): CA
    seq(oid('2.5.29.19'), bool(true), octets(seq(bool(true)))),
    seq(oid('2.5.29.14'), octets(octets(ski))),
    // subjectAltName: dNSName (context tag 2)
    seq(oid('2.5.29.17'), octets(seq(der(0x82, Buffer.from(commonName))))),
  )
  const serial = randomBytes(8)
  serial[0]! &= 0x7f
  const tbs = seq(explicit(0, integer(Buffer.from([2]))), integer(serial), seq(oid(ECDSA_WITH_SHA256)), name, seq(time(notBefore), time(notAfter)), name, spki, explicit(3, extensions))
  const signature = sign('sha256', tbs, privateKey)
  const cert = seq(tbs, seq(oid(ECDSA_WITH_SHA256)), der(0x03, Buffer.concat([Buffer.from([0]), signature])))
  const b64 = cert.toString('base64').match(/.{1,64}/g)!.join('\n')
  return `-----BEGIN CERTIFICATE-----\n${b64}\n-----END CERTIFICATE-----\n`
}
