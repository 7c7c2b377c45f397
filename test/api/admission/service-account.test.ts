import type {Pod} from 'kubernetes-types/core/v1.js'

import {expect} from 'chai'

import {TOKEN_MOUNT_PATH, admitServiceAccount} from '../../../src/api/admission/service-account.js'
import {isStatusError, type StatusError} from '../../../src/api/errors.js'
import {defaultApiSettings, type StrategyContext} from '../../../src/api/strategy.js'
import type {KObject} from '../../../src/api/types.js'

function ctx(accounts: Record<string, Record<string, unknown>> = {default: {}}): StrategyContext {
  return {
    clock: {now: () => new Date('2026-07-01T10:20:30Z')},
    settings: defaultApiSettings,
    getObject: (kind, ns, name) =>
      kind === 'ServiceAccount' && ns === 'team' && accounts[name] ? ({apiVersion: 'v1', kind, metadata: {name, namespace: ns}, ...accounts[name]} as KObject) : undefined,
  }
}

function pod(spec: Record<string, unknown>, annotations?: Record<string, string>): Pod {
  return {apiVersion: 'v1', kind: 'Pod', metadata: {name: 'web', namespace: 'team', ...(annotations ? {annotations} : {})}, spec} as unknown as Pod
}

function rejection(fn: () => unknown): StatusError {
  try {
    fn()
  } catch (error) {
    if (isStatusError(error)) return error
    throw error
  }
  throw new Error('expected a StatusError')
}

const mountsOf = (p: Pod, init = false) => (init ? p.spec!.initContainers! : p.spec!.containers).map((c) => c.volumeMounts ?? [])

describe('ServiceAccount admission', () => {
  it('mounts a kube-api-access volume into every container and init container', () => {
    const p = pod({initContainers: [{name: 'init', image: 'busybox'}], containers: [{name: 'a', image: 'nginx'}, {name: 'b', image: 'nginx', volumeMounts: [{name: 'data', mountPath: '/data'}]}], volumes: [{name: 'data', emptyDir: {}}]})
    admitServiceAccount(p, 'web', ctx())
    const volume = p.spec!.volumes![1]!
    expect(volume.name).to.match(/^kube-api-access-[bcdfghjklmnpqrstvwxz2456789]{5}$/)
    expect(volume.projected).to.deep.equal({
      defaultMode: 420,
      sources: [
        {serviceAccountToken: {expirationSeconds: 3607, path: 'token'}},
        {configMap: {items: [{key: 'ca.crt', path: 'ca.crt'}], name: 'kube-root-ca.crt'}},
        {downwardAPI: {items: [{fieldRef: {apiVersion: 'v1', fieldPath: 'metadata.namespace'}, path: 'namespace'}]}},
      ],
    })
    const mount = {mountPath: TOKEN_MOUNT_PATH, name: volume.name, readOnly: true}
    expect(mountsOf(p, true)).to.deep.equal([[mount]])
    expect(mountsOf(p)).to.deep.equal([[mount], [{name: 'data', mountPath: '/data'}, mount]])
    expect(p.spec!.serviceAccountName).to.equal('default')
  })

  it('leaves the spec keys sorted, volumes included', () => {
    const p = pod({containers: [{name: 'a', image: 'nginx'}], restartPolicy: 'Always'})
    admitServiceAccount(p, 'web', ctx())
    expect(Object.keys(p.spec!)).to.deep.equal(['containers', 'restartPolicy', 'serviceAccountName', 'volumes'])
  })

  it('rejects a pod whose service account does not exist, as the API server does', () => {
    const err = rejection(() => admitServiceAccount(pod({serviceAccountName: 'builder', containers: [{name: 'a', image: 'nginx'}]}), 'web', ctx()))
    expect(err.code).to.equal(403)
    expect(err.message).to.equal('pods "web" is forbidden: error looking up service account team/builder: serviceaccount "builder" not found')
  })

  it('mounts nothing when the pod or else its account turns automounting off', () => {
    const off = pod({automountServiceAccountToken: false, containers: [{name: 'a', image: 'nginx'}]})
    admitServiceAccount(off, 'web', ctx())
    expect(off.spec!.volumes).to.equal(undefined)
    const byAccount = pod({serviceAccountName: 'quiet', containers: [{name: 'a', image: 'nginx'}]})
    admitServiceAccount(byAccount, 'web', ctx({quiet: {automountServiceAccountToken: false}}))
    expect(byAccount.spec!.volumes).to.equal(undefined)
    const podWins = pod({serviceAccountName: 'quiet', automountServiceAccountToken: true, containers: [{name: 'a', image: 'nginx'}]})
    admitServiceAccount(podWins, 'web', ctx({quiet: {automountServiceAccountToken: false}}))
    expect(podWins.spec!.volumes).to.have.length(1)
  })

  it('leaves containers that already mount something at the token path, and adds no volume when none needs it', () => {
    const p = pod({containers: [{name: 'a', image: 'nginx', volumeMounts: [{name: 'own', mountPath: TOKEN_MOUNT_PATH}]}], volumes: [{name: 'own', emptyDir: {}}]})
    admitServiceAccount(p, 'web', ctx())
    expect(p.spec!.volumes).to.deep.equal([{name: 'own', emptyDir: {}}])
    expect(mountsOf(p)).to.deep.equal([[{name: 'own', mountPath: TOKEN_MOUNT_PATH}]])
  })

  it('reuses a kube-api-access volume the pod already declares', () => {
    const p = pod({containers: [{name: 'a', image: 'nginx'}], volumes: [{name: 'kube-api-access-abcde', emptyDir: {}}]})
    admitServiceAccount(p, 'web', ctx())
    expect(p.spec!.volumes).to.have.length(1)
    expect(mountsOf(p)[0]).to.deep.equal([{mountPath: TOKEN_MOUNT_PATH, name: 'kube-api-access-abcde', readOnly: true}])
  })

  it("copies the account's image pull secrets when the pod names none", () => {
    const accounts = {puller: {imagePullSecrets: [{name: 'regcred'}]}}
    const p = pod({serviceAccountName: 'puller', containers: [{name: 'a', image: 'nginx'}]})
    admitServiceAccount(p, 'web', ctx(accounts))
    expect(p.spec!.imagePullSecrets).to.deep.equal([{name: 'regcred'}])
    const own = pod({serviceAccountName: 'puller', imagePullSecrets: [{name: 'mine'}], containers: [{name: 'a', image: 'nginx'}]})
    admitServiceAccount(own, 'web', ctx(accounts))
    expect(own.spec!.imagePullSecrets).to.deep.equal([{name: 'mine'}])
  })

  it('leaves mirror pods alone', () => {
    const p = pod({containers: [{name: 'a', image: 'nginx'}]}, {'kubernetes.io/config.mirror': 'abc'})
    admitServiceAccount(p, 'web', ctx({}))
    expect(p.spec!.volumes).to.equal(undefined)
  })
})
