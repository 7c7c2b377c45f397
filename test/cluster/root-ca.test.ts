import {X509Certificate} from 'node:crypto'

import {expect} from 'chai'

import {generateRootCA} from '../../src/cluster/root-ca.js'

describe('generateRootCA', () => {
  const now = new Date('2026-11-26T12:00:00Z')
  const pem = generateRootCA(now)
  const cert = new X509Certificate(pem)

  it('writes one PEM certificate block with 64-character lines', () => {
    const lines = pem.trimEnd().split('\n')
    expect(lines[0]).to.equal('-----BEGIN CERTIFICATE-----')
    expect(lines.at(-1)).to.equal('-----END CERTIFICATE-----')
    for (const l of lines.slice(1, -2)) expect(l).to.have.length(64)
  })

  it('is a self-signed CA for CN=kubernetes, as kubeadm makes the cluster CA', () => {
    expect(cert.subject).to.equal('CN=kubernetes')
    expect(cert.issuer).to.equal('CN=kubernetes')
    expect(cert.ca).to.equal(true)
    expect(cert.subjectAltName).to.equal('DNS:kubernetes')
    expect(cert.verify(cert.publicKey)).to.equal(true)
    expect(cert.checkIssued(cert)).to.equal(true)
    expect(cert.publicKey.asymmetricKeyDetails).to.deep.equal({namedCurve: 'prime256v1'})
  })

  it('is valid from five minutes before creation for ten years', () => {
    expect(new Date(cert.validFrom).toISOString()).to.equal('2026-11-26T11:55:00.000Z')
    expect(new Date(cert.validTo).toISOString()).to.equal('2036-11-26T12:00:00.000Z')
  })

  it('gives every cluster its own key and serial number', () => {
    const other = new X509Certificate(generateRootCA(now))
    expect(other.serialNumber).to.not.equal(cert.serialNumber)
    expect(other.verify(cert.publicKey)).to.equal(false)
  })
})
