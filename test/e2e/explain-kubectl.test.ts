// `ksim explain` against the real kubectl 1.35's `explain` reading the OpenAPI v3 documents `ksim serve`
// answers (/openapi/v3, /openapi/v3/api/v1, /openapi/v3/apis/<group>/<version>): both read the same
// schemas and descriptions, so every byte of kubectl's plaintext template (header, FIELD/FIELDS, types,
// -required-, wrapping, recursion, errors) must come out of ksim the same, with the same exit code.
import {expect} from 'chai'

import {type RunResult} from '../helpers/cli.js'
import {lineDiff} from '../helpers/line-diff.js'
import {useServedKubectl} from './serve-helpers.js'

export const EXPLAIN_SCRIPT: string[][] = [
  ['explain', 'pods'],
  ['explain', 'pod.spec'],
  ['explain', 'pod.spec.containers'],
  ['explain', 'pods.spec.containers.resources.limits'],
  ['explain', 'po.metadata.creationTimestamp'],
  ['explain', 'pod.spec.containers.ports.protocol'],
  ['explain', 'pod.spec.restartPolicy'],
  ['explain', 'pods.status.conditions'],
  ['explain', 'deploy.spec', '--recursive'],
  ['explain', 'deployment'],
  ['explain', 'deployments.apps'],
  ['explain', 'deployments.apps.spec.strategy'],
  ['explain', 'deploy.spec.strategy.rollingUpdate.maxSurge'],
  ['explain', 'deploy.spec.template.spec.containers.env.valueFrom', '--recursive'],
  ['explain', 'nodes', '--api-version=v1'],
  ['explain', 'deployments', '--api-version=apps/v1'],
  ['explain', 'services.spec'],
  ['explain', 'configmap'],
  ['explain', 'secret.data'],
  ['explain', 'jobs.spec.podFailurePolicy', '--recursive'],
  ['explain', 'sts.spec.volumeClaimTemplates'],
  ['explain', 'ds'],
  ['explain', 'pdb.spec'],
  ['explain', 'leases', '--recursive'],
  ['explain', 'ns'],
  ['explain', 'events.involvedObject'],
  ['explain', 'endpointslices.endpoints'],
  ['explain', 'pod.spec.'],
  // errors
  ['explain', 'nosuchkind'],
  ['explain', 'pods.spec.nosuch'],
  ['explain', 'pods.nosuch.deeper'],
  ['explain', 'pods', '--api-version=v2'],
  ['explain', 'deployments', '--api-version=v1'],
  ['explain', 'pods', '--api-version=a/b/c'],
  ['explain', 'pods', '-o', 'yaml'],
  ['explain'],
  ['explain', 'pods', 'nodes'],
]

describe('ksim explain prints what kubectl 1.35 explain prints from the schemas ksim serve answers', function () {
  this.timeout(600_000)
  const ctx = useServedKubectl('ksim-explain-', (sb) => void sb.run(['cluster', 'create', 'demo']))

  it(`runs ${EXPLAIN_SCRIPT.length} explain commands with identical stdout, stderr and exit codes`, async () => {
    const diffs: string[] = []
    for (const args of EXPLAIN_SCRIPT) {
      const want = await ctx.kubectl(args)
      want.stderr = want.stderr.replaceAll('"kubectl api-resources"', '"ksim api-resources"')
      const got = ctx.sb.run(args)
      if (want.stdout !== got.stdout || want.stderr !== got.stderr || want.code !== got.code) {
        const show = (r: RunResult): string => `exit ${r.code}\n[stdout]\n${r.stdout}\n[stderr]\n${r.stderr}`
        diffs.push(`$ kubectl ${args.join(' ')}    (- kubectl 1.35 via ksim serve, + ksim)\n${lineDiff(show(want), show(got))}`)
      }
    }
    if (diffs.length > 0) expect.fail(`${diffs.length} of ${EXPLAIN_SCRIPT.length} commands differ:\n${diffs.join('\n')}`)
  })
})
