// The real kubectl 1.35 against `ksim serve` (a child process on a free port) and ksim's own CLI, on the
// same pinned cluster: both must print the same bytes and exit with the same code. Tables travel over the
// wire (the server prints them with ksim's printers, kubectl lays them out); describe and -o formats are
// kubectl's own printing of the objects ksim serves.
import {expect} from 'chai'
import path from 'node:path'

import {apiSettingsOf, readProfile} from '../../src/api/cluster-profile.js'
import {Api} from '../../src/api/server.js'
import {Store} from '../../src/store/sqlite-store.js'
import {type RunResult} from '../helpers/cli.js'
import {lineDiff} from '../helpers/line-diff.js'
import {buildPinnedCluster} from '../helpers/pinned-cluster.js'
import {namesOf, REFERENCE_SCRIPT, type Names} from './fixtures/kubectl-reference-script.js'
import {SERVE_TABLE_SCRIPT} from './fixtures/serve-compare-script.js'
import {useServedKubectl} from './serve-helpers.js'

describe('kubectl 1.35 through ksim serve prints what ksim prints', function () {
  this.timeout(900_000)
  let names: Names
  const ctx = useServedKubectl('ksim-serve-cmp-', async (sb) => {
    await buildPinnedCluster(sb.home)
    const store = Store.open(path.join(sb.home, 'clusters', 'ksim', 'state.db'), {mustExist: true})
    const api = new Api(store, {settings: apiSettingsOf(readProfile(store))})
    names = namesOf(api, sb.write('fresh.yaml', 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: fresh\nspec:\n  containers:\n  - name: app\n    image: nginx:1.27\n'))
    store.close()
  })

  const scripts = (): ((n: Names) => string[])[] => [...SERVE_TABLE_SCRIPT, ...REFERENCE_SCRIPT]

  it(`runs ${SERVE_TABLE_SCRIPT.length + REFERENCE_SCRIPT.length} commands with identical stdout, stderr and exit codes`, async () => {
    const diffs: string[] = []
    const all = scripts()
    for (const make of all) {
      const args = make(names)
      const want = await ctx.kubectl(args)
      want.stderr = want.stderr.replaceAll(/^See 'kubectl /gm, "See 'ksim ")
      const got = ctx.sb.run(args)
      if (want.stdout !== got.stdout || want.stderr !== got.stderr || want.code !== got.code) {
        const show = (r: RunResult): string => `exit ${r.code}\n[stdout]\n${r.stdout}\n[stderr]\n${r.stderr}`
        diffs.push(`$ kubectl ${args.join(' ')}    (- kubectl 1.35 via ksim serve, + ksim)\n${lineDiff(show(want), show(got))}`)
      }
    }
    if (diffs.length > 0) expect.fail(`${diffs.length} of ${all.length} commands differ:\n${diffs.join('\n')}`)
  })
})
