import {X509Certificate} from 'node:crypto'
import path from 'node:path'

import {expect} from 'chai'

import {readProfile, writeProfile} from '../../src/api/cluster-profile.js'
import {Store} from '../../src/store/sqlite-store.js'
import {Sandbox} from '../helpers/cli.js'

const pod = (name: string, sa?: string) => `apiVersion: v1
kind: Pod
metadata:
  name: ${name}
spec:
${sa ? `  serviceAccountName: ${sa}\n` : ''}  containers:
  - name: app
    image: nginx:1.27
`

describe('service accounts and the cluster CA', function () {
  this.timeout(120_000)
  let sb: Sandbox
  beforeEach(() => {
    sb = new Sandbox('ksim-test-', {KSIM_NO_RECONCILER: '1'})
  })
  afterEach(() => sb.cleanup())

  it('gives every namespace, new ones at once, a default ServiceAccount and kube-root-ca.crt', () => {
    sb.run(['create', 'namespace', 'team'])
    expect(sb.run(['get', 'sa,cm', '-n', 'team', '-o', 'name']).stdout).to.equal('serviceaccount/default\nconfigmap/kube-root-ca.crt\n')
    expect(sb.run(['get', 'sa', '-A', '-o', 'custom-columns=NS:.metadata.namespace,NAME:.metadata.name,SECRETS:.secrets', '--no-headers']).stdout).to.equal(
      'default           default   <none>\nkube-node-lease   default   <none>\nkube-public       default   <none>\nkube-system       default   <none>\nteam              default   <none>\n',
    )
    const pem = sb.run(['get', 'cm', 'kube-root-ca.crt', '-n', 'team', '-o', 'jsonpath={.data.ca\\.crt}']).stdout
    expect(new X509Certificate(pem).subject).to.equal('CN=kubernetes')
    // one CA per cluster: the same certificate in every namespace
    expect(sb.run(['get', 'cm', 'kube-root-ca.crt', '-n', 'kube-system', '-o', 'jsonpath={.data.ca\\.crt}']).stdout).to.equal(pem)
    expect(sb.run(['get', 'cm', 'kube-root-ca.crt', '-o', 'jsonpath={.metadata.annotations.kubernetes\\.io/description}']).stdout).to.match(/^Contains a CA bundle that can be used to verify the kube-apiserver/)
  })

  it('mounts the API access volume into pods and shows it in describe as kubectl does', () => {
    expect(sb.run(['create', '-f', sb.write('p.yaml', pod('web'))]).stdout).to.equal('pod/web created\n')
    const volume = sb.run(['get', 'pod', 'web', '-o', 'jsonpath={.spec.volumes[0].name}']).stdout
    expect(volume).to.match(/^kube-api-access-[bcdfghjklmnpqrstvwxz2456789]{5}$/)
    expect(sb.run(['get', 'pod', 'web', '-o', 'jsonpath={.spec.containers[0].volumeMounts}']).stdout).to.equal(
      `[{"mountPath":"/var/run/secrets/kubernetes.io/serviceaccount","name":"${volume}","readOnly":true}]`,
    )
    const text = sb.run(['describe', 'pod', 'web']).stdout
    expect(text).to.include(`    Mounts:\n      /var/run/secrets/kubernetes.io/serviceaccount from ${volume} (ro)\n`)
    expect(text).to.include(
      `Volumes:\n  ${volume}:\n    Type:                    Projected (a volume that contains injected data from multiple sources)\n    TokenExpirationSeconds:  3607\n    ConfigMapName:           kube-root-ca.crt\n    Optional:                false\n    DownwardAPI:             true\nQoS Class:                   BestEffort\n`,
    )
  })

  it('refuses a pod whose service account does not exist, and takes it once the account is created', () => {
    const f = sb.write('p.yaml', pod('builder', 'ci-bot'))
    expect(sb.run(['create', '-f', f])).to.deep.equal({
      stdout: '',
      stderr: `Error from server (Forbidden): error when creating "${f}": pods "builder" is forbidden: error looking up service account default/ci-bot: serviceaccount "ci-bot" not found\n`,
      code: 1,
    })
    expect(sb.run(['get', 'pods']).stderr).to.equal('No resources found in default namespace.\n')
    expect(sb.run(['create', 'serviceaccount', 'ci-bot'])).to.deep.equal({stdout: 'serviceaccount/ci-bot created\n', stderr: '', code: 0})
    expect(sb.run(['create', '-f', f]).stdout).to.equal('pod/builder created\n')
    expect(sb.run(['get', 'pod', 'builder', '-o', 'jsonpath={.spec.serviceAccountName}']).stdout).to.equal('ci-bot')
  })

  it('brings a cluster made before ksim had service accounts up to date on first use, so its pods are admitted', () => {
    sb.run(['get', 'nodes'])
    const store = Store.open(path.join(sb.home, 'clusters', 'ksim', 'state.db'))
    store.transaction(() => {
      const {rootCACert: _, ...profile} = readProfile(store)!
      writeProfile(store, profile)
      for (const kind of ['ServiceAccount', 'ConfigMap']) for (const o of store.list(kind).items) store.delete({kind, namespace: o.namespace, name: o.name})
    })
    store.close()
    expect(sb.run(['create', '-f', sb.write('pod.yaml', pod('web'))])).to.deep.equal({stdout: 'pod/web created\n', stderr: '', code: 0})
    expect(sb.run(['get', 'pod', 'web', '-o', 'jsonpath={.spec.volumes[0].name}']).stdout).to.match(/^kube-api-access-[a-z0-9]{5}$/)
    expect(sb.run(['get', 'sa,cm', '-n', 'kube-system', '-o', 'name']).stdout).to.equal('serviceaccount/default\nconfigmap/kube-root-ca.crt\n')
    const ca = sb.run(['get', 'cm', 'kube-root-ca.crt', '-o', 'jsonpath={.data.ca\\.crt}']).stdout
    expect(new X509Certificate(ca).subject).to.equal('CN=kubernetes')
  })

  it('decodes a ServiceAccount manifest strictly, as the API server does', () => {
    const f = sb.write('bad-sa.yaml', 'apiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: bot\nautomountServiceAccountToken: true\nimagePullSecret:\n- name: regcred\n')
    expect(sb.run(['create', '-f', f])).to.deep.equal({
      stdout: '',
      stderr: `Error from server (BadRequest): error when creating "${f}": ServiceAccount in version "v1" cannot be handled as a ServiceAccount: strict decoding error: unknown field "imagePullSecret"\n`,
      code: 1,
    })
    expect(sb.run(['get', 'sa', 'bot']).stderr).to.equal('Error from server (NotFound): serviceaccounts "bot" not found\n')
  })

  it('lists and describes service accounts with kubectl\'s columns and layout', () => {
    sb.run(['create', 'sa', 'puller'])
    sb.run(['create', 'secret', 'generic', 'regcred', '--from-literal=a=b'])
    sb.run(['apply', '-f', sb.write('sa.yaml', 'apiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: puller\nimagePullSecrets:\n- name: regcred\n- name: gone\nsecrets:\n- name: regcred\n')])
    expect(sb.run(['get', 'sa']).stdout.replace(/\d+s\n/g, 'AGE\n')).to.equal('NAME      SECRETS   AGE\ndefault   0         AGE\npuller    1         AGE\n')
    expect(sb.run(['describe', 'sa', 'puller']).stdout).to.equal(
      'Name:                puller\n' +
        'Namespace:           default\n' +
        'Labels:              <none>\n' +
        // describe leaves out the last-applied-configuration annotation
        'Annotations:         <none>\n' +
        'Image pull secrets:  regcred\n' +
        // kubectl 1.35 lists them as the object names them, and no longer prints Mountable secrets/Tokens
        '                     gone\n' +
        'Events:              <none>\n',
    )
  })
})
