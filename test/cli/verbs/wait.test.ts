// `wait --for=delete --all`: every object the list found says "condition met", also one that was gone
// before the wait came to it (kubectl's IsDeleted answers a vanished object as deleted).
import {expect} from 'chai'

import {lookupResource} from '../../../src/api/registry.js'
import {Api} from '../../../src/api/server.js'
import {completeWait, runWait} from '../../../src/cli/verbs/wait.js'
import type {WaitFlags} from '../../../src/cli/verbs/wait-flags.js'
import {Store} from '../../../src/store/sqlite-store.js'
import {useTempStores} from '../../store/temp-store.js'

const deployment = (name: string) => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: {name, namespace: 'w', finalizers: ['example.com/hold']},
  spec: {selector: {matchLabels: {app: name}}, template: {metadata: {labels: {app: name}}, spec: {containers: [{name: 'c', image: 'nginx'}]}}},
})

/** `--for=delete` with the given flags, as oclif parses them. */
const flags = (f: {all: boolean; timeout: string}): WaitFlags => ({...f, 'all-namespaces': false, filename: undefined, for: 'delete', selector: undefined, json: undefined})

describe('wait --for=delete --all', () => {
  const stores = useTempStores()

  it('prints condition met for each listed object, the one deleted first while it waited for the other too', async () => {
    const api = new Api(stores.open())
    api.create({apiVersion: 'v1', kind: 'Namespace', metadata: {name: 'w'}})
    const deploy = lookupResource('deployments')!
    for (const name of ['a', 'b']) {
      api.create(deployment(name))
      api.delete(deploy, 'w', name)
    }
    // the finalizers go from another connection (another process), as a controller's would
    const other = Store.open(stores.file())
    const otherApi = new Api(other)
    const out: string[] = []
    const err: string[] = []
    try {
      const waiting = runWait(api, {context: 'ksim', cluster: 'ksim', namespace: 'w', namespaceExplicit: true}, ['deployments'], flags({all: true, timeout: '10s'}), completeWait(flags({all: true, timeout: '10s'})), {
        out: (t) => out.push(t),
        err: (l) => err.push(l),
      })
      // the wait is on a now; b goes first, then a
      expect(out).to.deep.equal([])
      for (const name of ['b', 'a']) otherApi.modify(deploy, 'w', name, (o) => void (o.metadata.finalizers = []))
      const ok = (await waiting).length === 0
      expect({ok, err}).to.deep.equal({ok: true, err: []})
    } finally {
      other.close()
    }
    expect(out).to.deep.equal(['deployment.apps/a condition met\n', 'deployment.apps/b condition met\n'])
    expect(err).to.deep.equal([])
  })

  it('skips a named object that is already gone, as kubectl ignores its NotFound', async () => {
    const api = new Api(stores.open())
    api.create({apiVersion: 'v1', kind: 'Namespace', metadata: {name: 'w'}})
    const out: string[] = []
    const errors = await runWait(api, {context: 'ksim', cluster: 'ksim', namespace: 'w', namespaceExplicit: true}, ['deployment/gone'], flags({all: false, timeout: '1s'}), completeWait(flags({all: false, timeout: '1s'})), {
      out: (t) => out.push(t),
      err: (l) => out.push(l),
    })
    expect([errors.length === 0, out]).to.deep.equal([true, []])
  })
})
