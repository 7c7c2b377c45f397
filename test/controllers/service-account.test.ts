import {expect} from 'chai'

import {writeProfile} from '../../src/api/cluster-profile.js'
import {ROOT_CA_DESCRIPTION} from '../../src/api/kinds/namespace-companions.js'
import {lookupKind} from '../../src/api/registry.js'
import {ServiceAccountController} from '../../src/controllers/service-account.js'
import {testCluster, type TestCluster} from './helpers.js'

const cmType = lookupKind('v1', 'ConfigMap')!
const saType = lookupKind('v1', 'ServiceAccount')!
const nsType = lookupKind('v1', 'Namespace')!

describe('service account controller', () => {
  let tc: TestCluster
  const c = new ServiceAccountController()
  beforeEach(() => (tc = testCluster()))
  afterEach(() => tc.close())

  const rootCA = (ns: string) => tc.api.peek('ConfigMap', ns, 'kube-root-ca.crt')

  it('has nothing to do in namespaces the API created with their companions', () => {
    tc.api.create({apiVersion: 'v1', kind: 'Namespace', metadata: {name: 'team'}})
    expect(tc.api.peek('ServiceAccount', 'team', 'default')).to.not.equal(undefined)
    expect(rootCA('team')?.data).to.deep.equal({'ca.crt': tc.api.settings.rootCACert})
    expect(tc.pass(c).writes).to.equal(0)
  })

  it('puts back a deleted default ServiceAccount and kube-root-ca.crt', () => {
    tc.api.delete(saType, 'default', 'default')
    tc.api.delete(cmType, 'default', 'kube-root-ca.crt')
    expect(tc.pass(c).writes).to.equal(2)
    const cm = rootCA('default')!
    expect(cm.metadata.annotations).to.deep.equal({'kubernetes.io/description': ROOT_CA_DESCRIPTION})
    expect(cm.data).to.deep.equal({'ca.crt': tc.api.settings.rootCACert})
    expect(tc.pass(c).writes).to.equal(0)
  })

  it("restores the certificate and description after an edit, keeping the user's other annotations", () => {
    tc.api.modify(cmType, 'default', 'kube-root-ca.crt', (cm) => {
      cm.data = {'ca.crt': 'tampered'}
      cm.metadata.annotations = {team: 'a'}
    })
    expect(tc.pass(c).writes).to.equal(1)
    expect(rootCA('default')?.data).to.deep.equal({'ca.crt': tc.api.settings.rootCACert})
    expect(rootCA('default')?.metadata.annotations).to.deep.equal({team: 'a', 'kubernetes.io/description': ROOT_CA_DESCRIPTION})
  })

  it('adds nothing to a Terminating namespace', () => {
    tc.api.create({apiVersion: 'v1', kind: 'Namespace', metadata: {name: 'going'}})
    tc.api.delete(saType, 'going', 'default')
    tc.api.delete(nsType, '', 'going')
    expect(tc.pass(c).writes).to.equal(0)
    expect(tc.api.peek('ServiceAccount', 'going', 'default')).to.equal(undefined)
  })

  it('publishes the CA into namespaces of a cluster that had none once the cluster has one', () => {
    tc.api.settings.rootCACert = undefined
    tc.api.create({apiVersion: 'v1', kind: 'Namespace', metadata: {name: 'old'}})
    expect(rootCA('old')).to.equal(undefined)
    const pem = tc.profile.rootCACert!
    writeProfile(tc.store, {...tc.profile})
    tc.api.settings.rootCACert = pem
    expect(tc.pass(c).writes).to.equal(1)
    expect(rootCA('old')?.data).to.deep.equal({'ca.crt': pem})
  })
})
