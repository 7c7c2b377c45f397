// Fault test (npm run test:faults): a reconciler in the middle of a long pass (a deployment of many
// replicas: one pass creating pods for seconds) loses its lease to another holder. Every write it makes
// is fenced by the lease inside its own transaction, so from the takeover on not one write of the old
// holder lands; it notices at its next commit and exits.
import {expect} from 'chai'
import fs from 'node:fs'

import {isStatusError} from '../../src/api/errors.js'
import {reconcilerLog} from '../../src/config/paths.js'
import {LEASE_NAME, LEASE_NAMESPACE, pidAlive, readReconcilerStatus} from '../../src/reconciler/lease.js'
import {ensureReconciler} from '../../src/reconciler/spawn.js'
import {eventually, useTempHome} from '../reconciler/helpers.js'

const REPLICAS = 20_000

describe('a long reconciler pass whose lease is taken over', function () {
  this.timeout(600_000)
  const t = useTempHome()

  it('lands no write of the old holder after the takeover, and the old holder exits', async () => {
    await t.cluster('test', {nodes: 2})
    const {store, api} = t.open()
    api.create({
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: {name: 'big', namespace: 'default'},
      spec: {replicas: REPLICAS, selector: {matchLabels: {app: 'big'}}, template: {metadata: {labels: {app: 'big'}}, spec: {containers: [{name: 'app', image: 'nginx'}]}}},
    })
    const r = await ensureReconciler('test', {store, waitMs: 10_000})
    const old = r.pid!
    expect(old).to.be.a('number')
    // in the middle of the pass that creates the pods
    await eventually('the pass under way', () => store.count('Pod') >= 500, 120_000)
    // the forced expiry: another holder takes the lease (a compare-and-swap, waiting for the old
    // holder's open batch to commit, as any writer would; a renewal that commits first makes it retry)
    for (;;) {
      const lease = api.peek('Lease', LEASE_NAMESPACE, LEASE_NAME)!
      const spec = lease.spec as Record<string, unknown>
      try {
        api.update({...lease, spec: {...spec, holderIdentity: 'elsewhere_4242', leaseTransitions: Number(spec.leaseTransitions ?? 0) + 1, renewTime: new Date().toISOString().replace('Z', '000Z')}})
        break
      } catch (error) {
        if (!isStatusError(error, 'Conflict')) throw error
      }
    }
    const takeover = store.revision()
    const podsAtTakeover = store.count('Pod')
    await eventually('the old holder to exit', () => !pidAlive(old), 30_000)
    // wait a little more: anything it had in flight would have landed by now
    await new Promise((r) => setTimeout(r, 500))
    const after = store.changesSince(takeover).map((c) => `${c.type} ${c.kind} ${c.namespace}/${c.name}`)
    const log = fs.readFileSync(reconcilerLog('test'), 'utf8')
    console.log(`      figures: takeover at revision ${takeover} with ${podsAtTakeover} of ${REPLICAS} pods; writes after it: ${after.length}; old holder exited`)
    expect(after, log.split('\n').slice(-10).join('\n')).to.deep.equal([])
    expect(store.count('Pod')).to.equal(podsAtTakeover)
    expect(log).to.match(/lost the lease: elsewhere_4242 holds it now; nothing of the pass in progress was written; exiting/)
    expect(readReconcilerStatus(store).holder).to.equal('elsewhere_4242')
    // the fake holder lets go, so the test's clean-up finds nothing to stop
    const last = api.peek('Lease', LEASE_NAMESPACE, LEASE_NAME)!
    const {holderIdentity: _gone, ...rest} = last.spec as Record<string, unknown>
    api.update({...last, spec: rest})
  })
})
