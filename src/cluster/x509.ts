// The X.509 certificates a cluster issues, built as DER by hand: Node's crypto signs and parses
// certificates (X509Certificate) but cannot issue them. ECDSA P-256 keys, SHA-256 signatures.
import {createHash, generateKeyPairSync, randomBytes, sign, type KeyObject} from 'node:crypto'
import net from 'node:net'

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

/** An X.501 name with one common name. */
const commonNameOf = (cn: string): Buffer => seq(set(seq(oid('2.5.4.3'), utf8(cn))))

/** subjectAltName entries: IP addresses (v4, v6) as iPAddress, everything else as dNSName. */
function altNames(names: readonly string[]): Buffer {
  return seq(
    ...names.map((n) => {
      if (net.isIPv4(n)) return der(0x87, Buffer.from(n.split('.').map(Number)))
      if (net.isIPv6(n)) return der(0x87, ipv6Bytes(n))
      return der(0x82, Buffer.from(n))
    }),
  )
}

function ipv6Bytes(ip: string): Buffer {
  const [head, tail] = ip.includes('::') ? ip.split('::') : [ip, undefined]
  const h = head ? head.split(':') : []
  const t = tail ? tail.split(':') : []
  const groups = tail === undefined ? h : [...h, ...Array<string>(8 - h.length - t.length).fill('0'), ...t]
  const out = Buffer.alloc(16)
  groups.forEach((g, i) => out.writeUInt16BE(Number.parseInt(g || '0', 16), i * 2))
  return out
}

const pem = (label: string, body: Buffer): string => `-----BEGIN ${label}-----\n${body.toString('base64').match(/.{1,64}/g)!.join('\n')}\n-----END ${label}-----\n`

export interface IssueOptions {
  now: Date
  subject: string
  /** the issuer's common name and signing key; absent: self-signed */
  issuer?: {commonName: string; key: KeyObject}
  ca: boolean
  /** DNS names and IP addresses */
  altNames: readonly string[]
  years: number
}

/** A certificate with a new key pair: the certificate and the private key, both PEM. */
export function issueCertificate(o: IssueOptions): {cert: string; key: string} {
  const {publicKey, privateKey} = generateKeyPairSync('ec', {namedCurve: 'prime256v1'})
  const spki = publicKey.export({type: 'spki', format: 'der'})
  const notBefore = new Date(o.now.getTime() - 5 * 60_000)
  const notAfter = new Date(o.now.getTime())
  notAfter.setUTCFullYear(notAfter.getUTCFullYear() + o.years)
  // the key identifier: SHA-1 of the subjectPublicKey bits (RFC 5280 4.2.1.2 method 1)
  const ski = createHash('sha1').update(spki.subarray(spki.length - 65)).digest()
  const extensions = seq(
    // keyUsage (critical): a CA digitalSignature, keyEncipherment, keyCertSign; a server the first two
    seq(oid('2.5.29.15'), bool(true), octets(o.ca ? der(0x03, Buffer.from([0x02, 0xa4])) : der(0x03, Buffer.from([0x05, 0xa0])))),
    // basicConstraints (critical)
    seq(oid('2.5.29.19'), bool(true), octets(o.ca ? seq(bool(true)) : seq())),
    ...(o.ca ? [] : [seq(oid('2.5.29.37'), octets(seq(oid('1.3.6.1.5.5.7.3.1'))))]),
    seq(oid('2.5.29.14'), octets(octets(ski))),
    seq(oid('2.5.29.17'), octets(altNames(o.altNames))),
  )
  const serial = randomBytes(8)
  serial[0]! &= 0x7f
  const issuerName = commonNameOf(o.issuer?.commonName ?? o.subject)
  const tbs = seq(explicit(0, integer(Buffer.from([2]))), integer(serial), seq(oid(ECDSA_WITH_SHA256)), issuerName, seq(time(notBefore), time(notAfter)), commonNameOf(o.subject), spki, explicit(3, extensions))
  const signature = sign('sha256', tbs, o.issuer?.key ?? privateKey)
  const cert = seq(tbs, seq(oid(ECDSA_WITH_SHA256)), der(0x03, Buffer.concat([Buffer.from([0]), signature])))
  return {cert: pem('CERTIFICATE', cert), key: privateKey.export({type: 'pkcs8', format: 'pem'}) as string}
}
